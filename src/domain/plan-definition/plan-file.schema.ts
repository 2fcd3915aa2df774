import { z } from 'zod';
import { statedActualSchema } from '../model/data-value.schema.ts';
import { indicatorSchema } from '../model/indicator.schema.ts';
import { orgGroupSchema, orgUnitSchema } from '../model/org-unit.schema.ts';
import { planSchema, sectionSchema } from '../model/plan.schema.ts';
import { targetSchema, taskSchema } from '../model/target.schema.ts';

/**
 * A plan definition file: the format of the curated dataset and of `plantrack import-plan`.
 * A file may also only define shared catalogue entries (org units, groups, indicators) without a plan.
 */
export const planFileSchema = z.strictObject({
  plan: planSchema.optional(),
  sections: z.array(sectionSchema).default([]),
  orgUnits: z.array(orgUnitSchema).default([]),
  groups: z.array(orgGroupSchema).default([]),
  indicators: z.array(indicatorSchema).default([]),
  targets: z.array(targetSchema).default([]),
  tasks: z.array(taskSchema).default([]),
  actuals: z.array(statedActualSchema).default([]),
});
export type PlanFileInput = z.input<typeof planFileSchema>;
export type PlanFile = z.output<typeof planFileSchema>;
