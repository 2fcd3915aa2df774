import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** What the kernel says of a process's memory: resident now and its peak (VmRSS, VmHWM), in bytes. */
export function processMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The platform as `npm start` runs it (the build step, then the compiled server), in a process of its
 * own on a database the benchmark has filled: its memory is its own, not that of the benchmark that
 * generated millions of figures. Seed and demo data off (the database already holds them).
 */
export async function withServerApart<T>(databaseUrl: string, fn: (base: URL, pid: number) => Promise<T>): Promise<T> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'plantrack-bench-apart-'));
  const child = spawn(
    'sh',
    ['-c', `"${process.execPath}" scripts/build.js && exec "${process.execPath}" dist/server/cli/main.js serve`],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        PLANTRACK_DATA_DIR: dataDir,
        PLANTRACK_SEED_ON_START: 'false',
        PLANTRACK_DEMO_DATA: 'false',
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = new URL(`http://127.0.0.1:${port}`);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      const up = await fetch(new URL('/api/v1/health/ready', base)).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // `exec` made the shell the server: its pid is the server's.
    return await fn(base, child.pid!);
  } finally {
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}
