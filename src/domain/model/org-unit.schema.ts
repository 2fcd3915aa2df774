import { z } from 'zod';
import { code, decimal, optionalUserText, sourceSchema, userText } from './common.schema.ts';

export const ORG_UNIT_KINDS = [
  'province',
  'prefecture',
  'county',
  'department',
  'development_zone',
  'ftz',
  'ftz_area',
  'linkage_zone',
  'bonded_zone',
  'other',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const ZONE_LEVELS = ['national', 'provincial'] as const;

/** Kinds of development zone named in the parks plan. */
export const ZONE_KINDS = [
  'high_tech', // 高新技术产业开发区
  'economic_dev', // 经济技术开发区
  'industrial_park', // 产业园区 / 工业园区
  'border_econ_coop', // 边境经济合作区
  'cross_border_econ_coop', // 跨境经济合作区
  'comprehensive_bonded', // 综合保税区
  'tourism_resort', // 旅游度假区
  'other',
] as const;

export const orgUnitSchema = z.strictObject({
  code: code(),
  // Stored as written (issue 18: names keep their characters); matching goes through keys (unit-name-key).
  name: userText(),
  // As written too (Kunming Hi-tech Zone（KMHTZ） keeps its brackets); search folds it (nameLike).
  nameEn: optionalUserText(),
  kind: z.enum(ORG_UNIT_KINDS),
  parent: code().optional(),
  /** GB/T 2260 administrative division code, for the province, prefectures and counties. */
  divisionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  zone: z
    .strictObject({
      level: z.enum(ZONE_LEVELS).optional(),
      kind: z.enum(ZONE_KINDS).optional(),
      /** Prefecture the zone lies in (org-unit code). */
      prefecture: code().optional(),
      /** As written (issue 18); the industry map and the extractor match them on NFKC keys. */
      leadingIndustries: z.array(userText()).default([]),
      areaKm2: decimal().optional(),
    })
    .optional(),
  source: sourceSchema.optional(),
});
export type OrgUnitInput = z.input<typeof orgUnitSchema>;
export type OrgUnit = z.output<typeof orgUnitSchema>;

export const GROUP_KINDS = ['bloc', 'main_function_area', 'zone_level', 'other'] as const;

/** Groups cut across the org-unit tree: 板块, 主体功能区 type, zone level. */
export const orgGroupSchema = z.strictObject({
  code: code(),
  name: userText(),
  nameEn: optionalUserText(),
  kind: z.enum(GROUP_KINDS),
  members: z.array(code()),
  source: sourceSchema.optional(),
});
export type OrgGroup = z.output<typeof orgGroupSchema>;
