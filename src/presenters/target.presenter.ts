import { z } from 'zod';
import { COMPARATORS } from '../domain/model/target.schema.ts';
import type { TargetRow } from '../repositories/target.repository.ts';
import { presentSource, sourceResponseSchema } from './source.presenter.ts';

const codeName = z.object({ code: z.string(), name: z.string() });
const decimalString = z.string().describe('decimal number as a string, e.g. "2675.78"');

/** What a target aims at (TargetAim): the corrections of a target answer it too. */
export const targetAimResponseSchema = z.object({
  year: z.number().int(),
  comparator: z.enum(COMPARATORS),
  value: decimalString.nullable(),
  min: decimalString.nullable(),
  max: decimalString.nullable(),
  rate: decimalString.nullable(),
});

const targetValueResponseSchema = targetAimResponseSchema.extend({
  reference: z.string().nullable(),
  /** The floor or ceiling binds every year of the plan, not only the target year. */
  everyYear: z.boolean(),
  text: z.string().nullable(),
});

export const targetResponseSchema = z.object({
  id: z.number().int(),
  planId: z.string(),
  key: z.string(),
  section: z.object({ key: z.string(), heading: z.string() }).nullable(),
  indicator: z.object({ code: z.string(), name: z.string(), nameEn: z.string(), unit: z.string() }),
  orgUnit: codeName.nullable(),
  group: codeName.nullable(),
  nature: z.enum(['expected', 'binding']),
  baseline: z.object({ year: z.number().int(), value: decimalString }).nullable(),
  target: targetValueResponseSchema,
  trajectory: z.array(z.object({ year: z.number().int(), value: decimalString })),
  /** planId:key of each target stating a different figure for the same thing. */
  conflictsWith: z.array(z.string()),
  /** The same targets, in conflictsWith's order, with what each states (pages name them in words). */
  conflicts: z.array(
    z.object({
      ref: z.string(),
      indicator: z.object({ name: z.string(), nameEn: z.string(), unit: z.string() }),
      target: targetValueResponseSchema,
    }),
  ),
  /** Chinese; noteEn is the English note where the plan file gives one. */
  note: z.string().nullable(),
  noteEn: z.string().nullable(),
  source: sourceResponseSchema,
});
export type TargetResponse = z.infer<typeof targetResponseSchema>;

export function presentTarget(r: TargetRow): TargetResponse {
  return {
    id: r.id,
    planId: r.plan_id,
    key: r.key,
    section: r.section_key && r.section_heading ? { key: r.section_key, heading: r.section_heading } : null,
    indicator: { code: r.indicator_code, name: r.indicator_name, nameEn: r.indicator_name_en, unit: r.indicator_unit },
    orgUnit: r.org_unit_code && r.org_unit_name ? { code: r.org_unit_code, name: r.org_unit_name } : null,
    group: r.group_code && r.group_name ? { code: r.group_code, name: r.group_name } : null,
    nature: r.nature as TargetResponse['nature'],
    baseline: r.baseline_year !== null && r.baseline_value !== null ? { year: r.baseline_year, value: r.baseline_value } : null,
    target: {
      year: r.target_year,
      comparator: r.comparator as TargetResponse['target']['comparator'],
      value: r.target_value,
      min: r.target_min,
      max: r.target_max,
      rate: r.target_rate,
      reference: r.reference_code,
      everyYear: r.every_year,
      text: r.target_text,
    },
    trajectory: r.trajectory,
    conflictsWith: r.conflicts_with,
    conflicts: r.conflicts.map((c) => ({
      ref: c.ref,
      indicator: { name: c.indicatorName, nameEn: c.indicatorNameEn, unit: c.unit },
      target: {
        year: c.year,
        comparator: c.comparator as TargetResponse['target']['comparator'],
        value: c.value,
        min: c.min,
        max: c.max,
        rate: c.rate,
        reference: c.reference,
        everyYear: c.everyYear,
        text: c.text,
      },
    })),
    note: r.note,
    noteEn: r.note_en,
    source: presentSource(r),
  };
}

/** A contradiction within or across plans (GET /consistency). */
export const consistencyItemSchema = z.object({
  kind: z.enum(['conflicting_targets', 'parts_exceed_whole', 'parts_fall_short', 'unit_mismatch']),
  /** planId:key of each target involved. */
  targets: z.array(z.string()),
  /** The plans themselves record the difference (conflictsWith). */
  acknowledged: z.boolean(),
  message: z.string(),
  messageZh: z.string(),
});
export type ConsistencyItem = z.infer<typeof consistencyItemSchema>;
