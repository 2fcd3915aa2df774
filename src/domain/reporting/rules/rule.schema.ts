import { z } from 'zod';
import { code, userText } from '../../model/common.schema.ts';
import { parseRuleExpression, RuleExpressionError, ruleReferences } from './expression.ts';

/** error = hard rule, blocks submission; warning = soft rule, the reporter must explain in a comment. */
export const RULE_SEVERITIES = ['error', 'warning'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

/** A validation rule stored as data; the expression is checked (syntax and types) on validation. */
export const validationRuleSchema = z
  .strictObject({
    id: code(),
    severity: z.enum(RULE_SEVERITIES),
    /** Condition that must hold, in the rule language of docs/validation-rules.md. */
    expression: z.string().min(1),
    /** When set, the rule runs once per listed indicator with `value` bound to it. */
    appliesTo: z.array(code()).min(1).optional(),
    /** Shown to reporters as written (never NFKC-folded). */
    message: z.strictObject({ zh: userText(), en: userText() }),
    /** Defaults to true for warnings (soft rules need an explanation), false for errors. */
    needsComment: z.boolean().optional(),
  })
  .superRefine((rule, ctx) => {
    try {
      const refs = ruleReferences(parseRuleExpression(rule.expression));
      if (refs.includes('value') && !rule.appliesTo) {
        ctx.addIssue({ code: 'custom', path: ['expression'], message: '`value` needs appliesTo' });
      }
    } catch (e) {
      if (!(e instanceof RuleExpressionError)) throw e;
      ctx.addIssue({ code: 'custom', path: ['expression'], message: `${e.message} / ${e.messageZh}` });
    }
  })
  .transform((rule) => ({ ...rule, needsComment: rule.needsComment ?? rule.severity === 'warning' }));

export type ValidationRuleInput = z.input<typeof validationRuleSchema>;
export type ValidationRule = z.output<typeof validationRuleSchema>;

export const ruleSetSchema = z.array(validationRuleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate rule id ${r.id}` });
    seen.add(r.id);
  });
});
