import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULE_PRESETS } from './default-rules.ts';
import { gateSubmission } from './import-gate.ts';
import { ruleSetSchema } from './rule.schema.ts';

const form = {
  items: ['REVENUE', 'INDUSTRIAL_OUTPUT', 'INDUSTRIAL_VA_ABOVE_SCALE', 'TAX_REVENUE'].map((indicator) => ({
    indicator,
    cumulative: true,
    required: false,
    synonyms: [],
  })),
  rules: ruleSetSchema.parse(Object.values(RULE_PRESETS)[0]),
};
const names = { INDUSTRIAL_VA_ABOVE_SCALE: { name: '规上工业增加值' }, REVENUE: { name: '营业收入' } };
const unit = { code: 'ZN-A', name: '甲开发区' };
const at = (column: string, raw: string) => ({ sheet: 's', row: 2, column, raw });

describe('gateSubmission: hard rules at the door', () => {
  it('refuses a negative figure and VA above output with row, column, value and rule', () => {
    const out = gateSubmission(
      form,
      '2024-06',
      [
        { indicator: 'REVENUE', value: '-1', at: at('B', '-1') },
        { indicator: 'INDUSTRIAL_OUTPUT', value: '5', at: null },
        { indicator: 'INDUSTRIAL_VA_ABOVE_SCALE', value: '9', at: at('D', '9') },
      ],
      names,
      unit,
    );
    assert.deepEqual(
      out.problems.map((p) => [p.column, p.value, p.code]),
      [
        ['B', '-1', 'rule_violated'],
        ['D', '9', 'rule_violated'],
      ],
    );
    assert.match(out.problems[1]!.reasonZh, /违反规则“va-within-output”——规上工业增加值不能大于工业总产值/);
    assert.match(out.problems[0]!.reason, /rule "non-negative"/);
  });

  it('passes figures that keep the rules, and ignores rules broken only by stored figures', () => {
    const ok = gateSubmission(
      form,
      '2024-06',
      [
        { indicator: 'INDUSTRIAL_OUTPUT', value: '10', at: at('C', '10') },
        { indicator: 'INDUSTRIAL_VA_ABOVE_SCALE', value: '3', at: at('D', '3') },
        { indicator: 'REVENUE', value: '1', at: null },
        { indicator: 'TAX_REVENUE', value: '2', at: null },
      ],
      names,
      unit,
    );
    assert.deepEqual(ok.problems, []);
  });

  it('lets a soft rule through as a warning naming the unit, period and cell, read against the unit’s history', () => {
    const earlier = new Map([['REVENUE', new Map([['2023-06', '10']])]]);
    const figures = [{ indicator: 'REVENUE', value: '30', at: at('B', '30') }];
    const out = gateSubmission(form, '2024-06', figures, names, unit, earlier);
    assert.deepEqual(out.problems, []);
    const jump = out.warnings.find((w) => w.ruleId === 'change-yoy');
    assert.ok(jump, JSON.stringify(out.warnings));
    assert.deepEqual(
      [jump.orgUnit, jump.period, jump.indicators, jump.sheet, jump.row, jump.column, jump.needsComment],
      ['ZN-A', '2024-06', ['REVENUE'], 's', 2, 'B', true],
    );
    // Without history nothing can be said about the change: no warning, as before.
    assert.equal(gateSubmission(form, '2024-06', figures, names, unit).warnings.length, 0);
  });
});
