import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { NPM_START, startUntil } from './spawned-server.ts';

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
  const base = new URL(`http://127.0.0.1:${port}`);
  try {
    const server = await startUntil(
      { shell: NPM_START },
      {
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        PLANTRACK_DATA_DIR: dataDir,
        PLANTRACK_SEED_ON_START: 'false',
        PLANTRACK_DEMO_DATA: 'false',
        LOG_LEVEL: 'silent',
      },
      async () => (await fetch(new URL('/api/v1/health/ready', base))).ok,
    );
    try {
      return await fn(base, server.pid);
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
