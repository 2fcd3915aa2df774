import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRuleExpression, RuleExpressionError, ruleReferences } from './expression.ts';

describe('rule expressions: parsing', () => {
  it('parses every documented form and lists the indicators read', () => {
    const cases: [string, string[]][] = [
      ['INDUSTRIAL_VA_ABOVE_SCALE <= INDUSTRIAL_OUTPUT', ['INDUSTRIAL_VA_ABOVE_SCALE', 'INDUSTRIAL_OUTPUT']],
      ['value >= 0', ['value']],
      ['cumulative_non_decreasing(REVENUE)', ['REVENUE']],
      ["abs(change(REVENUE, 'previous')) <= 50%", ['REVENUE']],
      ["abs(change(REVENUE, 'last_year')) <= 50% and abs(yoy(FAI)) < 0.3", ['REVENUE', 'FAI']],
      ['outlier(REVENUE) <= 3.5', ['REVENUE']],
      ['not magnitude_jump(REVENUE)', ['REVENUE']],
      ['sum(TAX_REVENUE, FDI_ACTUAL) <= REVENUE or true', ['TAX_REVENUE', 'FDI_ACTUAL', 'REVENUE']],
      ['REVENUE * 10000 / LAND_AREA_MU >= -(1 + 2) * previous(REVENUE) - last_year(REVENUE)', ['REVENUE', 'LAND_AREA_MU']],
      ['ＲＥＶＥＮＵＥ　＞＝　０', ['REVENUE']],
      ['min(REVENUE, FAI) != max(REVENUE, FAI)', ['REVENUE', 'FAI']],
    ];
    for (const [text, refs] of cases) assert.deepEqual(ruleReferences(parseRuleExpression(text)), refs, text);
  });
  it('folds percent literals into fractions', () => {
    assert.deepEqual(parseRuleExpression('REVENUE <= 12.5%'), {
      kind: 'compare',
      op: '<=',
      left: { kind: 'ref', code: 'REVENUE' },
      right: { kind: 'number', value: '0.125', text: '12.5%' },
    });
  });
  it('rejects malformed or ill-typed rules with a position and zh/en reason', () => {
    const cases: [string, number, string, string][] = [
      ['REVENUE >=', 10, 'unexpected end of expression at 11', '表达式不完整（第11个字符）'],
      ['REVENUE', 0, 'a rule must be a condition (true or false) at 1', '规则表达式必须是条件（真或假）（第1个字符）'],
      ['REVENUE $ 1', 8, 'unexpected character at 9', '第9个字符无法识别'],
      ['foo(REVENUE)', 0, 'unknown function foo at 1', '未知函数 foo（第1个字符）'],
      [
        "change(REVENUE, 'month')",
        16,
        "change needs 'previous' or 'last_year' at 17",
        "函数 change 的比较基期应为 'previous' 或 'last_year'（第17个字符）",
      ],
      ['outlier(1) < 3', 8, 'outlier needs an indicator code at 9', '函数 outlier 需要指标代码（第9个字符）'],
      ['abs(REVENUE, FAI) > 0', 13, 'too many arguments to abs at 14', '函数 abs 参数过多（第14个字符）'],
      ['change(REVENUE) > 0', 0, 'change needs 2 argument(s) at 1', '函数 change 需要 2 个参数（第1个字符）'],
      ['REVENUE > 0 + (1 > 0)', 14, 'expected a number, found a boolean at 15', '此处应为数值，实为条件（第15个字符）'],
      ['not REVENUE', 0, 'expected a boolean, found a number at 1', '此处应为条件，实为数值（第1个字符）'],
      ['(REVENUE > 0', 12, 'missing ) at 13', '缺少右括号（第13个字符）'],
      ['REVENUE > 0 FAI', 12, 'unexpected "FAI" at 13', '多余的“FAI”（第13个字符）'],
    ];
    for (const [text, at, en, zh] of cases) {
      assert.throws(
        () => parseRuleExpression(text),
        (e: unknown) => e instanceof RuleExpressionError && e.position === at && e.message === en && e.messageZh === zh,
        text,
      );
    }
  });
});
