import { z } from 'zod';
import type { PlanRow } from '../repositories/plan.repository.ts';

export const planResponseSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  issuer: z.string(),
  issuedOn: z.string().nullable(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  counts: z.object({ sections: z.number().int(), targets: z.number().int(), tasks: z.number().int() }),
  /** 撤回/停用 (issue 17 item 5): null while the plan is in force. */
  withdrawn: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type PlanResponse = z.infer<typeof planResponseSchema>;

export function presentPlan(r: PlanRow): PlanResponse {
  return {
    id: r.id,
    title: r.title,
    titleEn: r.title_en,
    issuer: r.issuer,
    issuedOn: r.issued_on,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    counts: { sections: r.section_count, targets: r.target_count, tasks: r.task_count },
    withdrawn: r.withdrawn_at
      ? { at: new Date(r.withdrawn_at).toISOString(), by: r.withdrawn_by ?? '', reason: r.withdrawn_reason ?? '' }
      : null,
  };
}

export const sectionResponseSchema = z.object({
  key: z.string(),
  parentKey: z.string().nullable(),
  kind: z.string(),
  heading: z.string(),
  ordinal: z.number().int(),
  text: z.string(),
});
export type SectionResponse = z.infer<typeof sectionResponseSchema>;

/** The plan's normalised source text; quote offsets (SourceRef start/end) point into it. */
export const planSourceSchema = z.object({ planId: z.string(), fileName: z.string(), text: z.string() });
export type PlanSource = z.infer<typeof planSourceSchema>;

export function presentSection(r: {
  key: string;
  parent_key: string | null;
  kind: string;
  heading: string;
  ordinal: number;
  text: string;
}): z.infer<typeof sectionResponseSchema> {
  return { key: r.key, parentKey: r.parent_key, kind: r.kind, heading: r.heading, ordinal: r.ordinal, text: r.text };
}
