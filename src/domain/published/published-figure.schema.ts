import { z } from 'zod';
import { code, decimal, text, userText } from '../model/common.schema.ts';
import { periodTextSchema } from '../period/period.ts';

/** A publication date as precise as the source gives it: 2021-01-26, or 2021-07 when only the month is known. */
const publicationDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'must look like 2021-01-26 or 2021-07');

/** Where published figures come from: an official release, bulletin, work report or the news item quoting it. */
export const publishedSourceSchema = z.strictObject({
  id: code(),
  // Shown in the citation as the publication prints them (issue 18: （） stays （）); the source is found by id.
  title: userText(),
  publisher: userText(),
  publishedOn: publicationDate,
  url: z.string().url(),
});
export type PublishedSource = z.output<typeof publishedSourceSchema>;

/** One figure as the source states it: value and unit as printed, and the sentence that states it. */
export const publishedFigureSchema = z.strictObject({
  indicator: code(),
  orgUnit: code(),
  period: periodTextSchema,
  /** Year-to-date (累计) within its year, as 上半年 / 前三季度 / 1至11月 figures are. */
  cumulative: z.boolean().default(false),
  published: z.strictObject({ value: decimal(), unit: text() }),
  source: code(),
  quote: text(),
});
export type PublishedFigure = z.output<typeof publishedFigureSchema>;

export const publishedFiguresFileSchema = z.strictObject({
  sources: z.array(publishedSourceSchema),
  figures: z.array(publishedFigureSchema),
});
export type PublishedFiguresFile = z.output<typeof publishedFiguresFileSchema>;

/** The citation a published data value carries (data_value.citation), shown beside the figure. */
export const citationSchema = z.strictObject({
  title: z.string(),
  publisher: z.string(),
  publishedOn: z.string(),
  url: z.string(),
  quote: z.string(),
  /** The value and unit as the source printed them, before conversion into the indicator's unit. */
  publishedValue: z.string(),
  publishedUnit: z.string(),
  /** Entered through the review screen (POST /published-figures): who accepted it, and when. */
  reviewedBy: z.string().optional(),
  reviewedAt: z.string().optional(),
});
export type Citation = z.output<typeof citationSchema>;
