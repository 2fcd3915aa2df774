import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A pg_auto_failover formation on this machine for tests: a monitor, a primary and a hot standby as
 * three local PostgreSQL instances on free ports, each run by its own `pg_autoctl … --run` keeper
 * (Debian's postgresql-15-auto-failover and pg-auto-failover-cli, installed by .ci/run). PostgreSQL
 * refuses to run as root, so under root the keepers run as the `postgres` user.
 */
export interface Formation {
  /** The app's connection string: both nodes, the app finds the primary. */
  url: string;
  /** The two data nodes' ports. */
  ports: readonly [number, number];
  /** Port of the node the monitor currently has as primary. */
  primaryPort(): Promise<number>;
  /** kill -9 of the primary's keeper and postmaster: the server is gone, as if its machine died. */
  killPrimary(): Promise<number>;
  stop(): Promise<void>;
}

// Failure detection tuned down from the defaults (5 s checks, 20 s unhealthy, 30 s demote timeout) so
// that a test sees the failover in seconds; docs/deployment.md gives the production values.
const MONITOR_SETTINGS: Record<string, number> = {
  'pgautofailover.health_check_period': 1000,
  'pgautofailover.health_check_timeout': 1000,
  'pgautofailover.health_check_max_retries': 1,
  'pgautofailover.health_check_retry_delay': 500,
  'pgautofailover.node_considered_unhealthy_timeout': 3000,
  'pgautofailover.primary_demote_timeout': 3000,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const withFailover = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'lib', 'pgautofailover.so')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (withFailover.length === 0 || spawnSync('pg_autoctl', ['--version']).status !== 0) {
    throw new Error(
      'pg_auto_failover is not installed: apt-get install postgresql-15-auto-failover pg-auto-failover-cli (.ci/run does)',
    );
  }
  return path.join(root, withFailover[0]!, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function query<R extends pg.QueryResultRow>(port: number, database: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function waitFor<T>(
  what: string,
  ms: number,
  probe: () => Promise<T | undefined>,
  failed: () => string | undefined = () => undefined,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    if (failed()) throw new Error(`pg_autoctl could not start: ${failed()}`);
    await sleep(300);
  }
}

export async function startFormation(): Promise<Formation> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), 'plantrack-pgaf-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = userIds('postgres');
    chownSync(dir, uid, gid);
  }
  const [monitorPort, port1, port2] = [await freePort(), await freePort(), await freePort()];
  const keepers = new Map<number, ChildProcess>();
  const failures: string[] = [];
  const firstFailure = () => failures[0];

  const autoctl = (port: number, args: string[]) => {
    const env = { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, PG_AUTOCTL_DEBUG: '0' };
    const command = asRoot ? '/usr/sbin/runuser' : 'pg_autoctl';
    const argv = asRoot
      ? ['-u', 'postgres', '--', 'env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), 'pg_autoctl', ...args]
      : args;
    // Own process group: killing the group takes the keeper and the postgres it started.
    const child = spawn(command, argv, { env: { ...process.env, ...env }, detached: true, stdio: 'ignore' });
    child.on('error', (err) => failures.push(`${args.slice(0, 2).join(' ')}: ${err.message}`));
    keepers.set(port, child);
  };
  const node = (name: string, port: number) =>
    autoctl(port, [
      'create',
      'postgres',
      '--pgdata',
      path.join(dir, name),
      '--pgport',
      String(port),
      '--hostname',
      '127.0.0.1',
      '--name',
      name,
      '--auth',
      'trust',
      '--no-ssl',
      '--dbname',
      'plantrack',
      '--monitor',
      `postgres://autoctl_node@127.0.0.1:${monitorPort}/pg_auto_failover?sslmode=disable`,
      '--run',
    ]);
  const states = () =>
    query<{ nodeport: number; reportedstate: string; goalstate: string }>(
      monitorPort,
      'pg_auto_failover',
      'SELECT nodeport, reportedstate, goalstate FROM pgautofailover.node ORDER BY nodeid',
    );
  const killGroup = (port: number, signal: NodeJS.Signals) => {
    const child = keepers.get(port);
    if (child?.pid) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    }
  };
  const postmasterPid = (name: string) => {
    const file = path.join(dir, name, 'postmaster.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
  };

  const stop = async () => {
    for (const port of keepers.keys()) killGroup(port, 'SIGTERM');
    await sleep(2000);
    for (const port of keepers.keys()) killGroup(port, 'SIGKILL');
    for (const name of ['monitor', 'node1', 'node2']) {
      const pid = postmasterPid(name);
      if (pid)
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    autoctl(monitorPort, [
      'create',
      'monitor',
      '--pgdata',
      path.join(dir, 'monitor'),
      '--pgport',
      String(monitorPort),
      '--hostname',
      '127.0.0.1',
      '--auth',
      'trust',
      '--no-ssl',
      '--run',
    ]);
    await waitFor('the monitor', 60_000, async () => ((await states()) ? true : undefined), firstFailure);
    // One statement each: ALTER SYSTEM cannot run in the implicit transaction of a multi-statement query.
    for (const [k, v] of Object.entries(MONITOR_SETTINGS))
      await query(monitorPort, 'pg_auto_failover', `ALTER SYSTEM SET ${k} = ${v}`);
    await query(monitorPort, 'pg_auto_failover', 'SELECT pg_reload_conf()');

    node('node1', port1);
    await waitFor(
      'the first node to be primary',
      60_000,
      async () =>
        (await states()).some((s) => s.nodeport === port1 && ['single', 'primary', 'wait_primary'].includes(s.reportedstate))
          ? true
          : undefined,
      firstFailure,
    );
    node('node2', port2);
    // pg_basebackup waits for a checkpoint on the primary; an idle server would take minutes to reach one.
    await waitFor(
      'the standby to catch up',
      120_000,
      async () => {
        await query(port1, 'postgres', 'CHECKPOINT').catch(() => undefined);
        const s = await states();
        return s.length === 2 &&
          s.every((n) => n.reportedstate === n.goalstate && ['primary', 'secondary'].includes(n.reportedstate))
          ? true
          : undefined;
      },
      firstFailure,
    );
  } catch (err) {
    await stop();
    throw err;
  }

  // Right after a failover the promoted node may still be between states (reported stop_replication, goal
  // wait_primary) although it already takes writes: wait up to 30 s for the monitor to settle (CI failed on it once).
  const primaryPort = async () => {
    const until = Date.now() + 30_000;
    for (;;) {
      const s = await states();
      // A dead primary keeps its last reported state; the monitor's goal says who is primary now.
      const p = s.find((n) => n.goalstate === n.reportedstate && ['single', 'primary', 'wait_primary'].includes(n.goalstate));
      if (p) return p.nodeport;
      if (Date.now() > until) throw new Error(`no primary: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };

  return {
    url: `postgres://postgres@127.0.0.1:${port1},127.0.0.1:${port2}/plantrack`,
    ports: [port1, port2],
    primaryPort,
    killPrimary: async () => {
      const port = await primaryPort();
      const name = port === port1 ? 'node1' : 'node2';
      const pid = postmasterPid(name);
      killGroup(port, 'SIGKILL');
      if (pid) process.kill(pid, 'SIGKILL');
      return port;
    },
    stop,
  };
}

function userIds(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no user ${name}`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
