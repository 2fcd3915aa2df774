import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { formatPeriod, periodBounds } from '../src/domain/period/period.ts';
import { upsertDataValues, type NewDataValue } from '../src/repositories/data-value.repository.ts';
import { withBenchDatabase } from './bench-database.ts';

/** Deterministic synthetic monthly values for every (unit, indicator) pair until `count` rows. */
function* syntheticRows(units: number[], indicators: number[], count: number): Generator<NewDataValue> {
  let n = 0;
  for (let year = 2021; ; year++)
    for (let month = 1; month <= 12; month++) {
      const period = { kind: 'month' as const, year, month };
      const { start, end } = periodBounds(period);
      for (const u of units)
        for (const i of indicators) {
          if (n++ >= count) return;
          yield {
            org_unit_id: u,
            indicator_id: i,
            period: formatPeriod(period),
            period_kind: 'month',
            period_start: start,
            period_end: end,
            cumulative: false,
            origin: 'synthetic',
            value: (((n * 7919) % 1_000_000) / 100).toFixed(2),
            status: 'approved',
            source_plan_id: null,
            source_quote: null,
          };
        }
    }
}

const COLUMNS = [
  'org_unit_id',
  'indicator_id',
  'period',
  'period_kind',
  'period_start',
  'period_end',
  'cumulative',
  'origin',
  'value',
  'status',
] as const;

/**
 * 1,000,000 data values through the platform's write path (repository upsert, batched, one
 * transaction) against raw COPY of the same rows into the same table, on PostgreSQL.
 */
export async function bulkInsert(count: number) {
  return withBenchDatabase(async (database) => {
    const units = (await database.db.selectFrom('org_unit').select('id').orderBy('id').execute()).map((r) => r.id);
    const indicators = (await database.db.selectFrom('indicator').select('id').orderBy('id').execute()).map((r) => r.id);
    await database.exec(`DELETE FROM data_value WHERE origin = 'synthetic'`);

    const t0 = performance.now();
    await database.db.transaction().execute(async (trx) => {
      let batch: NewDataValue[] = [];
      for (const row of syntheticRows(units, indicators, count)) {
        batch.push(row);
        if (batch.length === 10_000) {
          await upsertDataValues(trx, batch);
          batch = [];
        }
      }
      await upsertDataValues(trx, batch);
    });
    const oursMs = performance.now() - t0;
    const stored = await database.db
      .selectFrom('data_value')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('origin', '=', 'synthetic')
      .executeTakeFirstOrThrow();

    await database.exec(`DELETE FROM data_value WHERE origin = 'synthetic'`);
    await database.exec('VACUUM data_value');
    const client = await database.pool!.connect();
    const t1 = performance.now();
    try {
      const csv = Readable.from(
        (function* () {
          for (const r of syntheticRows(units, indicators, count)) yield `${COLUMNS.map((c) => String(r[c])).join('\t')}\n`;
        })(),
      );
      await pipeline(csv, client.query(copyFrom(`COPY data_value (${COLUMNS.join(', ')}) FROM STDIN`)));
    } finally {
      client.release();
    }
    const copyMs = performance.now() - t1;
    return {
      description:
        'data values inserted through the repository write path (batched upsert in one transaction) vs raw COPY of the same rows',
      rows: count,
      storedRows: Number(stored.n),
      oursMs: Math.round(oursMs),
      copyMs: Math.round(copyMs),
      oursRowsPerSecond: Math.round(count / (oursMs / 1000)),
      copyRowsPerSecond: Math.round(count / (copyMs / 1000)),
      ratioToCopy: Number((copyMs / oursMs).toFixed(3)),
      ratioMeaning: 'throughput of our path as a fraction of COPY (1.0 = as fast as COPY)',
    };
  });
}
