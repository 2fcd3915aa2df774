/**
 * The comparison (单位对比), the map (监测地图) and an evaluation's figure reads (issue 22 item 1) on
 * PostgreSQL, each through a real listening server against a plain SQL read of the analytics rows it
 * needs, alternated run by run; beside them, the same service in-process through the analytics table
 * and through the read it replaced (the yearly table, aggregated per request). Sizes: 0 = the demo
 * data (synthetic figures of every form), n = n generated monthly figures (bench/progress.bench.ts).
 * Meant for small sizes (demo, 100 k): the machine is shared.
 */
import { loadavg } from 'node:os';
import type { Database } from '../src/db/database.ts';
import { SYSTEM_ACTOR } from '../src/services/actor.ts';
import { createDemoAccounts, DEMO_ADMIN_TOKEN } from '../src/services/demo-accounts.service.ts';
import { gatherInput } from '../src/services/evaluation/evaluation-input.service.ts';
import { parseStored, syncBuiltinSchemes } from '../src/services/evaluation/scheme.service.ts';
import { rebuildAnalytics } from '../src/services/progress/analytics.service.ts';
import { comparison, mapData } from '../src/services/progress/comparison.service.ts';
import { ProgressContext, type FigureSource } from '../src/services/progress/progress-context.ts';
import { rebuildUnitYears } from '../src/services/progress/unit-years.service.ts';
import { loadDemoData } from '../src/services/reporting/demo-data.service.ts';
import { findSchemeVersion } from '../src/repositories/evaluation.repository.ts';
import { startServer } from '../src/server.ts';
import { answersChanged } from '../src/services/answers/answer-cache.ts';
import { withBenchDatabase } from './bench-database.ts';
import { addZones, alternated, copyValues, pickIndicators } from './progress.bench.ts';

const PLAN = 'yunnan-parks-2021-2025';
const AT = 2025;
const SCHEME = 'dev-zone-per-mu';

/** Plain SQL: the prefectures' own analytics rows of one indicator and year (what 单位对比 by prefecture shows). */
export const COMPARISON_SQL = `
SELECT u.code, a.value::text AS value, a.origin FROM analytics_figure a JOIN org_unit u ON u.id = a.org_unit_id
WHERE u.kind = 'prefecture' AND a.indicator_id = $1 AND a.year = $2 ORDER BY u.code`;

/** Plain SQL: prefectures' and zones' analytics rows of one indicator and year (what the map colours). */
export const MAP_SQL = `
SELECT u.code, u.kind, a.value::text AS value, a.origin FROM analytics_figure a JOIN org_unit u ON u.id = a.org_unit_id
WHERE u.kind IN ('prefecture', 'development_zone') AND a.indicator_id = $1 AND a.year = $2 ORDER BY u.code`;

/** Plain SQL: the evaluated zones' analytics rows of the scheme's indicators in the year (an evaluation's input). */
export const EVALUATION_SQL = `
SELECT u.code, i.code AS indicator, a.value::text AS value, a.origin
FROM analytics_figure a JOIN org_unit u ON u.id = a.org_unit_id JOIN indicator i ON i.id = a.indicator_id
WHERE u.kind = 'development_zone' AND i.code = ANY($1) AND a.year = $2 ORDER BY 1, 2`;

const load = () => loadavg().map((x) => Number(x.toFixed(1)));

async function fill(database: Database, values: number, units: number): Promise<{ rows: number; indicator: string }> {
  if (values === 0) {
    const r = await loadDemoData(database);
    return { rows: r.rows, indicator: 'REVENUE' };
  }
  await addZones(database, units);
  const ids = (await database.db.selectFrom('org_unit').select('id').orderBy('id').execute()).map((r) => r.id);
  const indicators = await pickIndicators(database, Math.max(1, Math.round(values / (5 * 12 * ids.length))));
  const rows = await copyValues(database, ids, indicators);
  const first = await database.db
    .selectFrom('indicator')
    .select('code')
    .where('id', '=', indicators[0]!)
    .executeTakeFirstOrThrow();
  return { rows, indicator: first.code };
}

async function readsAt(values: number, opts: { units: number; runs: number; warmups: number }) {
  return withBenchDatabase(async (database, url) => {
    const loadBefore = load();
    const { rows, indicator } = await fill(database, values, opts.units);
    await createDemoAccounts(database);
    await syncBuiltinSchemes(database);
    const ctx = await ProgressContext.load(database.db);
    await rebuildUnitYears(database.db, ctx);
    await rebuildAnalytics(database.db, ctx);
    await database.exec('ANALYZE');
    const indicatorId = ctx.indicators.get(indicator)!.id;
    const row = (await findSchemeVersion(database.db, SCHEME))!;
    const scheme = { code: row.code, version: row.version, definition: row.definition as never, parsed: parseStored(row) };
    const schemeCodes = [...new Set(scheme.parsed.indicators.map((i) => i.code))];

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
    const call = (method: 'GET' | 'POST', path: string, body?: unknown) => async () => {
      const res = await fetch(new URL(path, server.url), {
        method,
        headers: {
          authorization: `Bearer ${DEMO_ADMIN_TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    const pool = server.database.pool!;
    const sqlOf = (text: string, params: unknown[]) => async () => void (await pool.query(text, params));
    const reads: Record<
      string,
      [api: () => Promise<void>, sql: () => Promise<void>, service: (s: FigureSource) => Promise<unknown>]
    > = {
      comparison: [
        call('GET', `/api/v1/progress/${PLAN}/comparison?indicator=${indicator}&at=${AT}&by=prefecture`),
        sqlOf(COMPARISON_SQL, [indicatorId, AT]),
        (s) => comparison(server.database, SYSTEM_ACTOR, { indicator, at: String(AT), by: 'prefecture', plan: PLAN }, s),
      ],
      map: [
        call('GET', `/api/v1/progress/map?indicator=${indicator}&at=${AT}`),
        sqlOf(MAP_SQL, [indicatorId, AT]),
        (s) => mapData(server.database, SYSTEM_ACTOR, { indicator, at: String(AT) }, s),
      ],
      evaluation: [
        // No Monte Carlo samples: the figure read and one evaluation, not the sensitivity analysis.
        call('POST', '/api/v1/evaluation/preview', { definition: row.definition, year: AT, samples: 0 }),
        sqlOf(EVALUATION_SQL, [schemeCodes, AT]),
        (s) => gatherInput(server.database.db, scheme, AT, s),
      ],
    };
    const out: Record<string, unknown> = {};
    try {
      for (const [name, [api, sql, service]] of Object.entries(reads)) {
        const loadAt = load();
        const [a, fresh, q, viaTable, viaYearly] = await alternated(opts.warmups, opts.runs, [
          api,
          // The first reader after a change: the server's kept answers dropped, as a write request does.
          async () => {
            answersChanged(server.database);
            await api();
          },
          sql,
          async () => void (await service('analytics')),
          async () => void (await service('yearly')),
        ]);
        out[name] = {
          api: a,
          apiJudgedAfresh: fresh,
          analyticsSql: q,
          serviceAnalytics: viaTable,
          serviceYearlyBefore: viaYearly,
          ratioP50: Number((a!.p50Ms / q!.p50Ms).toFixed(1)),
          ratioP95: Number((a!.p95Ms / q!.p95Ms).toFixed(1)),
          ratioP50JudgedAfresh: Number((fresh!.p50Ms / q!.p50Ms).toFixed(1)),
          speedupP50VsBefore: Number((viaYearly!.p50Ms / viaTable!.p50Ms).toFixed(2)),
          loadAverage: { before: loadAt, after: load() },
        };
      }
    } finally {
      await server.close();
    }
    return { dataValues: rows, indicator, loadBefore, ...out };
  });
}

/** readsAt for each size (BENCH_READS_SIZES, default the demo data and 100 k), each in a database of its own. */
export async function reads(sizes: readonly number[], opts: { units: number; runs: number; warmups: number }) {
  const bySize: Record<string, unknown> = {};
  for (const values of sizes) bySize[values === 0 ? 'demo' : String(values)] = await readsAt(values, opts);
  return {
    description:
      'Per read, five functions alternated run by run: the API through a real server (admin token) as a reader gets it (answers kept between changes, services/answers/answer-cache.ts) and as the first reader after a change gets it, a plain SQL read of the analytics rows it shows (COMPARISON_SQL, MAP_SQL, EVALUATION_SQL), the service in-process on the analytics table, the same on the read it replaced (yearly table)',
    runs: opts.runs,
    warmups: opts.warmups,
    bySize,
    ratioMeaning:
      'ratioP50 = p50(API) / p50(plain SQL); speedupP50VsBefore = p50(service on the yearly table) / p50(service on the analytics table). loadAverage: 1/5/15-minute load of the shared machine',
  };
}
