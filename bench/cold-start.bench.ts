import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { DEMO_ADMIN_TOKEN } from '../src/services/demo-accounts.service.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/plantrack.js');
const RUNS = 3;

/** Spawns a process and resolves with the ms until `ready` says so; then kills it. */
async function timeUntil(args: string[], env: Record<string, string>, ready: () => Promise<boolean>): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
      if (await ready().catch(() => false)) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/**
 * Cold start to the first API answer on a fresh PGlite directory (migrate + load the five plans),
 * against a baseline process that only opens a fresh PGlite and answers one HTTP request.
 */
export async function coldStart() {
  const ours: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = await mkdtemp(path.join(tmpdir(), 'plantrack-bench-'));
    const port = String(3950 + i);
    ours.push(
      await timeUntil(
        [BIN, 'serve'],
        { PORT: port, PLANTRACK_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' },
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/api/v1/plans`, {
            headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
          });
          return res.status === 200 && ((await res.json()) as { total: number }).total === 5;
        },
      ),
    );
    const script = `import { PGlite } from '@electric-sql/pglite'; import http from 'node:http';
      const db = new PGlite(${JSON.stringify(path.join(dir, 'raw'))}); await db.query('select 1');
      http.createServer((q, s) => db.query('select 1').then(() => s.end('ok'))).listen(${Number(port) + 10});`;
    baseline.push(
      await timeUntil(
        ['--input-type=module', '-e', script],
        {},
        async () => (await fetch(`http://127.0.0.1:${Number(port) + 10}/`)).ok,
      ),
    );
    await rm(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    description:
      'fresh PGlite: process start → migrations → seed five plans and demo accounts → first authenticated /api/v1/plans answer',
    runs: RUNS,
    oursMs: ours.map(Math.round),
    baselineMs: baseline.map(Math.round),
    baselineDescription: 'process start → fresh PGlite → first HTTP answer, nothing else',
    medianOursMs: Math.round(median(ours)),
    medianBaselineMs: Math.round(median(baseline)),
    ratio: Number((median(ours) / median(baseline)).toFixed(2)),
  };
}
