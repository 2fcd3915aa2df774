import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleContext } from './evaluate-expression.ts';
import { canSubmit, evaluateRules } from './evaluate-rules.ts';
import { validationRuleSchema, type ValidationRuleInput } from './rule.schema.ts';

const rule = (expression: string, extra: Partial<ValidationRuleInput> = {}) =>
  validationRuleSchema.parse({
    id: 'r',
    severity: 'error',
    expression,
    message: { zh: '不通过', en: 'failed' },
    ...extra,
  });

const base: RuleContext = {
  period: '2024-06',
  current: { REVENUE: '150', INDUSTRIAL_OUTPUT: '100', INDUSTRIAL_VA_ABOVE_SCALE: '30', TAX_REVENUE: '12', FAI: '40' },
  previous: { period: '2024-05', values: { REVENUE: '100', INDUSTRIAL_OUTPUT: '90', FAI: '30' } },
  lastYear: { period: '2023-06', values: { REVENUE: '140', FAI: '20' } },
  history: { FAI: ['40', '42', '45', '50', '38', '41'], REVENUE: ['0.012', '0.013', '0.0125', '0.011', '0.014'] },
  indicators: { REVENUE: { name: '营业收入', unit: '亿元' } },
};

describe('evaluating validation rules', () => {
  // [expression, appliesTo, context override, expected: 'pass' | 'skip' | [zh, en]]
  const cases: [string, string[] | undefined, Partial<RuleContext>, 'pass' | 'skip' | [string, string]][] = [
    ['value >= 0', ['REVENUE', 'FAI'], {}, 'pass'],
    [
      'value >= 0',
      ['REVENUE'],
      { current: { REVENUE: '-3.5' } },
      ['营业收入：不通过（营业收入 2024-06=-3.5亿元）', 'REVENUE: failed (REVENUE 2024-06 = -3.5 亿元)'],
    ],
    ['INDUSTRIAL_VA_ABOVE_SCALE <= INDUSTRIAL_OUTPUT', undefined, {}, 'pass'],
    [
      'INDUSTRIAL_VA_ABOVE_SCALE <= INDUSTRIAL_OUTPUT',
      undefined,
      { current: { INDUSTRIAL_VA_ABOVE_SCALE: '100.01', INDUSTRIAL_OUTPUT: '100' } },
      [
        '不通过（INDUSTRIAL_VA_ABOVE_SCALE 2024-06=100.01；INDUSTRIAL_OUTPUT 2024-06=100）',
        'failed (INDUSTRIAL_VA_ABOVE_SCALE 2024-06 = 100.01; INDUSTRIAL_OUTPUT 2024-06 = 100)',
      ],
    ],
    ['INDUSTRIAL_VA_ABOVE_SCALE <= INDUSTRIAL_OUTPUT', undefined, { current: { INDUSTRIAL_OUTPUT: '100' } }, 'skip'],
    ['sum(TAX_REVENUE, INDUSTRIAL_VA_ABOVE_SCALE) <= REVENUE', undefined, {}, 'pass'],
    [
      'sum(TAX_REVENUE, INDUSTRIAL_VA_ABOVE_SCALE) <= REVENUE',
      undefined,
      { current: { TAX_REVENUE: '0.1', INDUSTRIAL_VA_ABOVE_SCALE: '0.2', REVENUE: '0.29' } },
      [
        '不通过（TAX_REVENUE 2024-06=0.1；INDUSTRIAL_VA_ABOVE_SCALE 2024-06=0.2；营业收入 2024-06=0.29亿元）',
        'failed (TAX_REVENUE 2024-06 = 0.1; INDUSTRIAL_VA_ABOVE_SCALE 2024-06 = 0.2; REVENUE 2024-06 = 0.29 亿元)',
      ],
    ],
    ['cumulative_non_decreasing(REVENUE)', undefined, {}, 'pass'],
    [
      'cumulative_non_decreasing(REVENUE)',
      undefined,
      { current: { REVENUE: '99.9' } },
      [
        '不通过（营业收入 2024-06=99.9亿元；营业收入（上期） 2024-05=100亿元）',
        'failed (REVENUE 2024-06 = 99.9 亿元; REVENUE (previous) 2024-05 = 100 亿元)',
      ],
    ],
    // January starts a new cumulative year: nothing to compare with December.
    [
      'cumulative_non_decreasing(REVENUE)',
      undefined,
      { period: '2024-01', previous: { period: '2023-12', values: { REVENUE: '900' } } },
      'pass',
    ],
    ['cumulative_non_decreasing(REVENUE)', undefined, { period: '2024-01', previous: undefined }, 'pass'],
    ['cumulative_non_decreasing(REVENUE)', undefined, { previous: undefined }, 'skip'],
    ["abs(change(REVENUE, 'previous')) <= 50%", undefined, {}, 'pass'],
    [
      "abs(change(REVENUE, 'previous')) <= 50%",
      undefined,
      { current: { REVENUE: '150.01' } },
      [
        '不通过（营业收入（上期） 2024-05=100亿元；营业收入 2024-06=150.01亿元；营业收入环比变化50%）',
        'failed (REVENUE (previous) 2024-05 = 100 亿元; REVENUE 2024-06 = 150.01 亿元; REVENUE period-on-period change = 50%)',
      ],
    ],
    ["abs(change(REVENUE, 'previous')) <= 50%", undefined, { previous: { period: '2024-05', values: { REVENUE: '0' } } }, 'skip'],
    ['abs(yoy(REVENUE)) <= 50%', undefined, {}, 'pass'],
    [
      "abs(change(FAI, 'last_year')) <= 50%",
      undefined,
      {},
      [
        '不通过（FAI（上年同期） 2023-06=20；FAI 2024-06=40；FAI同比变化100%）',
        'failed (FAI (same period last year) 2023-06 = 20; FAI 2024-06 = 40; FAI year-on-year change = 100%)',
      ],
    ],
    ['abs(yoy(TAX_REVENUE)) <= 50%', undefined, {}, 'skip'],
    ['outlier(FAI) <= 3.5', undefined, {}, 'pass'],
    [
      'outlier(FAI) <= 3.5',
      undefined,
      { current: { FAI: '55' } },
      [
        '不通过（FAI 2024-06=55；FAI稳健离群分数=3.6423（历史6期中位数41.5，MAD 2.5））',
        'failed (FAI 2024-06 = 55; FAI modified z-score = 3.6423 (median 41.5, MAD 2.5 over 6 past values))',
      ],
    ],
    ['outlier(TAX_REVENUE) <= 3.5', undefined, { history: { TAX_REVENUE: ['1', '2', '3', '4'] } }, 'skip'],
    ['outlier(TAX_REVENUE) <= 3.5', undefined, { history: { TAX_REVENUE: ['5', '5', '5', '5', '6'] } }, 'skip'],
    ['not magnitude_jump(FAI)', undefined, {}, 'pass'],
    [
      'not magnitude_jump(FAI)',
      undefined,
      { current: { FAI: '415000' } },
      [
        '不通过（FAI 2024-06=415000；FAI为本单位历史6期中位数41.5的10000倍）',
        'failed (FAI 2024-06 = 415000; FAI is 10000× the median 41.5 of its 6 past values)',
      ],
    ],
    [
      'not magnitude_jump(REVENUE)',
      undefined,
      {},
      [
        '不通过（营业收入 2024-06=150亿元；营业收入为本单位历史5期中位数0.0125的12000倍）',
        'failed (REVENUE 2024-06 = 150 亿元; REVENUE is 12000× the median 0.0125 of its 5 past values)',
      ],
    ],
    [
      'not magnitude_jump(FAI)',
      undefined,
      { current: { FAI: '0.004' } },
      [
        '不通过（FAI 2024-06=0.004；FAI为本单位历史6期中位数41.5的0.0001倍）',
        'failed (FAI 2024-06 = 0.004; FAI is 0.0001× the median 41.5 of its 6 past values)',
      ],
    ],
    ['REVENUE > 0 and (FAI < 0 or true)', undefined, {}, 'pass'],
    [
      'MISSING > 0 and FAI < 0',
      undefined,
      {},
      ['不通过（MISSING 2024-06：缺失；FAI 2024-06=40）', 'failed (MISSING 2024-06: missing; FAI 2024-06 = 40)'],
    ],
    ['MISSING > 0 or FAI > 0', undefined, {}, 'pass'],
    ['REVENUE / (FAI - 40) > 0', undefined, {}, 'skip'],
  ];
  for (const [expression, appliesTo, override, expected] of cases) {
    it(`${expression} → ${Array.isArray(expected) ? 'finding' : expected}`, () => {
      const r = rule(expression, appliesTo ? { appliesTo } : {});
      const out = evaluateRules([r], { ...base, ...override });
      if (expected === 'pass') {
        assert.deepEqual(out.findings, []);
        assert.deepEqual(out.skipped, []);
      } else if (expected === 'skip') {
        assert.deepEqual(out.findings, []);
        assert.equal(out.skipped.length, 1);
      } else {
        assert.equal(out.findings.length, 1);
        assert.deepEqual(out.findings[0]!.message, { zh: expected[0], en: expected[1] });
      }
    });
  }

  it('returns the full finding: rule id, severity, indicators, facts, needsComment; hard rules block', () => {
    const warn = rule("abs(change(REVENUE, 'previous')) <= 10%", { id: 'rev-change', severity: 'warning' });
    const out = evaluateRules([warn], base);
    assert.deepEqual(out.findings, [
      {
        ruleId: 'rev-change',
        severity: 'warning',
        indicators: ['REVENUE'],
        message: {
          zh: '不通过（营业收入（上期） 2024-05=100亿元；营业收入 2024-06=150亿元；营业收入环比变化50%）',
          en: 'failed (REVENUE (previous) 2024-05 = 100 亿元; REVENUE 2024-06 = 150 亿元; REVENUE period-on-period change = 50%)',
        },
        facts: [
          { en: 'REVENUE (previous) 2024-05 = 100 亿元', zh: '营业收入（上期） 2024-05=100亿元' },
          { en: 'REVENUE 2024-06 = 150 亿元', zh: '营业收入 2024-06=150亿元' },
          { en: 'REVENUE period-on-period change = 50%', zh: '营业收入环比变化50%' },
        ],
        needsComment: true,
      },
    ]);
    assert.equal(canSubmit(out), true);
    const hard = evaluateRules([rule('REVENUE < 0')], base);
    assert.equal(hard.findings[0]!.needsComment, false);
    assert.equal(canSubmit(hard), false);
  });

  it('names the figures of an undecided rule, unless told its skipped rules need no explaining (an import)', () => {
    const undecided = rule('REVENUE / (FAI - 40) > 0');
    assert.deepEqual(evaluateRules([undecided], base).skipped[0]!.facts, [
      { en: 'REVENUE 2024-06 = 150 亿元', zh: '营业收入 2024-06=150亿元' },
      { en: 'FAI 2024-06 = 40', zh: 'FAI 2024-06=40' },
    ]);
    assert.deepEqual(evaluateRules([undecided], base, { explainSkipped: false }).skipped, [
      { ruleId: 'r', indicators: ['REVENUE', 'FAI'], facts: [] },
    ]);
    // Findings keep their figures either way.
    assert.equal(evaluateRules([rule('REVENUE < 0')], base, { explainSkipped: false }).findings[0]!.facts.length, 1);
  });

  it('skips appliesTo indicators absent from the submission', () => {
    const out = evaluateRules([rule('value >= 0', { appliesTo: ['LAND_AREA_MU'] })], base);
    assert.deepEqual(out, { findings: [], skipped: [] });
  });
});
