import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../src/db/database.ts';
import { formatPeriod, periodBounds } from '../src/domain/period/period.ts';
import { createDemoAccounts, DEMO_ADMIN_TOKEN } from '../src/services/demo-accounts.service.ts';
import { ProgressContext } from '../src/services/progress/progress-context.ts';
import { rebuildAnalytics, refreshAnalytics } from '../src/services/progress/analytics.service.ts';
import { rebuildUnitYears, refreshUnitYears } from '../src/services/progress/unit-years.service.ts';
import { startServer } from '../src/server.ts';
import { answersChanged } from '../src/services/answers/answer-cache.ts';
import { withBenchDatabase } from './bench-database.ts';
import { processMemory, withServerApart } from './served-apart.ts';

const PLANS = ['yunnan-parks-2021-2025', 'yunnan-ftz-2021-2025'] as const;
const AT = '2025';
const YEARS = 5;
/** Groups whose members the synthetic zones join, so that the parks plan's group targets span them all. */
const ZONE_GROUPS = ['zones-all', 'zones-provincial'];

/** Synthetic provincial development zones spread over the prefectures, until the tree holds `total` units. */
export async function addZones(database: Database, total: number): Promise<number> {
  const existing = await database.db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const count = Math.max(0, total - Number(existing.n));
  const prefectures = await database.db
    .selectFrom('org_unit')
    .select('id')
    .where('kind', '=', 'prefecture')
    .orderBy('id')
    .execute();
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - i) }, (_, j) => {
      const n = i + j + 1;
      const parent = prefectures[n % prefectures.length]!.id;
      return {
        code: `ZN-PBENCH-${String(n).padStart(5, '0')}`,
        name: `进度基准开发区${String(n).padStart(5, '0')}`,
        kind: 'development_zone',
        parent_id: parent,
        zone_level: 'provincial',
        zone_kind: 'industrial_park',
        zone_prefecture_id: parent,
      };
    });
    ids.push(...(await database.db.insertInto('org_unit').values(rows).returning('id').execute()).map((r) => r.id));
  }
  const groups = await database.db.selectFrom('org_group').select('id').where('code', 'in', ZONE_GROUPS).execute();
  for (const g of groups)
    for (let i = 0; i < ids.length; i += 5000)
      await database.db
        .insertInto('org_group_member')
        .values(ids.slice(i, i + 5000).map((id) => ({ group_id: g.id, org_unit_id: id })))
        .execute();
  return count;
}

/** The indicators the benchmarked plans' targets reference first, then other plans', then the rest: `count` in all. */
export async function pickIndicators(database: Database, count: number): Promise<number[]> {
  const { rows } = await database.pool!.query<{ id: number }>(
    `SELECT i.id FROM indicator i
     ORDER BY EXISTS (SELECT 1 FROM target t WHERE t.indicator_id = i.id AND t.plan_id = ANY ($1)) DESC,
              EXISTS (SELECT 1 FROM target t WHERE t.indicator_id = i.id) DESC, i.id`,
    [PLANS],
  );
  return rows.slice(0, count).map((r) => r.id);
}

/** COPY of one approved synthetic monthly figure per (month, unit, indicator): YEARS × 12 × units × indicators rows. */
export async function copyValues(database: Database, units: readonly number[], indicators: readonly number[]): Promise<number> {
  let n = 0;
  const lines = function* () {
    for (let year = 2021; year < 2021 + YEARS; year++)
      for (let month = 1; month <= 12; month++) {
        const period = { kind: 'month' as const, year, month };
        const { start, end } = periodBounds(period);
        const head = `\t${formatPeriod(period)}\tmonth\t${start}\t${end}\tf\tsynthetic\t`;
        let chunk = '';
        for (const u of units)
          for (const i of indicators) {
            n++;
            chunk += `${u}\t${i}${head}${((n * 7919) % 1_000_000) / 100}\tapproved\n`;
          }
        yield chunk;
      }
  };
  const client = await database.pool!.connect();
  try {
    // History is loaded the way a migration would load it, with triggers off; the yearly and
    // analytics tables are then rebuilt in one go, and those rebuilds are timed on their own.
    await client.query('SET session_replication_role = replica');
    await pipeline(
      Readable.from(lines()),
      client.query(
        copyFrom(
          'COPY data_value (org_unit_id, indicator_id, period, period_kind, period_start, period_end, cumulative, origin, value, status) FROM STDIN',
        ),
      ),
    );
  } finally {
    await client.query('RESET session_replication_role');
    client.release();
  }
  return n;
}

/** Per target of plan $1, its subject's roots: the unit, or the group's members. */
const SUBJECTS = `
WITH subject AS (
  SELECT t.id AS target_id, t.indicator_id,
         CASE WHEN t.org_unit_id IS NOT NULL THEN ARRAY[t.org_unit_id]
              ELSE ARRAY(SELECT m.org_unit_id FROM org_group_member m WHERE m.group_id = t.group_id) END AS roots
  FROM target t WHERE t.plan_id = $1
)`;

/**
 * The plain SQL aggregate over the analytics table the API is measured against: per target and year,
 * its subject roots' subtree figures summed (one row for a unit's target, one per member for a
 * group's), with their latest period — no rule, no judgement, no freshness.
 */
export const ANALYTICS_SQL = `
${SUBJECTS}
SELECT s.target_id, a.year, sum(a.value)::text AS value, max(a.last_period) AS last_period
FROM subject s JOIN analytics_figure a ON a.org_unit_id = ANY(s.roots) AND a.indicator_id = s.indicator_id
WHERE a.year <= $2 AND a.value IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`;

/**
 * The same plus what freshness reads, in SQL too: per target, over every unit below its roots (the
 * rows' ancestor keys), the latest update and the latest month of its own figures.
 */
export const ANALYTICS_FRESHNESS_SQL = `
${SUBJECTS}, figures AS (
  SELECT s.target_id, a.year, sum(a.value)::text AS value, max(a.last_period) AS last_period
  FROM subject s JOIN analytics_figure a ON a.org_unit_id = ANY(s.roots) AND a.indicator_id = s.indicator_id
  WHERE a.year <= $2 AND a.value IS NOT NULL GROUP BY 1, 2
), fresh AS (
  SELECT s.target_id, a.org_unit_id, max(a.own_updated_at) AS last_updated, max(a.latest_month) AS latest_month
  FROM subject s JOIN analytics_figure a ON a.ancestors && s.roots AND a.indicator_id = s.indicator_id
  WHERE a.year <= $2 AND a.own_updated_at IS NOT NULL GROUP BY 1, 2
)
SELECT f.*, (SELECT max(last_updated) FROM fresh WHERE fresh.target_id = f.target_id) AS last_updated,
       (SELECT min(latest_month) FROM fresh WHERE fresh.target_id = f.target_id) AS earliest_reporter_month
FROM figures f ORDER BY 1, 2`;

interface Timing {
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  n: number;
}

function summarize(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  const round = (x: number) => Number(x.toFixed(1));
  return { p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), meanMs: round(s.reduce((a, b) => a + b, 0) / s.length), n: s.length };
}

async function clock(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Several functions timed in turn, run after run (A B C A B C …), so that load on the machine hits them alike. */
export async function alternated(warmups: number, runs: number, fns: readonly (() => Promise<void>)[]): Promise<Timing[]> {
  for (let i = 0; i < warmups; i++) for (const fn of fns) await fn();
  const samples = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) for (const [j, fn] of fns.entries()) samples[j]!.push(await clock(fn));
  return samples.map(summarize);
}

/**
 * `clients` concurrent clients each asking `each` times; latency percentiles and the serving process's
 * peak RSS meanwhile (`rss`: this process's, unless the server runs apart).
 */
async function concurrent(clients: number, each: number, fn: () => Promise<void>, rss = () => process.memoryUsage().rss) {
  const rssBeforeMb = Math.round(rss() / 1e6);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 20);
  const samples: number[] = [];
  const t0 = performance.now();
  try {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = 0; i < each; i++) samples.push(await clock(fn));
      }),
    );
  } finally {
    clearInterval(sampler);
  }
  return {
    clients,
    requests: samples.length,
    wallMs: Math.round(performance.now() - t0),
    ...summarize(samples),
    rssBeforeMb,
    peakRssMb: Math.round(Math.max(peak, rss()) / 1e6),
  };
}

/**
 * What keeping the tables current costs: one zone's monthly report changed (an approval), then the
 * next reader; a month of every unit corrected at once, the yearly rows and the analytics rows
 * recomputed separately.
 */
async function refreshCosts(database: Database, ctx: ProgressContext, units: readonly number[], ask: () => Promise<void>) {
  const pool = database.pool!;
  const zone = units[units.length - 1]!;
  const one = await pool.query(
    `UPDATE data_value SET value = value + 1, updated_at = now() WHERE org_unit_id = ${zone} AND period = '2025-06'`,
  );
  // What the approval does after its commit (transition.service.ts refreshProgress).
  const approvalRefreshMs = await clock(() => ProgressContext.refreshYears(database.db).then(() => undefined));
  const queued = await pool.query<{ n: string }>(
    'SELECT (SELECT count(*) FROM unit_year_dirty) + (SELECT count(*) FROM analytics_dirty) AS n',
  );
  const nextReaderMs = await clock(ask);

  const wave = await pool.query(`UPDATE data_value SET value = value + 1, updated_at = now() WHERE period = '2025-03'`);
  const yearlyMs = await clock(() => refreshUnitYears(database.db, ctx).then(() => undefined));
  let rows = 0;
  const analyticsMs = await clock(async () => {
    rows = await refreshAnalytics(database.db, ctx);
  });
  return {
    oneZoneMonth: {
      figures: one.rowCount,
      refreshAfterApprovalMs: Math.round(approvalRefreshMs),
      queuedForTheReader: Number(queued.rows[0]!.n),
      nextReaderMs: Math.round(nextReaderMs),
    },
    monthOfEveryUnit: {
      figures: wave.rowCount,
      yearlyRowsMs: Math.round(yearlyMs),
      analyticsRows: rows,
      analyticsMs: Math.round(analyticsMs),
      totalMs: Math.round(yearlyMs + analyticsMs),
    },
  };
}

/**
 * Progress of the parks plan (22 group targets over every zone, 13 over the whole tree) and the FTZ
 * plan (one area's subtree) over `values` synthetic monthly figures (5 years × ~2,000 units × n
 * indicators) on PostgreSQL: GET /api/v1/progress through a real listening server against a plain SQL
 * aggregate over the analytics table, alternated run by run; 20 concurrent clients on the parks
 * overview; what approvals and a month of corrections cost.
 */
async function progressAt(values: number, opts: { units: number; runs: number; warmups: number; clients: number }) {
  return withBenchDatabase(async (database, url) => {
    const t0 = performance.now();
    const added = await addZones(database, opts.units);
    const units = (await database.db.selectFrom('org_unit').select('id').orderBy('id').execute()).map((r) => r.id);
    const perIndicator = YEARS * 12 * units.length;
    const indicators = await pickIndicators(database, Math.max(1, Math.round(values / perIndicator)));
    const rows = await copyValues(database, units, indicators);
    await database.exec('ANALYZE');
    const setupMs = performance.now() - t0;
    await createDemoAccounts(database);
    const ctx = await ProgressContext.load(database.db);
    let yearlyKeys = 0;
    const yearlyRebuildMs = await clock(async () => {
      yearlyKeys = await rebuildUnitYears(database.db, ctx);
    });
    let analyticsRows = 0;
    const analyticsRebuildMs = await clock(async () => {
      analyticsRows = await rebuildAnalytics(database.db, ctx);
    });
    await database.exec('ANALYZE');
    const { rows: size } = await database.pool!.query<{ mb: string }>(
      `SELECT (sum(pg_total_relation_size(c.oid)) / 1e6)::int::text AS mb FROM pg_class c
       WHERE c.relname LIKE 'analytics_figure%' AND c.relkind = 'r'`,
    );

    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      database: { kind: 'postgres', url },
      seedOnStart: false,
      demoData: false,
      logLevel: 'silent',
      bodyLimit: 1024 * 1024,
      cliToken: undefined,
      trustProxy: false,
    });
    const ask = (plan: string) => async () => {
      const res = await fetch(new URL(`/api/v1/progress?plan=${plan}&at=${AT}`, server.url), {
        headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
      });
      if (res.status !== 200) throw new Error(`progress ${plan}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    // The first reader after a change: the server's kept answers dropped, as a write request does.
    const askAfresh = (plan: string) => async () => {
      answersChanged(server.database);
      await ask(plan)();
    };
    const plans: Record<string, unknown> = {};
    let overview: Awaited<ReturnType<typeof concurrent>>;
    let overviewAfresh: Awaited<ReturnType<typeof concurrent>>;
    let refresh: Awaited<ReturnType<typeof refreshCosts>>;
    try {
      for (const plan of PLANS) {
        const pool = server.database.pool!;
        const [api, apiAfresh, tableSql, tableFreshnessSql] = await alternated(opts.warmups, opts.runs, [
          ask(plan),
          askAfresh(plan),
          async () => void (await pool.query(ANALYTICS_SQL, [plan, Number(AT)])),
          async () => void (await pool.query(ANALYTICS_FRESHNESS_SQL, [plan, Number(AT)])),
        ]);
        plans[plan] = {
          api,
          apiJudgedAfresh: apiAfresh,
          analyticsSql: tableSql,
          analyticsWithFreshnessSql: tableFreshnessSql,
          ratioP50: Number((api!.p50Ms / tableSql!.p50Ms).toFixed(2)),
          ratioP95: Number((api!.p95Ms / tableSql!.p95Ms).toFixed(2)),
          ratioP50JudgedAfresh: Number((apiAfresh!.p50Ms / tableSql!.p50Ms).toFixed(2)),
          ratioP95JudgedAfresh: Number((apiAfresh!.p95Ms / tableSql!.p95Ms).toFixed(2)),
          ratioP50VsWithFreshness: Number((api!.p50Ms / tableFreshnessSql!.p50Ms).toFixed(2)),
        };
      }
      // Twenty readers of an overview someone has already opened (the plan loop's last request dropped
      // every kept answer): the case after a change is measured on its own just below.
      await ask(PLANS[0])();
      overview = await concurrent(opts.clients, 3, ask(PLANS[0]));
      // The same clients arriving together just after a change: the kept answer is gone, one judgement
      // is made and every client waits for that one.
      answersChanged(server.database);
      overviewAfresh = await concurrent(opts.clients, 1, ask(PLANS[0]));
      refresh = await refreshCosts(database, ctx, units, askAfresh(PLANS[0]));
    } finally {
      await server.close();
    }
    const apart = await overviewServedApart(database, url, opts.clients);
    return {
      dataValues: rows,
      units: units.length,
      syntheticZones: added,
      indicators: indicators.length,
      setupMs: Math.round(setupMs),
      yearlyTable: { fullRebuildMs: Math.round(yearlyRebuildMs), keys: yearlyKeys },
      analyticsTable: { fullRebuildMs: Math.round(analyticsRebuildMs), rows: analyticsRows, sizeMb: Number(size[0]?.mb ?? 0) },
      plans,
      overviewConcurrent: overview,
      overviewConcurrentAfterAChange: overviewAfresh,
      servedApart: apart,
      refresh,
    };
  });
}

/**
 * The 20 clients again, served by the compiled server in a process of its own (bench/served-apart.ts):
 * in-process, the RSS above includes the benchmark's own generation of the figures. First on an
 * overview already opened, then right after a change (the figures' generation moved, as a refresh
 * does: every kept answer is judged afresh); the server's peak RSS over its whole life (VmHWM).
 */
async function overviewServedApart(database: Database, url: string, clients: number) {
  return withServerApart(url, async (base, pid) => {
    const ask = async () => {
      const res = await fetch(new URL(`/api/v1/progress?plan=${PLANS[0]}&at=${AT}`, base), {
        headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
      });
      if (res.status !== 200) throw new Error(`progress apart: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    const rss = () => processMemory(pid).rss;
    await ask();
    const overview = await concurrent(clients, 3, ask, rss);
    await database.pool!.query(`SELECT nextval('figures_generation')`);
    const afterAChange = await concurrent(clients, 1, ask, rss);
    return { overview, afterAChange, serverPeakRssMb: Math.round(processMemory(pid).peak / 1e6) };
  });
}

/** progressAt for each size in turn (BENCH_PROGRESS_SIZES, default 1 M and 10 M), each in a database of its own. */
export async function progress(
  sizes: readonly number[],
  opts: { units: number; runs: number; warmups: number; clients: number },
) {
  const bySize: Record<string, unknown> = {};
  for (const values of sizes) bySize[String(values)] = await progressAt(values, opts);
  return {
    description:
      'GET /api/v1/progress?plan=…&at=2025 through a real server (fetch, admin token) vs a plain SQL aggregate over the analytics table (ANALYTICS_SQL), alternated run by run; p50/p95 over the same runs. api: the answer as a reader gets it (kept between changes, services/answers/answer-cache.ts); apiJudgedAfresh: the first reader after a change (the kept answers dropped before each request)',
    runs: opts.runs,
    warmups: opts.warmups,
    bySize,
    ratioMeaning:
      'p50(API) / p50(plain SQL over analytics_figure); goal ≤ 1.5. ratioP50JudgedAfresh: the same for the first reader after a change. ratioP50VsWithFreshness: against the same SQL plus a freshness aggregate over every unit below the roots (ancestor keys)',
  };
}
