import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateFormula, FormulaError, formulaReferences, parseFormula } from './formula.ts';

describe('formulas of derived indicators', () => {
  it('computes 亩均营业收入 exactly in decimal with precedence and parentheses', () => {
    const f = parseFormula('REVENUE * 10000 / LAND_AREA_MU');
    assert.deepEqual(formulaReferences(f), ['REVENUE', 'LAND_AREA_MU']);
    const v = evaluateFormula(
      f,
      new Map([
        ['REVENUE', '0.3'],
        ['LAND_AREA_MU', '3'],
      ]),
    );
    assert.equal(v?.toString(), '1000');
    assert.equal(
      evaluateFormula(
        parseFormula('(A + B) * 2 - -C'),
        new Map([
          ['A', '0.1'],
          ['B', '0.2'],
          ['C', '1'],
        ]),
      )?.toString(),
      '1.6',
    );
  });
  it('gives null, not zero, for a missing input or a zero divisor', () => {
    const f = parseFormula('A / B');
    assert.equal(evaluateFormula(f, new Map([['A', '1']])), null);
    assert.equal(
      evaluateFormula(
        f,
        new Map([
          ['A', '1'],
          ['B', '0'],
        ]),
      ),
      null,
    );
  });
  it('reports where a formula is malformed', () => {
    for (const [text, at] of [
      ['A +', 3],
      ['(A + B', 6],
      ['A $ B', 2],
      ['A B', 2],
      // One language with the validation rules, but only its arithmetic part (issue 20).
      ['A < B', 2],
      ['A * 12%', 4],
      ['abs(A)', 0],
      ["A + 'x'", 4],
      ['A and B', 2],
    ] as const) {
      assert.throws(
        () => parseFormula(text),
        (e: unknown) => e instanceof FormulaError && e.position === at,
        text,
      );
    }
  });
});
