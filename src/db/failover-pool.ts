import pg from 'pg';

export interface FailoverOptions {
  /** How long connect() keeps looking for a writable server before it gives up (covers a failover). */
  waitMs: number;
  retryDelayMs: number;
  max: number;
  /**
   * `primary` (default): only a server that accepts writes. `standby`: a server in recovery when one is
   * reachable, else any server — libpq's target_session_attrs=prefer-standby, for dashboard reads.
   */
  prefer?: 'primary' | 'standby';
  /** Names the pool's sessions in pg_stat_activity (application_name). */
  applicationName?: string;
}

/** How long a read pool leaves a host alone after it failed to connect. */
const HOST_RETRY_MS = 5_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A pool over several PostgreSQL servers of which one is the primary (pg_auto_failover's formation):
 * what libpq does with `host=a,b target_session_attrs=read-write`, which node-postgres lacks. Each
 * new connection is asked whether the server is in recovery; standbys are skipped, and after a
 * failover the next connection lands on the promoted node. Until one accepts writes (up to waitMs),
 * connect() keeps trying, so a request arriving mid-failover waits instead of failing.
 */
export class FailoverPool {
  private readonly pools: pg.Pool[];
  private readonly writable = new WeakSet<pg.PoolClient>();
  private readonly standbys = new WeakSet<pg.PoolClient>();
  private readonly downUntil = new Map<number, number>();
  private current = 0;
  private ended = false;

  constructor(
    connectionStrings: readonly string[],
    private readonly options: FailoverOptions,
    onIdleError: (err: Error) => void,
  ) {
    this.pools = connectionStrings.map((connectionString) => {
      // A dead host must not hold a request for the OS's TCP timeout.
      const pool = new pg.Pool({
        connectionString,
        max: options.max,
        connectionTimeoutMillis: 3_000,
        ...(options.applicationName ? { application_name: options.applicationName } : {}),
      });
      pool.on('error', onIdleError);
      // A connection whose server dies while it is checked out (mid-request, or when the primary is
      // killed) emits 'error' outside any query; unheard, that event would end the process.
      pool.on('connect', (client) => client.on('error', onIdleError));
      return pool;
    });
  }

  async connect(): Promise<pg.PoolClient> {
    return this.options.prefer === 'standby' ? this.connectPreferringStandby() : this.connectToPrimary();
  }

  /**
   * A standby if one answers, else whichever server answers first: reads may be a moment behind the
   * primary (synchronous replication acknowledges a write once the standby has flushed it, before it
   * replays it), which dashboards accept; they never wait for a failover to finish.
   */
  private async connectPreferringStandby(): Promise<pg.PoolClient> {
    let fallback: pg.PoolClient | undefined;
    let lastError: unknown = new Error('no PostgreSQL server reachable');
    for (let k = 0; k < this.pools.length && !this.ended; k++) {
      const i = (this.current + k) % this.pools.length;
      // A host that just failed is not asked again for a while: a dead standby must not cost every read a timeout.
      if ((this.downUntil.get(i) ?? 0) > Date.now()) continue;
      try {
        const client = await this.pools[i]!.connect();
        const standby = this.standbys.has(client) || (!this.writable.has(client) && (await this.inRecovery(client)));
        if (standby) {
          this.current = i;
          // The primary found on the way is closed, so the read pool holds no idle session there.
          fallback?.release(true);
          return client;
        }
        if (fallback) client.release();
        else fallback = client;
      } catch (err) {
        this.downUntil.set(i, Date.now() + HOST_RETRY_MS);
        lastError = err;
      }
    }
    if (fallback) return fallback;
    throw lastError;
  }

  private async connectToPrimary(): Promise<pg.PoolClient> {
    const deadline = Date.now() + this.options.waitMs;
    let lastError: unknown;
    for (;;) {
      for (let k = 0; k < this.pools.length && !this.ended; k++) {
        const i = (this.current + k) % this.pools.length;
        try {
          const client = await this.pools[i]!.connect();
          if (this.writable.has(client) || (await this.acceptsWrites(client))) {
            this.current = i;
            return client;
          }
          lastError = new Error(`no writable PostgreSQL server: host ${i + 1} is a standby`);
        } catch (err) {
          lastError = err;
        }
      }
      // After end() a caller still waiting for a primary gives up rather than keep the process alive.
      if (Date.now() >= deadline || this.ended) throw lastError;
      await sleep(this.options.retryDelayMs);
    }
  }

  async query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    const client = await this.connect();
    try {
      const result = await client.query<R>(text, values);
      client.release();
      return result;
    } catch (err) {
      // A connection that failed (or found its server demoted) is not put back.
      client.release(err instanceof Error ? err : true);
      throw err;
    }
  }

  async end(): Promise<void> {
    this.ended = true;
    await Promise.all(this.pools.map((p) => p.end()));
  }

  private async acceptsWrites(client: pg.PoolClient): Promise<boolean> {
    if (!(await this.askStandby(client))) {
      this.writable.add(client);
      return true;
    }
    client.release(true);
    return false;
  }

  /** Whether the server is a standby; the answer is remembered with the pooled connection. */
  private async inRecovery(client: pg.PoolClient): Promise<boolean> {
    const standby = await this.askStandby(client);
    (standby ? this.standbys : this.writable).add(client);
    return standby;
  }

  private async askStandby(client: pg.PoolClient): Promise<boolean> {
    try {
      const { rows } = await client.query<{ standby: boolean }>(
        "SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on' AS standby",
      );
      return rows[0]?.standby !== false;
    } catch (err) {
      client.release(err instanceof Error ? err : true);
      throw err;
    }
  }
}
