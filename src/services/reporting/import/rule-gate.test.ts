import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatPeriod, parsePeriod, periodBounds } from '../../../domain/period/period.ts';
import { samePeriodLastYear } from '../../../domain/reporting/forms/form-periods.ts';
import { upsertDataValues } from '../../../repositories/data-value.repository.ts';
import {
  createStaging,
  insertStaged,
  stagedForGate,
  type StagedGateRow,
  type StagedValue,
} from '../../../repositories/import-staging.repository.ts';
import type { Executor } from '../../../repositories/transaction.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedDataset } from '../../seed.service.ts';
import { syncDatasetForms } from '../form-sync.service.ts';
import { loadFormContext, type FormContext } from '../form-context.ts';
import { gateStaged } from './rule-gate.ts';

const FORM = 'DEV_ZONE_MONTHLY';
const PERIODS = ['2024-05', '2024-06'];
const SHEETS = ['月报'];
const ROLLBACK = new Error('rollback');

/**
 * An upload over four zones and two months, staged in file order month by month (so file order is
 * not the gate's unit-and-period order), with hard rules broken by the upload alone and together
 * with a stored figure, soft rules broken against approved history, and a figure of the wrong kind.
 */
function upload(ctx: FormContext, units: readonly number[]): StagedValue[] {
  const id = (code: string) => ctx.indicators.get(code)!.id;
  const cumulative = (code: string) => ctx.form.items.find((i) => i.indicator === code)!.cumulative;
  const out: StagedValue[] = [];
  for (const period of PERIODS)
    for (const [u, unit] of units.entries()) {
      const bounds = periodBounds(parsePeriod(period)!);
      const figures: [string, string][] = [
        ['REVENUE', '10'],
        ['TAX_REVENUE', '2'],
        ['INDUSTRIAL_OUTPUT', '8'],
        ['INDUSTRIAL_VA_ABOVE_SCALE', '3'],
        ['EMPLOYEES', '100'],
      ];
      if (u === 0 && period === PERIODS[0]) figures[1] = ['TAX_REVENUE', '11']; // tax above revenue
      if (u === 1 && period === PERIODS[1]) figures[0] = ['REVENUE', '-1']; // negative, and tax above it
      if (u === 2 && period === PERIODS[0]) figures.splice(2, 1); // output stored at 2: VA 3 is above it
      if (u === 3 && period === PERIODS[1]) figures[0] = ['REVENUE', '30']; // +200% year on year
      if (u === 1 && period === PERIODS[0]) figures[4] = ['EMPLOYEES', '400']; // ×4 on the previous month
      for (const [code, value] of figures)
        out.push(staged(out.length + 1, unit, period, bounds, id(code), cumulative(code), value));
      // Of the other kind than the form collects: not read by the rules.
      if (u === 0) out.push(staged(out.length + 1, unit, period, bounds, id('REVENUE'), !cumulative('REVENUE'), '-5'));
    }
  return out;
}

function staged(
  seq: number,
  unitId: number,
  period: string,
  bounds: { start: string; end: string },
  indicatorId: number,
  cumulative: boolean,
  value: string,
): StagedValue {
  return {
    seq,
    sheet: SHEETS[0]!,
    row: seq + 1,
    column: 'D',
    unitId,
    indicatorId,
    period,
    periodKind: 'month',
    periodStart: bounds.start,
    periodEnd: bounds.end,
    dueDate: bounds.end,
    cumulative,
    value,
    raw: value,
  };
}

/** Stored figures the gate reads: a draft reported figure, last year's approved revenue and last month's approved employees. */
async function storeFigures(db: Executor, ctx: FormContext, units: readonly number[]) {
  const figure = (unit: number, code: string, period: string, value: string, status: 'draft' | 'approved') => {
    const bounds = periodBounds(parsePeriod(period)!);
    return {
      org_unit_id: unit,
      indicator_id: ctx.indicators.get(code)!.id,
      period,
      period_kind: 'month',
      period_start: bounds.start,
      period_end: bounds.end,
      cumulative: ctx.form.items.find((i) => i.indicator === code)!.cumulative,
      origin: 'reported',
      value,
      status,
    };
  };
  await upsertDataValues(db, [
    figure(units[2]!, 'INDUSTRIAL_OUTPUT', PERIODS[0]!, '2', 'draft'),
    figure(units[3]!, 'REVENUE', formatPeriod(samePeriodLastYear(parsePeriod(PERIODS[1]!)!)), '10', 'approved'),
    figure(units[1]!, 'EMPLOYEES', '2024-04', '100', 'approved'),
  ]);
}

/** Runs fn inside a transaction with the upload staged, and rolls it back. */
async function withStaged<T>(t: TestDatabase, ctx: FormContext, units: readonly number[], fn: (db: Executor) => Promise<T>) {
  let out: T | undefined;
  await t.database.db
    .transaction()
    .execute(async (trx) => {
      await createStaging(trx);
      await insertStaged(trx, upload(ctx, units));
      await storeFigures(trx, ctx, units);
      out = await fn(trx);
      throw ROLLBACK;
    })
    .catch((err: unknown) => {
      if (err !== ROLLBACK) throw err;
    });
  return out as T;
}

for (const kind of DATABASE_KINDS) {
  describe(`the import's rule gate on ${kind} (issue 22)`, () => {
    let t: TestDatabase;
    let ctx: FormContext;
    let units: number[];
    let codes: string[];
    before(async () => {
      t = await createTestDatabase(kind);
      assert.ok((await seedDataset(t.database)).ok);
      await syncDatasetForms(t.database);
      ctx = await loadFormContext(t.database.db, FORM);
      const zones = await t.database.db
        .selectFrom('org_unit')
        .select(['id', 'code'])
        .where('kind', '=', 'development_zone')
        .orderBy('id')
        .limit(4)
        .execute();
      units = zones.map((z) => z.id);
      codes = zones.map((z) => z.code);
      assert.equal(units.length, 4);
    });
    after(() => t?.drop());

    it('reads the staged figures a bounded page at a time, by unit, period and file order', async () => {
      const pages = await withStaged(t, ctx, units, async (db) => {
        const out: StagedGateRow[][] = [];
        for await (const page of stagedForGate(db, 3)) out.push(page);
        return out;
      });
      const rows = pages.flat();
      assert.equal(rows.length, upload(ctx, units).length);
      assert.ok(pages.every((p) => p.length <= 3 && p.length > 0));
      const order = rows.map((r) => [r.org_unit_id, r.period, r.row_no] as const);
      const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]) || a[2] - b[2]);
      assert.deepEqual(order, sorted);
    });

    it('finds the same problems and warnings in pages of any size, submissions cut across pages included', async () => {
      const results = await withStaged(t, ctx, units, async (db) => {
        const out = [];
        for (const pageRows of [10_000, 1, 2, 3, 7]) out.push(await gateStaged(db, ctx, { sheets: SHEETS, pageRows }));
        return out;
      });
      const [one, ...paged] = results;
      assert.deepEqual(
        one!.problems.map((p) => [p.row, p.reason.match(/rule "([^"]+)"/)?.[1]]),
        [
          [3, 'tax-within-revenue'], // unit 0, first month: tax 11 > revenue 10
          [15, 'va-within-output'], // unit 2, first month: VA 3 > the stored output 2
          [28, 'non-negative'], // unit 1, second month: revenue -1
          [29, 'tax-within-revenue'],
        ],
      );
      assert.equal(one!.problemsTotal, 4);
      assert.deepEqual(
        one!.warnings.map((w) => [w.orgUnit, w.period, w.ruleId, w.row]),
        [
          [codes[1], PERIODS[0], 'change-vs-previous', 12], // employees 400 after 100
          [codes[3], PERIODS[1], 'change-yoy', 38], // revenue 30 after 10 a year before
        ],
      );
      for (const r of paged) assert.deepEqual(r, one);
    });

    it('keeps the first problems in the file and counts every one, so a refusal never drops one silently', async () => {
      const [all, kept] = await withStaged(t, ctx, units, async (db) => [
        await gateStaged(db, ctx, { sheets: SHEETS, pageRows: 2 }),
        await gateStaged(db, ctx, { sheets: SHEETS, pageRows: 2, keep: 2 }),
      ]);
      assert.deepEqual(kept!.problems, all!.problems.slice(0, 2));
      assert.equal(kept!.problemsTotal, 4);
      assert.deepEqual(kept!.warnings, all!.warnings);
    });
  });
}
