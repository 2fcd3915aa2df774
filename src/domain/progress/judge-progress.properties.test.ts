import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { judgeProgress } from './judge-progress.ts';
import { CLASS_RANK, type Nature } from './types.ts';

const arbCase = fc.record({
  baseline: fc.integer({ min: 1, max: 10_000 }),
  gapPct: fc.integer({ min: 1, max: 300 }),
  a: fc.integer({ min: 0, max: 20_000 }),
  b: fc.integer({ min: 0, max: 20_000 }),
  asOfYear: fc.integer({ min: 2021, max: 2025 }),
  nature: fc.constantFrom<Nature>('expected', 'binding'),
});

/** A 2021–2025 plan's target, from a 2020 baseline. */
const planTarget = (baseline: number, target: number) => ({
  periodStart: 2021,
  periodEnd: 2025,
  baseline: { year: 2020, value: String(baseline) },
  target: { year: 2025, value: String(target) },
});

/** The class a target gets from a single observed value in the year judged. */
const judgeOneValue = (facts: Parameters<typeof judgeProgress>[0]['facts'], asOfYear: number) => (v: number) =>
  judgeProgress({ facts, observed: [{ year: asOfYear, value: String(v) }], asOfYear }).class;

// Higher is better: an at-least target above the baseline, the larger value judged no worse; lower is
// better: an at-most target below it, the smaller value judged no worse.
const MONOTONE_CASES = [
  {
    name: 'higher is better',
    facts: { comparator: 'at_least', direction: 'higher_better' },
    target: (baseline: number, gapPct: number) => Math.round(baseline * (1 + gapPct / 100)),
    better: (a: number, b: number) => Math.max(a, b),
  },
  {
    name: 'lower is better',
    facts: { comparator: 'at_most', direction: 'lower_better' },
    target: (baseline: number, gapPct: number) => baseline * (1 - Math.min(gapPct, 99) / 100),
    better: (a: number, b: number) => Math.min(a, b),
  },
] as const;

for (const c of MONOTONE_CASES)
  test(`more progress never lowers the class (${c.name})`, () => {
    fc.assert(
      fc.property(arbCase, ({ baseline, gapPct, a, b, asOfYear, nature }) => {
        const facts = { ...planTarget(baseline, c.target(baseline, gapPct)), ...c.facts, nature };
        const judge = judgeOneValue(facts, asOfYear);
        const better = c.better(a, b);
        const worse = better === a ? b : a;
        assert.ok(CLASS_RANK[judge(better)] >= CLASS_RANK[judge(worse)]);
      }),
    );
  });

test('a binding target is never judged more favourably than the same expected target', () => {
  fc.assert(
    fc.property(arbCase, ({ baseline, gapPct, a, asOfYear }) => {
      const base = {
        comparator: 'at_least' as const,
        direction: 'higher_better' as const,
        periodStart: 2021,
        periodEnd: 2025,
        baseline: { year: 2020, value: String(baseline) },
        target: { year: 2025, value: String(Math.round(baseline * (1 + gapPct / 100))) },
      };
      const observed = [{ year: asOfYear, value: String(a) }];
      const exp = judgeProgress({ facts: { ...base, nature: 'expected' }, observed, asOfYear }).class;
      const bind = judgeProgress({ facts: { ...base, nature: 'binding' }, observed, asOfYear }).class;
      assert.ok(CLASS_RANK[bind] <= CLASS_RANK[exp]);
    }),
  );
});

test('time share lies in [0, 1] and the projection range contains its value', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 5 }),
      fc.integer({ min: 1, max: 12 }),
      (values, month) => {
        const observed = values.map((v, i) => ({ year: 2021 + i, value: String(v) }));
        const asOfYear = 2020 + values.length;
        const r = judgeProgress({
          facts: {
            comparator: 'at_least',
            direction: 'higher_better',
            nature: 'expected',
            periodStart: 2021,
            periodEnd: 2025,
            baseline: { year: 2020, value: '100' },
            target: { year: 2025, value: '500' },
          },
          observed,
          asOfYear,
          asOfMonth: month,
        });
        assert.ok(r.timeElapsedShare >= 0 && r.timeElapsedShare <= 1);
        if (r.projection)
          assert.ok(r.projection.low <= r.projection.value + 1e-9 && r.projection.value <= r.projection.high + 1e-9);
      },
    ),
  );
});
