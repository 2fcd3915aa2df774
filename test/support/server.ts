import type { AppConfig } from '../../src/config/env.ts';
import { startServer, type RunningServer } from '../../src/server.ts';

/** The real server on an ephemeral port, on the given database. */
export function startTestServer(database: AppConfig['database']): Promise<RunningServer> {
  return startServer({ port: 0, host: '127.0.0.1', database, seedOnStart: true, logLevel: 'silent', bodyLimit: 1024 * 1024 });
}

export async function getJson<T = unknown>(base: string, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(new URL(path, base));
  return { status: res.status, body: (await res.json()) as T };
}
