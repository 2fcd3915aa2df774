import { z } from 'zod';

const unitRef = z.object({ code: z.string(), name: z.string() });

/** One target's data path (issue 15): where its figure comes from, who owes it, the last figure seen. */
export const targetCoverageSchema = z.object({
  key: z.string(),
  indicator: z.object({ code: z.string(), name: z.string(), unit: z.string() }),
  subject: z.object({ kind: z.enum(['org_unit', 'group']), code: z.string(), name: z.string() }),
  path: z
    .object({
      kind: z.enum(['form', 'derived', 'plan_office_sheet']),
      labelZh: z.string(),
      forms: z.array(z.object({ code: z.string(), name: z.string() })),
      /** Formula inputs of a derived path. */
      inputs: z.array(z.string()),
      /** Reporting units inside the subject (first 10) and how many there are. */
      reporters: z.array(unitRef),
      reporterCount: z.number().int(),
    })
    .nullable(),
  /** Why there is no path, when there is none. */
  gap: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /**
   * For a target judged 数据不足 with a data path: which figure is missing (the subject's figure of the
   * year before the as-of year, or the baseline the plan does not give) and who owes it.
   */
  missing: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** The units that owe the figure. */
  responsible: z.array(unitRef),
  lastFigure: z
    .object({ year: z.number().int(), value: z.string(), origin: z.enum(['reported', 'published', 'plan', 'synthetic']) })
    .nullable(),
});

export const planCoverageSchema = z.object({
  plan: z.object({ id: z.string(), title: z.string() }),
  at: z.string(),
  summary: z.object({
    total: z.number().int(),
    withPath: z.number().int(),
    byKind: z.object({ form: z.number().int(), derived: z.number().int(), plan_office_sheet: z.number().int() }),
    withFigure: z.number().int(),
  }),
  targets: z.array(targetCoverageSchema),
});

export type TargetCoverage = z.infer<typeof targetCoverageSchema>;
export type PlanCoverage = z.infer<typeof planCoverageSchema>;
