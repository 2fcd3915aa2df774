import { z } from 'zod';
import { STAGES } from '../domain/projects/stages.ts';
import { SHARED_INDICATORS } from '../domain/projects/transfer-shares.ts';

/** Response shapes of projects (三张作战图) and cross-zone transfers; amounts are decimal strings in 万元. */

const unitRef = z.object({ code: z.string(), name: z.string() });
const stageEnum = z.enum(STAGES);
const reason = z.object({ code: z.string(), zh: z.string(), en: z.string() });

export const projectSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  zone: unitRef,
  prefecture: unitRef.nullable(),
  industry: z.string().nullable(),
  chain: unitRef.nullable(),
  /** 万元 */
  totalInvestment: z.string(),
  stage: stageEnum,
  description: z.string().nullable(),
  synthetic: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  stages: z.array(z.object({ stage: stageEnum, plannedOn: z.string().nullable(), actualOn: z.string().nullable() })),
  stalled: z.boolean(),
  stallReasons: z.array(reason),
  /** Under an agreement now: the zone the project came from, for the badge. */
  transferredFrom: unitRef.nullable(),
});
export type ProjectOut = z.infer<typeof projectSchema>;

export const sharePairSchema = z.object({ from: z.string(), to: z.string() });

export const agreementSchema = z.object({
  id: z.number().int(),
  project: z.object({ id: z.number().int(), name: z.string(), synthetic: z.boolean() }),
  fromZone: unitRef,
  toZone: unitRef,
  shares: sharePairSchema,
  indicatorShares: z.array(z.object({ indicator: z.enum(SHARED_INDICATORS), from: z.string(), to: z.string() })),
  startMonth: z.string(),
  endMonth: z.string().nullable(),
  reference: z.string(),
  status: z.enum(['active', 'ended']),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  version: z.number().int(),
});
export type AgreementOut = z.infer<typeof agreementSchema>;

export const projectDetailSchema = projectSchema.extend({
  history: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      actor: z.string(),
      /** The user's display name (显示名); null for the system and for labels that are no user's login. */
      actorName: z.string().nullable(),
      kind: z.enum(['create', 'advance', 'skip', 'adjustment', 'edit', 'transfer']),
      fromStage: stageEnum.nullable(),
      toStage: stageEnum.nullable(),
      effectiveOn: z.string().nullable(),
      changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
      reason: z.string().nullable(),
    }),
  ),
  figures: z.array(
    z.object({
      month: z.string(),
      investment: z.string().nullable(),
      output: z.string().nullable(),
      tax: z.string().nullable(),
      origin: z.enum(['reported', 'synthetic']),
    }),
  ),
  transfers: z.array(agreementSchema),
});
export type ProjectDetailOut = z.infer<typeof projectDetailSchema>;

export const projectListSchema = z.object({ items: z.array(projectSchema), total: z.number().int() });

export const boardsSchema = z.object({
  /** The date stalled flags are judged at (today). */
  asOf: z.string(),
  columns: z.array(
    z.object({
      stage: stageEnum,
      battleMap: z.boolean(),
      count: z.number().int(),
      stalledCount: z.number().int(),
      totalInvestment: z.string(),
      projects: z.array(projectSchema),
    }),
  ),
  chains: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
  /** Zones with projects in scope and their prefectures, for the zone filter. */
  zones: z.array(z.object({ code: z.string(), name: z.string(), prefecture: unitRef.nullable() })),
});

export const projectMapSchema = z.object({
  zones: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      prefecture: z.string().nullable(),
      counts: z.record(z.string(), z.number().int()),
      stalled: z.number().int(),
      totalInvestment: z.string(),
      projects: z.array(z.object({ id: z.number().int(), name: z.string(), stage: stageEnum, stalled: z.boolean() })),
    }),
  ),
});

export const chainListSchema = z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() }));

export const zoneAttributionSchema = z.object({
  zone: unitRef,
  at: z.string(),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      /** The zone's figure as reported (its own or rolled up), and with transfer shares applied. */
      reported: z.string().nullable(),
      attributed: z.string().nullable(),
      delta: z.string(),
    }),
  ),
  agreements: z.array(
    z.object({
      agreement: agreementSchema,
      role: z.enum(['origin', 'destination']),
      /** This zone's deltas in the as-of year up to the as-of period, per indicator (万元). */
      deltas: z.array(z.object({ indicator: z.enum(SHARED_INDICATORS), reported: z.string(), delta: z.string() })),
    }),
  ),
});
export type ZoneAttributionOut = z.infer<typeof zoneAttributionSchema>;
export type BoardsOut = z.infer<typeof boardsSchema>;
