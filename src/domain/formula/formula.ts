import { Decimal } from 'decimal.js';
import { ExpressionError, expressionReferences, parseExpression, type ExpressionNode } from '../expression/expression.ts';

/**
 * Formulas of derived indicators: + - * / and parentheses over decimal numbers and indicator
 * codes, e.g. "REVENUE * 10000 / LAND_AREA_MU" — the arithmetic dialect of the one expression
 * language (src/domain/expression), evaluated in decimal.
 */
export type FormulaNode = Extract<ExpressionNode, { kind: 'number' | 'ref' | 'neg' | 'arith' }>;

export const FormulaError = ExpressionError;
export type FormulaError = ExpressionError;

function isArithmetic(node: ExpressionNode): node is FormulaNode {
  switch (node.kind) {
    case 'number':
    case 'ref':
      return true;
    case 'neg':
      return isArithmetic(node.operand);
    case 'arith':
      return isArithmetic(node.left) && isArithmetic(node.right);
    default:
      return false;
  }
}

export function parseFormula(text: string): FormulaNode {
  const tree = parseExpression(text, 'arithmetic');
  // The arithmetic dialect yields nothing else; checked so that the type follows from the tree, not a cast.
  if (!isArithmetic(tree)) throw new ExpressionError('not an arithmetic formula at 1', '不是算术公式（第1个字符）', 0);
  return tree;
}

/** Indicator codes a formula reads, in first-use order. */
export const formulaReferences = (node: FormulaNode): string[] => expressionReferences(node);

/** Evaluates in decimal; null when an input is missing or a divisor is zero (never a silent 0). */
export const evaluateFormula = (node: FormulaNode, values: ReadonlyMap<string, string>): Decimal | null => evaluate(node, values);

function evaluate(node: ExpressionNode, values: ReadonlyMap<string, string>): Decimal | null {
  switch (node.kind) {
    case 'number':
      return new Decimal(node.value);
    case 'ref': {
      const v = values.get(node.code);
      return v === undefined ? null : new Decimal(v);
    }
    case 'neg': {
      const v = evaluate(node.operand, values);
      return v === null ? null : v.neg();
    }
    case 'arith': {
      const l = evaluate(node.left, values);
      const r = evaluate(node.right, values);
      if (l === null || r === null) return null;
      if (node.op === '+') return l.plus(r);
      if (node.op === '-') return l.minus(r);
      if (node.op === '*') return l.times(r);
      return r.isZero() ? null : l.dividedBy(r);
    }
    default:
      // parseFormula admits arithmetic trees only.
      throw new Error(`not arithmetic: ${node.kind}`);
  }
}
