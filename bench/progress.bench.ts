import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../src/db/database.ts';
import { formatPeriod, periodBounds } from '../src/domain/period/period.ts';
import { createDemoAccounts, DEMO_ADMIN_TOKEN } from '../src/services/demo-accounts.service.ts';
import { ProgressContext } from '../src/services/progress/progress-context.ts';
import { rebuildUnitYears, refreshUnitYears } from '../src/services/progress/unit-years.service.ts';
import { startServer } from '../src/server.ts';
import { withBenchDatabase } from './bench-database.ts';

const PLANS = ['yunnan-parks-2021-2025', 'yunnan-ftz-2021-2025'] as const;
const AT = '2025';
const YEARS = 5;
/** Groups whose members the synthetic zones join, so that the parks plan's group targets span them all. */
const ZONE_GROUPS = ['zones-all', 'zones-provincial'];

/** Synthetic provincial development zones spread over the prefectures, until the tree holds `total` units. */
async function addZones(database: Database, total: number): Promise<number> {
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
async function pickIndicators(database: Database, count: number): Promise<number[]> {
  const { rows } = await database.pool!.query<{ id: number }>(
    `SELECT i.id FROM indicator i
     ORDER BY EXISTS (SELECT 1 FROM target t WHERE t.indicator_id = i.id AND t.plan_id = ANY ($1)) DESC,
              EXISTS (SELECT 1 FROM target t WHERE t.indicator_id = i.id) DESC, i.id`,
    [PLANS],
  );
  return rows.slice(0, count).map((r) => r.id);
}

/** COPY of one approved synthetic monthly figure per (month, unit, indicator): YEARS × 12 × units × indicators rows. */
async function copyValues(database: Database, units: readonly number[], indicators: readonly number[]): Promise<number> {
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
    // History is loaded the way a migration would load it, with triggers off; the yearly table is
    // then rebuilt in one go, and that rebuild is timed on its own.
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

/** Per target of plan $1, its subject's units: the unit's subtree, or the group's members with theirs. */
const SUBJECT_UNITS = `
WITH RECURSIVE subject AS (
  SELECT t.id AS target_id, t.indicator_id,
         CASE WHEN t.org_unit_id IS NOT NULL THEN ARRAY[t.org_unit_id]
              ELSE ARRAY(SELECT m.org_unit_id FROM org_group_member m WHERE m.group_id = t.group_id) END AS roots
  FROM target t WHERE t.plan_id = $1
), tree AS (
  SELECT s.target_id, s.indicator_id, r AS unit_id FROM subject s, unnest(s.roots) AS r
  UNION
  SELECT tree.target_id, tree.indicator_id, u.id FROM tree JOIN org_unit u ON u.parent_id = tree.unit_id
)`;

/**
 * The minimal hand-written SQL returning what the progress service needs for one plan: for every
 * target, its subject's units (the unit's subtree, or the group's members with theirs), and the
 * yearly figure of the target's indicator over them — best origin per period, reported ones only
 * once approved, months summed within the year — with the latest update and period for freshness.
 */
export const RAW_SQL = `
${SUBJECT_UNITS}, best AS (
  SELECT DISTINCT ON (tree.target_id, d.org_unit_id, d.period, d.cumulative)
         tree.target_id, d.period_start, d.period, d.value, d.updated_at
  FROM tree JOIN data_value d ON d.org_unit_id = tree.unit_id AND d.indicator_id = tree.indicator_id
  WHERE d.period_end <= $2 AND (d.origin <> 'reported' OR d.status = 'approved')
  ORDER BY tree.target_id, d.org_unit_id, d.period, d.cumulative,
           CASE d.origin WHEN 'reported' THEN 0 WHEN 'plan' THEN 1 ELSE 2 END
)
SELECT target_id, extract(year FROM period_start)::int AS year, sum(value)::text AS value,
       count(*)::int AS figures, max(updated_at) AS last_updated, max(period) AS last_period
FROM best GROUP BY 1, 2 ORDER BY 1, 2`;

/**
 * The same question over the precomputed yearly table instead of the monthly figures: per target, its
 * subject's units and their stored yearly figures summed per year. What is left between this and the
 * API is the service's own work (roll-up by rule, judgement, freshness, JSON, HTTP).
 */
export const TABLE_SQL = `
${SUBJECT_UNITS}
SELECT tree.target_id, f.year, sum(f.value)::text AS value, max(f.updated_at) AS last_updated
FROM tree JOIN unit_year_figure f ON f.org_unit_id = tree.unit_id AND f.indicator_id = tree.indicator_id
WHERE f.year <= $2 GROUP BY 1, 2 ORDER BY 1, 2`;

interface Timing {
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
}

function summarize(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  const round = (x: number) => Number(x.toFixed(1));
  return { p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), meanMs: round(s.reduce((a, b) => a + b, 0) / s.length) };
}

async function timed(warmups: number, runs: number, fn: () => Promise<void>): Promise<Timing> {
  for (let i = 0; i < warmups; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/**
 * What keeping the yearly table current costs: the triggers' share of a write (the same UPDATE with
 * triggers on and off), and the recomputation of the keys it queued — for one zone's monthly report
 * being approved, and for a month of every unit.
 */
async function refreshCosts(database: Database, ctx: ProgressContext, units: readonly number[], indicators: readonly number[]) {
  const pool = database.pool!;
  const zone = units[units.length - 1]!;
  // One zone's June report approved: its figures change (a correction on the synthetic ones).
  const approve = `UPDATE data_value SET value = value + 1, updated_at = now() WHERE org_unit_id = ${zone} AND period = '2025-06'`;
  const t1 = performance.now();
  const one = await pool.query(approve);
  const oneWriteMs = performance.now() - t1;
  const t2 = performance.now();
  const oneKeys = await refreshUnitYears(database.db, ctx);
  const oneRefreshMs = performance.now() - t2;

  const wave = (on: boolean) =>
    `${on ? '' : 'SET session_replication_role = replica; '}UPDATE data_value SET value = value + 1 WHERE period = '2025-03'${on ? '' : '; RESET session_replication_role'}`;
  const client = await pool.connect();
  let waveOffMs: number;
  let waveOnMs: number;
  let waveRows: number;
  try {
    const a = performance.now();
    await client.query(wave(false));
    waveOffMs = performance.now() - a;
    const b = performance.now();
    const r = await client.query(`UPDATE data_value SET value = value - 1 WHERE period = '2025-03'`);
    waveOnMs = performance.now() - b;
    waveRows = r.rowCount ?? 0;
  } finally {
    client.release();
  }
  const t3 = performance.now();
  const waveKeys = await refreshUnitYears(database.db, ctx);
  const waveRefreshMs = performance.now() - t3;
  return {
    oneZoneMonth: { figures: one.rowCount, writeMs: Math.round(oneWriteMs), keys: oneKeys, refreshMs: Math.round(oneRefreshMs) },
    monthOfEveryUnit: {
      figures: waveRows,
      writeWithoutTriggersMs: Math.round(waveOffMs),
      writeWithTriggersMs: Math.round(waveOnMs),
      keys: waveKeys,
      refreshMs: Math.round(waveRefreshMs),
    },
    indicators: indicators.length,
  };
}

/**
 * Progress of one plan over ~10,000,000 synthetic monthly figures (5 years × ~2,000 units × ~80
 * indicators) on PostgreSQL: p50/p95 of GET /api/v1/progress through a real listening server against
 * the raw SQL behind it (RAW_SQL, on the same connection pool), for the parks plan (group targets over
 * every zone, province targets over the whole tree) and the FTZ plan (one area's subtree).
 */
export async function progress(values: number, opts: { units: number; runs: number; warmups: number }) {
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
    const r0 = performance.now();
    const rebuiltKeys = await rebuildUnitYears(database.db, ctx);
    const rebuildMs = performance.now() - r0;
    await database.exec('ANALYZE');

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
    const until = periodBounds({ kind: 'year', year: Number(AT) }).end;
    const plans: Record<string, unknown> = {};
    try {
      for (const plan of PLANS) {
        let targets = 0;
        const api = await timed(opts.warmups, opts.runs, async () => {
          const res = await fetch(new URL(`/api/v1/progress?plan=${plan}&at=${AT}`, server.url), {
            headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
          });
          if (res.status !== 200) throw new Error(`progress ${plan}: ${res.status} ${await res.text()}`);
          targets = ((await res.json()) as { targets: unknown[] }).targets.length;
        });
        let yearlyRows = 0;
        const raw = await timed(opts.warmups, opts.runs, async () => {
          yearlyRows = (await server.database.pool!.query(RAW_SQL, [plan, until])).rowCount ?? 0;
        });
        const table = await timed(opts.warmups, opts.runs, async () => {
          await server.database.pool!.query(TABLE_SQL, [plan, Number(AT)]);
        });
        const { rows: scanned } = await server.database.pool!.query<{ n: string }>(
          `SELECT sum(figures)::text AS n FROM (${RAW_SQL}) x`,
          [plan, until],
        );
        plans[plan] = {
          targets,
          figuresBehind: Number(scanned[0]?.n ?? 0),
          rawYearlyRows: yearlyRows,
          api,
          rawSql: raw,
          tableSql: table,
          ratioP50: Number((api.p50Ms / raw.p50Ms).toFixed(2)),
          ratioP95: Number((api.p95Ms / raw.p95Ms).toFixed(2)),
          ratioP50VsTableSql: Number((api.p50Ms / table.p50Ms).toFixed(2)),
        };
      }
    } finally {
      await server.close();
    }
    const refresh = await refreshCosts(database, ctx, units, indicators);
    return {
      description:
        'GET /api/v1/progress?plan=…&at=2025 through a real server (fetch, admin token) vs the raw SQL behind it (yearly figure per target subject, best origin per period), p50/p95 over the same number of runs',
      dataValues: rows,
      units: units.length,
      syntheticZones: added,
      indicators: indicators.length,
      setupMs: Math.round(setupMs),
      runs: opts.runs,
      warmups: opts.warmups,
      yearlyTable: { fullRebuildMs: Math.round(rebuildMs), keys: rebuiltKeys, ...refresh },
      plans,
      ratioMeaning:
        'p50(API) / p50(raw SQL over the monthly figures); target ≤ 1.5. ratioP50VsTableSql: the same against a plain SQL sum over the precomputed yearly table',
    };
  });
}
