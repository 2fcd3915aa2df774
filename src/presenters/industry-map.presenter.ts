import { z } from 'zod';
import { targetProgressSchema } from './progress.presenter.ts';

/** Response shapes of the industry map (产业地图): the map with its zones, and one zone's profile. */

const sourceSchema = z.object({ plan: z.string().nullable(), section: z.string().nullable(), quote: z.string() });

export const industryOutSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  colour: z.string(),
  source: sourceSchema,
});

export const chainOutSchema = industryOutSchema.extend({
  industry: z.string(),
  /** Zones in the reader's scope (and level filter) that carry the chain. */
  zoneCount: z.number().int(),
});

export const ZONE_SYMBOLS = ['diamond', 'circle', 'triangle'] as const;

export const mapZoneSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  /** Org-unit kind: development_zone, bonded_zone, ftz_area … */
  kind: z.string(),
  /** 高新区, 经开区, 产业园区 … (zone.kind), null for FTZ areas. */
  zoneKind: z.string().nullable(),
  level: z.enum(['national', 'provincial']).nullable(),
  prefecture: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** The plan's own wording, as stored. */
  leadingIndustries: z.array(z.string()),
  chains: z.array(z.string()),
  industries: z.array(z.string()),
  primaryChain: z.string().nullable(),
  primaryIndustry: z.string().nullable(),
  /** Leading industries the taxonomy does not name (shown as they are). */
  unmatched: z.array(z.string()),
  marker: z.object({ colour: z.string(), symbol: z.enum(ZONE_SYMBOLS), size: z.number() }),
  /** Where the marker goes: near the prefecture's centroid; null when the prefecture is unknown. */
  position: z.object({ lng: z.number(), lat: z.number() }).nullable(),
  /** Counts from the project pipeline and the task board; null where that part is not installed. */
  counts: z.object({ projects: z.number().int().nullable(), tasks: z.number().int().nullable() }),
});
export type MapZone = z.infer<typeof mapZoneSchema>;

export const industryMapSchema = z.object({
  industries: z.array(industryOutSchema),
  chains: z.array(chainOutSchema),
  zones: z.array(mapZoneSchema),
  filter: z.object({
    chain: z.string().nullable(),
    industry: z.string().nullable(),
    level: z.string().nullable(),
  }),
  /** Zones in scope before the chain/industry filter (after the level filter). */
  totalInScope: z.number().int(),
});
export type IndustryMap = z.infer<typeof industryMapSchema>;

export const zoneTargetSchema = z.object({
  plan: z.object({ id: z.string(), title: z.string() }),
  /** How the target reaches the zone: set for the zone itself, or for a group the zone belongs to. */
  via: z.object({ kind: z.enum(['org_unit', 'group']), code: z.string(), name: z.string() }),
  /** The zone's own figures judged against the target (for a group target: the zone's share of the goal). */
  progress: targetProgressSchema,
  /** For a group target, the group's own judgement. */
  group: z
    .object({
      class: targetProgressSchema.shape.judgement.shape.class,
      warning: targetProgressSchema.shape.warning.shape.level,
      current: z.string().nullable(),
    })
    .nullable(),
});
export type ZoneTarget = z.infer<typeof zoneTargetSchema>;

export const zoneProjectSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  stage: z.string(),
  chain: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
  /** 万元, decimal string. */
  totalInvestment: z.string(),
  stalled: z.boolean(),
  synthetic: z.boolean(),
});
export type ZoneProject = z.infer<typeof zoneProjectSchema>;

export const zoneTaskSchema = z.object({
  plan: z.string(),
  key: z.string(),
  title: z.string(),
  /** The role of `unit` (the zone, or its prefecture) in the task. */
  role: z.enum(['lead', 'co']),
  unit: z.object({ code: z.string(), name: z.string() }),
  status: z.string(),
  overdue: z.boolean(),
  deadline: z.string().nullable(),
});
export type ZoneTask = z.infer<typeof zoneTaskSchema>;

export const zoneEvaluationSchema = z.object({
  runId: z.number().int(),
  scheme: z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() }),
  year: z.number().int(),
  status: z.string(),
  /** Computed scores are float64 (an evaluation score, not a reported figure). */
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  grade: z.string().nullable(),
  /** Units ranked in that run. */
  units: z.number().int(),
});
export type ZoneEvaluation = z.infer<typeof zoneEvaluationSchema>;

export const zoneProfileSchema = z.object({
  zone: mapZoneSchema.extend({
    areaKm2: z.string().nullable(),
    parent: z.string().nullable(),
    source: sourceSchema.nullable(),
    groups: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string() })),
  }),
  chains: z.array(industryOutSchema.extend({ industry: z.string() })),
  industries: z.array(industryOutSchema),
  /** As-of period of the progress judgements. */
  at: z.string(),
  targets: z.array(zoneTargetSchema),
  summary: z.object({
    total: z.number().int(),
    byClass: z.record(z.string(), z.number().int()),
    warnings: z.object({ red: z.number().int(), yellow: z.number().int(), green: z.number().int() }),
  }),
  /** From the project pipeline, newest last; null where that part is not installed. */
  projects: z.array(zoneProjectSchema).nullable(),
  /** Tasks the zone or its prefecture leads or supports. */
  tasks: z.array(zoneTaskSchema).nullable(),
  /** The zone's latest result in each evaluation scheme. */
  evaluations: z.array(zoneEvaluationSchema).nullable(),
});
export type ZoneProfile = z.infer<typeof zoneProfileSchema>;
