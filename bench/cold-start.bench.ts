import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { DEMO_ADMIN_TOKEN } from '../src/services/demo-accounts.service.ts';
import { NPM_START, startUntil } from './spawned-server.ts';

const RUNS = 3;

/** Spawns a command and resolves with the ms until `ready` says so; then stops it. */
async function timeUntil(
  command: { shell: string } | { args: string[] },
  env: Record<string, string>,
  ready: () => Promise<boolean>,
): Promise<number> {
  const started = await startUntil(command, env, ready);
  await started.stop();
  return started.ms;
}

/**
 * `npm start` to the first API answer (issue 22: < 10 s on a new data directory, < 5 s on an
 * existing one): on a fresh PGlite directory (migrate, load the five plans, demo accounts), then
 * again on the same directory; against a baseline process that only opens a fresh PGlite and
 * answers one HTTP request. The build step is a no-op here (built at install).
 */
export async function coldStart() {
  const ours: number[] = [];
  const existing: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = await mkdtemp(path.join(tmpdir(), 'plantrack-bench-'));
    const port = String(3950 + i);
    const start = () =>
      timeUntil(
        { shell: NPM_START },
        { PORT: port, PLANTRACK_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' },
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/api/v1/plans`, {
            headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
          });
          return res.status === 200 && ((await res.json()) as { total: number }).total === 5;
        },
      );
    ours.push(await start());
    existing.push(await start());
    const script = `import { PGlite } from '@electric-sql/pglite'; import http from 'node:http';
      const db = new PGlite(${JSON.stringify(path.join(dir, 'raw'))}); await db.query('select 1');
      http.createServer((q, s) => db.query('select 1').then(() => s.end('ok'))).listen(${Number(port) + 10});`;
    baseline.push(
      await timeUntil(
        { args: ['--input-type=module', '-e', script] },
        {},
        async () => (await fetch(`http://127.0.0.1:${Number(port) + 10}/`)).ok,
      ),
    );
    await rm(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    description:
      '`npm start` (build step, compiled server) on a fresh PGlite directory: process start → the template made by the build copied in (migrated, five plans, demo accounts and figures; else migrations → seed) → first authenticated /api/v1/plans answer; then again on the same, existing directory',
    runs: RUNS,
    oursMs: ours.map(Math.round),
    existingDirectoryMs: existing.map(Math.round),
    medianExistingDirectoryMs: Math.round(median(existing)),
    goals: 'new directory < 10 s, existing directory < 5 s (issue 22)',
    baselineMs: baseline.map(Math.round),
    baselineDescription: 'process start → fresh PGlite → first HTTP answer, nothing else',
    medianOursMs: Math.round(median(ours)),
    medianBaselineMs: Math.round(median(baseline)),
    ratio: Number((median(ours) / median(baseline)).toFixed(2)),
  };
}
