import { normaliseText } from '../../text/normalise.ts';
import {
  ExpressionError,
  expressionReferences,
  parseExpression,
  typeOf,
  type ExpressionNode,
  type FunctionName,
} from '../../expression/expression.ts';

/** The validation-rule dialect of the expression language (src/domain/expression). */
export type RuleNode = ExpressionNode;
export type RuleFunctionName = FunctionName;
export { BASES, typeOf, type CompareOp, type ValueType } from '../../expression/expression.ts';
export const RuleExpressionError = ExpressionError;
export type RuleExpressionError = ExpressionError;
export const ruleReferences = expressionReferences;

/** A rule: an expression of the whole language, NFKC-normalised for matching, that is a condition. */
export function parseRuleExpression(input: string): RuleNode {
  const tree = parseExpression(normaliseText(input), 'rule');
  if (typeOf(tree) !== 'boolean') {
    throw new ExpressionError(
      'a rule must be a condition (true or false) at 1',
      '规则表达式必须是条件（真或假）（第1个字符）',
      0,
    );
  }
  return tree;
}
