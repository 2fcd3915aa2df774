import { z } from 'zod';
import { decimal, optionalText, userText } from '../domain/model/common.schema.ts';
import { calendarDateSchema, calendarMonthSchema } from '../domain/period/calendar-date.ts';
import { STAGES } from '../domain/projects/stages.ts';
import { keepUserText } from '../domain/text/user-text.ts';
import { PG_INT_MAX } from './page.schema.ts';

/**
 * Request bodies of the project routes that the web's project form sends: declared once here,
 * validated by the routes and typed in the web from these schemas (`z.input`).
 *
 * What people write about a project (its name, description, a change's reason, an agreement's reference) is
 * kept as written (issue 18: ，and （） stay); the industry is matched against the chains, so it stays folded.
 */
export const prose = () => z.string().transform(keepUserText);
export const stageSchema = z.enum(STAGES);
/** An amount in 万元, as a decimal string, never negative. */
export const amount = () => decimal().refine((v) => !v.startsWith('-'), 'must not be negative');
const stageDates = z.array(
  z.object({
    stage: stageSchema,
    plannedOn: calendarDateSchema.nullable().optional(),
    actualOn: calendarDateSchema.nullable().optional(),
  }),
);

/** POST /projects. */
export const projectCreateBodySchema = z.object({
  name: userText().pipe(z.string().max(200)),
  zone: z.string(),
  industry: optionalText().nullable(),
  chain: z.string().nullable().optional(),
  totalInvestment: amount(),
  stage: stageSchema.optional(),
  description: prose().optional().nullable(),
  stages: stageDates.optional(),
});
export type ProjectCreateBody = z.input<typeof projectCreateBodySchema>;

/** PUT /projects/{id}: the version read, the fields changed and why. */
export const projectUpdateBodySchema = z.object({
  version: z.number().int().min(1).max(PG_INT_MAX),
  name: userText().pipe(z.string().max(200)).optional(),
  industry: optionalText().nullable(),
  chain: z.string().nullable().optional(),
  totalInvestment: amount().optional(),
  description: prose().optional().nullable(),
  stages: stageDates.optional(),
  reason: prose().optional().nullable(),
});
export type ProjectUpdateBody = z.input<typeof projectUpdateBodySchema>;

/** POST /projects/{id}/stage: the version read, the stage moved to, when, and why (a step back needs a reason). */
export const projectStageBodySchema = z.object({
  version: z.number().int().min(1).max(PG_INT_MAX),
  to: stageSchema,
  on: calendarDateSchema.optional(),
  reason: prose().optional().nullable(),
});
export type ProjectStageBody = z.input<typeof projectStageBodySchema>;

/** PUT /projects/{id}/figures: monthly completed investment, output and tax (万元), at most ten years at once. */
export const projectFiguresBodySchema = z.object({
  version: z.number().int().min(1).max(PG_INT_MAX),
  figures: z
    .array(
      z.object({
        month: calendarMonthSchema,
        investment: amount().nullable().optional(),
        output: amount().nullable().optional(),
        tax: amount().nullable().optional(),
      }),
    )
    .min(1)
    .max(120),
});
export type ProjectFiguresBody = z.input<typeof projectFiguresBodySchema>;
