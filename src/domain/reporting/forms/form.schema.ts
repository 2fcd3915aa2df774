import { z } from 'zod';
import { code, sourceSchema, userText } from '../../model/common.schema.ts';
import { parsePeriod } from '../../period/period.ts';
import { RULE_PRESETS } from '../rules/default-rules.ts';
import { ruleSetSchema, validationRuleSchema } from '../rules/rule.schema.ts';

export const FREQUENCIES = ['month', 'quarter', 'year'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const formItemSchema = z.strictObject({
  indicator: code(),
  /** 累计: the figure is cumulative from January to the end of the period, as statistics offices report. */
  cumulative: z.boolean().default(false),
  required: z.boolean().default(true),
  /** Extra column headings that mean this indicator in reporters' own spreadsheets (as written; matched on matchKey). */
  synonyms: z.array(userText()).default([]),
  /** The unit that owes this figure when it is not the reporter (省统计局 for a bulletin figure). */
  responsible: code().optional(),
});

/**
 * A reporting form (报表): which indicators, how often, who reports and by when. Forms are data
 * (dataset/forms/*.yaml, stored in report_form); the rules run on every save and submission.
 */
export const reportFormSchema = z
  .strictObject({
    code: code(),
    // As written (issue 18); a form is found by its code.
    name: userText(),
    nameEn: userText(),
    frequency: z.enum(FREQUENCIES),
    /** Reporting units: every unit of these kinds, and/or these units by code. */
    reporters: z
      .strictObject({ kinds: z.array(code()).default([]), units: z.array(code()).default([]) })
      .refine((r) => r.kinds.length + r.units.length > 0, 'name at least one reporter kind or unit'),
    /** Due on `day` of the month `monthsAfter` months after the period ends (10th of next month = 1, 10). */
    deadline: z.strictObject({ monthsAfter: z.number().int().min(0).max(12), day: z.number().int().min(1).max(31) }),
    /** First period the form is collected for. */
    firstPeriod: z.string(),
    plans: z.array(code()).default([]),
    /**
     * `plan_office`: an annual sheet (规划办年度填报表) the plan office fills for the plan's own scope
     * (the province, the FTZ, a 板块), for figures no unit below reports (docs/coverage.md).
     */
    sheet: z.enum(['plan_office']).optional(),
    /** The unit that owes the sheet's figures (its items may name another). */
    responsible: code().optional(),
    /** Stand-in units (滇中城市群) whose own figure is a group's (滇中) where members cannot be added up. */
    standsFor: z.array(z.strictObject({ unit: code(), group: code() })).optional(),
    /** The plan passage that asks for this monitoring. */
    source: sourceSchema.optional(),
    items: z.array(formItemSchema).min(1),
    /** A built-in rule set to start from; its rules are copied into the stored form. */
    rulePreset: z.enum(Object.keys(RULE_PRESETS) as [keyof typeof RULE_PRESETS]).optional(),
    rules: z.array(validationRuleSchema).default([]),
  })
  .superRefine((form, ctx) => {
    const first = parsePeriod(form.firstPeriod);
    if (!first || first.kind !== form.frequency)
      ctx.addIssue({ code: 'custom', path: ['firstPeriod'], message: `must be a ${form.frequency} period` });
    const seen = new Set<string>();
    form.items.forEach((item, i) => {
      if (seen.has(item.indicator))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'indicator'], message: `duplicate ${item.indicator}` });
      seen.add(item.indicator);
    });
  })
  .transform(({ rulePreset, rules, ...form }) => ({
    ...form,
    rules: ruleSetSchema.parse([...(rulePreset ? RULE_PRESETS[rulePreset] : []), ...rules]),
  }));

export type ReportFormInput = z.input<typeof reportFormSchema>;
export type ReportForm = z.output<typeof reportFormSchema>;
export type FormItem = ReportForm['items'][number];
