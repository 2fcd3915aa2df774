import { openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createDemoAccounts, DEMO_ADMIN_TOKEN, DEMO_PASSWORD } from '../../src/services/demo-accounts.service.ts';
import { seedDataset } from '../../src/services/seed.service.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { createEmptyPostgres } from './databases.ts';

export const ADMIN_TOKEN = DEMO_ADMIN_TOKEN;
export { DEMO_PASSWORD };

/**
 * The real server on an ephemeral port. On PGlite the demo accounts come with the embedded
 * database; on PostgreSQL the same accounts are created first, as an operator would. Synthetic
 * demo figures are left out (so tests see only the plans' figures) unless a test asks for them.
 */
export async function startTestServer(
  kind: 'pglite' | 'postgres',
  options: { demoData?: boolean } = {},
): Promise<RunningServer & { drop(): Promise<void>; startAnother(): Promise<RunningServer> }> {
  const base = {
    port: 0,
    host: '127.0.0.1',
    seedOnStart: true,
    demoData: options.demoData ?? false,
    logLevel: 'silent' as const,
    bodyLimit: 1024 * 1024,
    cliToken: undefined,
    trustProxy: false,
  };
  if (kind === 'pglite') {
    const server = await startServer({ ...base, database: { kind: 'pglite', dataDir: 'memory://' } });
    const startAnother = () => Promise.reject(new Error('an embedded database serves one process'));
    return { ...server, drop: async () => {}, startAnother };
  }
  const empty = await createEmptyPostgres();
  const prep = await openDatabase(empty.config);
  await migrate(prep);
  const seeded = await seedDataset(prep);
  if (!seeded.ok) throw new Error('seed failed');
  await createDemoAccounts(prep);
  await prep.close();
  const server = await startServer({ ...base, database: empty.config });
  // A second app process's view: another server on the same database (two instances behind a balancer).
  return { ...server, drop: empty.drop, startAnother: () => startServer({ ...base, database: empty.config }) };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function loginAs(base: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await fetch(new URL('/api/v1/auth/login', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

export type Auth = { token: string } | Session | null;

function authHeaders(auth: Auth, unsafe: boolean): Record<string, string> {
  if (auth === null) return {};
  if ('token' in auth) return { authorization: `Bearer ${auth.token}` };
  return unsafe ? { cookie: auth.cookie, 'x-csrf-token': auth.csrf } : { cookie: auth.cookie };
}

export async function request<T = unknown>(
  base: string,
  method: string,
  path: string,
  opts: { auth?: Auth; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const auth = opts.auth === undefined ? { token: ADMIN_TOKEN } : opts.auth;
  const unsafe = method !== 'GET';
  const headers: Record<string, string> = { ...authHeaders(auth, unsafe), ...opts.headers };
  let body: string | Uint8Array | undefined;
  if (opts.body instanceof Uint8Array) {
    body = opts.body;
    headers['content-type'] ??= 'application/octet-stream';
  } else if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['content-type'] ??= typeof opts.body === 'string' ? 'application/yaml' : 'application/json';
  }
  const res = await fetch(new URL(path, base), { method, headers, body });
  if (!(res.headers.get('content-type') ?? '').includes('json'))
    return { status: res.status, body: (await res.arrayBuffer()) as T };
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** GET as the demo administrator (API token), unless other credentials are given. */
export function getJson<T = unknown>(base: string, path: string, auth?: Auth) {
  return request<T>(base, 'GET', path, { auth });
}
