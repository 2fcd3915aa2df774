import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEV_ZONE_MONTHLY_RULES } from './default-rules.ts';
import { canSubmit, evaluateRules } from './evaluate-rules.ts';
import { ruleSetSchema, validationRuleSchema } from './rule.schema.ts';

describe('default rule set of the development-zone monthly form', () => {
  it('holds the hard and soft rules, validated as data', () => {
    assert.deepEqual(
      DEV_ZONE_MONTHLY_RULES.map((r) => [r.id, r.severity, r.needsComment]),
      [
        ['non-negative', 'error', false],
        ['va-within-output', 'error', false],
        ['tax-within-revenue', 'error', false],
        ['cumulative-non-decreasing', 'error', false],
        ['change-vs-previous', 'warning', true],
        ['change-yoy', 'warning', true],
        ['outlier', 'warning', true],
        ['magnitude-jump', 'warning', true],
      ],
    );
  });

  it('shows its messages as written: full-width punctuation is not folded (issue 18)', () => {
    const yoy = DEV_ZONE_MONTHLY_RULES.find((r) => r.id === 'change-yoy')!;
    assert.equal(yoy.message.zh, '同比变化超过50%，请说明原因');
    const tax = DEV_ZONE_MONTHLY_RULES.find((r) => r.id === 'tax-within-revenue')!;
    assert.equal(tax.message.zh, '税收收入（部分）不能大于营业收入（总数）');
  });

  it('passes a plausible submission and catches a 万元 figure entered as 亿元', () => {
    const history = { REVENUE: ['10', '21', '33', '42', '55', '61'] };
    const ctx = {
      period: '2024-06',
      current: {
        REVENUE: '66',
        INDUSTRIAL_OUTPUT: '50',
        INDUSTRIAL_VA_ABOVE_SCALE: '12',
        TAX_REVENUE: '3',
        LAND_AREA_MU: '1500',
      },
      previous: {
        period: '2024-05',
        values: { REVENUE: '60', INDUSTRIAL_OUTPUT: '45', INDUSTRIAL_VA_ABOVE_SCALE: '11', TAX_REVENUE: '2.8' },
      },
      lastYear: { period: '2023-06', values: { REVENUE: '58', INDUSTRIAL_OUTPUT: '44' } },
      history,
    };
    const ok = evaluateRules(DEV_ZONE_MONTHLY_RULES, ctx);
    assert.deepEqual(ok.findings, []);
    assert.equal(canSubmit(ok), true);

    const mixed = evaluateRules(DEV_ZONE_MONTHLY_RULES, { ...ctx, current: { ...ctx.current, REVENUE: '660000' } });
    assert.deepEqual(
      mixed.findings.map((f) => [f.ruleId, f.indicators.join(), f.severity]),
      // REVENUE is year-to-date: judged year on year and against the 万元/亿元 slip, not month on month.
      [
        ['change-yoy', 'REVENUE', 'warning'],
        ['magnitude-jump', 'REVENUE', 'warning'],
      ],
    );
    assert.equal(canSubmit(mixed), true);
  });

  it('judges stock figures month on month and against their history, year-to-date figures not', () => {
    const ctx = {
      period: '2024-02',
      current: { REVENUE: '22', LAND_AREA_MU: '3000' },
      previous: { period: '2024-01', values: { REVENUE: '10', LAND_AREA_MU: '1500' } },
      lastYear: { period: '2023-02', values: { REVENUE: '20', LAND_AREA_MU: '1500' } },
      history: { LAND_AREA_MU: ['1500', '1500', '1510', '1490', '1500', '1505'], REVENUE: ['10', '21', '33', '42', '55', '61'] },
    };
    assert.deepEqual(
      evaluateRules(DEV_ZONE_MONTHLY_RULES, ctx).findings.map((f) => [f.ruleId, f.indicators.join()]),
      [
        ['change-vs-previous', 'LAND_AREA_MU'],
        ['change-yoy', 'LAND_AREA_MU'],
        ['outlier', 'LAND_AREA_MU'],
      ],
    );
  });

  it('rejects a malformed rule, a `value` rule without appliesTo and duplicate ids', () => {
    const good = { id: 'a', severity: 'error', expression: 'REVENUE >= 0', message: { zh: '甲', en: 'a' } };
    assert.equal(validationRuleSchema.safeParse(good).success, true);
    assert.equal(validationRuleSchema.safeParse({ ...good, expression: 'REVENUE >=' }).success, false);
    assert.equal(validationRuleSchema.safeParse({ ...good, expression: 'value >= 0' }).success, false);
    assert.equal(validationRuleSchema.safeParse({ ...good, severity: 'info' }).success, false);
    assert.equal(ruleSetSchema.safeParse([good, good]).success, false);
  });
});
