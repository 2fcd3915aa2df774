import { z } from 'zod';
import type { listDataValues } from '../repositories/data-value.repository.ts';

type Row = Awaited<ReturnType<typeof listDataValues>>['rows'][number];

export const dataValueResponseSchema = z.object({
  indicator: z.object({ code: z.string(), name: z.string(), unit: z.string() }),
  orgUnit: z.object({ code: z.string(), name: z.string() }),
  period: z.string(),
  periodKind: z.string(),
  cumulative: z.boolean(),
  origin: z.string(),
  value: z.string(),
  status: z.string(),
  version: z.number().int(),
  source: z.object({ plan: z.string(), quote: z.string() }).nullable(),
});

export function presentDataValue(r: Row): z.infer<typeof dataValueResponseSchema> {
  return {
    indicator: { code: r.indicator_code, name: r.indicator_name, unit: r.indicator_unit },
    orgUnit: { code: r.org_unit_code, name: r.org_unit_name },
    period: r.period,
    periodKind: r.period_kind,
    cumulative: r.cumulative,
    origin: r.origin,
    value: r.value,
    status: r.status,
    version: r.version,
    source: r.source_plan_id && r.source_quote ? { plan: r.source_plan_id, quote: r.source_quote } : null,
  };
}
