import { z } from 'zod';
import type { TaskRow } from '../repositories/task.repository.ts';
import { presentSource, sourceResponseSchema } from './source.presenter.ts';

const codeName = z.object({ code: z.string(), name: z.string() });

export const taskResponseSchema = z.object({
  id: z.number().int(),
  planId: z.string(),
  key: z.string(),
  section: z.object({ key: z.string(), heading: z.string() }).nullable(),
  text: z.string(),
  lead: z.array(codeName),
  co: z.array(codeName),
  responsibleText: z.string().nullable(),
  deadline: z.string().nullable(),
  source: sourceResponseSchema,
});
export type TaskResponse = z.infer<typeof taskResponseSchema>;

export function presentTask(r: TaskRow): TaskResponse {
  const pick = (role: 'lead' | 'co') => r.units.filter((u) => u.role === role).map(({ code, name }) => ({ code, name }));
  return {
    id: r.id,
    planId: r.plan_id,
    key: r.key,
    section: r.section_key && r.section_heading ? { key: r.section_key, heading: r.section_heading } : null,
    text: r.text,
    lead: pick('lead'),
    co: pick('co'),
    responsibleText: r.responsible_text,
    deadline: r.deadline,
    source: presentSource(r),
  };
}
