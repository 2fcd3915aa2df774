import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, READ_APPLICATION_NAME } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createDemoAccounts } from '../../src/services/demo-accounts.service.ts';
import { seedDataset } from '../../src/services/seed.service.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { createEmptyPostgres } from '../support/databases.ts';
import { loginAs, request, type Session } from '../support/server.ts';

/**
 * Dashboard reads on the standby (issue 22, PLANTRACK_READ_DATABASE_URL). A hot standby refuses every
 * write, so the read handle here is a session with default_transaction_read_only=on on the same
 * database: each dashboard endpoint must answer from it (it writes nothing), its sessions carry the
 * read pool's name, and writes still go to the primary. test/e2e/failover.test.ts runs the same reads on
 * a real pg_auto_failover standby.
 */
describe('dashboard reads through PLANTRACK_READ_DATABASE_URL', () => {
  let server: RunningServer;
  let drop: () => Promise<void>;
  let leader: Session;
  let planner: Session;
  const PARKS = 'yunnan-parks-2021-2025';

  before(async () => {
    const empty = await createEmptyPostgres();
    drop = empty.drop;
    const prep = await openDatabase(empty.config);
    await migrate(prep);
    if (!(await seedDataset(prep)).ok) throw new Error('seed failed');
    await createDemoAccounts(prep);
    await prep.close();
    const readUrl = new URL(empty.config.url);
    readUrl.searchParams.set('options', '-c default_transaction_read_only=on');
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      seedOnStart: false,
      demoData: true,
      logLevel: 'silent',
      bodyLimit: 1024 * 1024,
      cliToken: undefined,
      trustProxy: false,
      database: { ...empty.config, readUrl: readUrl.toString() },
    });
    leader = await loginAs(server.url, 'leader');
    planner = await loginAs(server.url, 'planner');
  });
  after(async () => {
    await server?.close();
    await drop?.();
  });

  it('the read handle is a read-only session (a write through it is refused)', async () => {
    const replica = server.database.replica;
    assert.ok(replica, 'a replica handle is opened when readUrl is set');
    await assert.rejects(sql`CREATE TEMP TABLE t_write_probe (x int)`.execute(replica.db), /read-only transaction/);
  });

  it('answers every dashboard question from it, with figures', async () => {
    const paths = [
      `/api/v1/progress?plan=${PARKS}&at=2024`,
      `/api/v1/progress/${PARKS}/targets/revenue-per-mu-national-2025?at=2024`,
      `/api/v1/progress/map?indicator=REVENUE_PER_MU&at=2023&plan=${PARKS}`,
      `/api/v1/progress/${PARKS}/comparison?indicator=REVENUE_PER_MU&at=2023&by=zone_level`,
      '/api/v1/home/summary',
    ];
    for (const p of paths) {
      const res = await request(server.url, 'GET', p, { auth: leader });
      assert.equal(res.status, 200, `${p}: ${JSON.stringify(res.body).slice(0, 300)}`);
    }
    const progress = await request<{ targets: { class: string }[] }>(
      server.url,
      'GET',
      `/api/v1/progress?plan=${PARKS}&at=2024`,
      { auth: leader },
    );
    assert.ok(
      progress.body.targets.some((t) => t.class !== 'insufficient_data'),
      'judged on the demo figures',
    );
    const home = await request(server.url, 'GET', '/api/v1/home/plans', { auth: planner });
    assert.equal(home.status, 200);
  });

  it('runs them on the read pool, named in pg_stat_activity', async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where application_name = ${READ_APPLICATION_NAME} and datname = current_database()`.execute(server.database.db);
    assert.ok(rows[0]!.n > 0, 'the read pool holds sessions after the dashboard reads');
  });

  it('writes still go to the primary', async () => {
    const res = await request(server.url, 'POST', '/api/v1/auth/tokens', {
      auth: planner,
      body: { name: 'after-reads', scopes: ['read'] },
    });
    assert.equal(res.status, 201);
  });
});
