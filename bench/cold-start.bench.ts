import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { DEMO_ADMIN_TOKEN } from '../src/services/demo-accounts.service.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
/** What `npm start` runs (package.json): the build step, a hash of the sources when nothing changed, then the compiled server. */
const NPM_START = `"${process.execPath}" scripts/build.js && exec "${process.execPath}" dist/server/cli/main.js serve`;
const RUNS = 3;

/** Spawns a command and resolves with the ms until `ready` says so; then stops it (its whole process group). */
async function timeUntil(
  command: { shell: string } | { args: string[] },
  env: Record<string, string>,
  ready: () => Promise<boolean>,
): Promise<number> {
  const t0 = performance.now();
  const child =
    'shell' in command
      ? spawn('sh', ['-c', command.shell], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore', detached: true })
      : spawn(process.execPath, command.args, { env: { ...process.env, ...env }, stdio: 'ignore', detached: true });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
      if (await ready().catch(() => false)) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
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
