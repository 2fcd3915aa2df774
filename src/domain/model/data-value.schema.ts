import { z } from 'zod';
import { code, decimal, sourceSchema } from './common.schema.ts';
import { periodTextSchema } from '../period/period.ts';

export const DATA_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type DataStatus = (typeof DATA_STATUSES)[number];

/**
 * Where a data value came from: the plan text, a public source (统计公报, 政府工作报告, an official news
 * item; dataset/published/figures.yaml, with its citation), a reporter, or the synthetic demo generator.
 */
export const DATA_ORIGINS = ['plan', 'published', 'reported', 'synthetic'] as const;
export type DataOrigin = (typeof DATA_ORIGINS)[number];

/** A historical figure stated in a plan; loaded as approved data. */
export const statedActualSchema = z.strictObject({
  indicator: code(),
  orgUnit: code(),
  period: periodTextSchema,
  /** true when the figure is cumulative-to-date within its year (累计). */
  cumulative: z.boolean().default(false),
  value: decimal(),
  source: sourceSchema,
});
export type StatedActual = z.output<typeof statedActualSchema>;
