import { boundedMemo } from '../../memo/bounded-memo.ts';
import { evaluateRuleNode, type Fact, type RuleContext } from './evaluate-expression.ts';
import { parseRuleExpression, ruleReferences, type RuleNode } from './expression.ts';
import type { RuleSeverity, ValidationRule } from './rule.schema.ts';

export interface Finding {
  ruleId: string;
  severity: RuleSeverity;
  /** Indicator codes the finding is about. */
  indicators: string[];
  message: { zh: string; en: string };
  /** The figures behind the finding, one line each. */
  facts: Fact[];
  needsComment: boolean;
}

export interface RuleEvaluation {
  findings: Finding[];
  /** Rules (or rule × indicator) that could not be decided for lack of data; not findings. */
  skipped: { ruleId: string; indicators: string[]; facts: Fact[] }[];
}

/** Parsed expressions by their text: an import runs the same few rules over every submission of a file. */
const parsedRule = boundedMemo(1000, (expression: string): { tree: RuleNode; refs: string[] } => {
  const tree = parseRuleExpression(expression);
  return { tree, refs: ruleReferences(tree) };
});

/**
 * Runs a form's rules over one submission. A rule whose expression is false gives a finding; a rule
 * that cannot be decided (missing input, zero base, short history) is listed as skipped, with the
 * figures it read unless `explainSkipped` is false (an import, which reports findings only).
 */
export function evaluateRules(
  rules: readonly ValidationRule[],
  ctx: RuleContext,
  { explainSkipped = true }: { explainSkipped?: boolean } = {},
): RuleEvaluation {
  const out: RuleEvaluation = { findings: [], skipped: [] };
  for (const rule of rules) {
    const { tree, refs } = parsedRule(rule.expression);
    const runs = rule.appliesTo ? rule.appliesTo.map((c) => ({ bound: c as string | undefined })) : [{ bound: undefined }];
    for (const { bound } of runs) {
      if (bound !== undefined && ctx.current[bound] === undefined) continue; // not on this submission
      const result = evaluateRuleNode(tree, ctx, null, bound);
      if (result === true) continue;
      // Rules are pure: the same evaluation again, noting the figures this time, says why.
      const facts: Fact[] = [];
      if (result !== null || explainSkipped) evaluateRuleNode(tree, ctx, facts, bound);
      const indicators = bound ? [bound] : refs.filter((r) => r !== 'value');
      if (result === null) {
        out.skipped.push({ ruleId: rule.id, indicators, facts });
        continue;
      }
      const who = bound ? { zh: `${ctx.indicators?.[bound]?.name ?? bound}：`, en: `${bound}: ` } : { zh: '', en: '' };
      out.findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        indicators,
        message: {
          zh: `${who.zh}${rule.message.zh}（${facts.map((f) => f.zh).join('；')}）`,
          en: `${who.en}${rule.message.en} (${facts.map((f) => f.en).join('; ')})`,
        },
        facts,
        needsComment: rule.needsComment,
      });
    }
  }
  return out;
}

/** True when no hard rule failed: the submission may go forward (warnings still need comments). */
export function canSubmit(evaluation: RuleEvaluation): boolean {
  return evaluation.findings.every((f) => f.severity !== 'error');
}
