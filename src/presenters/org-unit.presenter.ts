import { z } from 'zod';
import type { OrgUnitRow } from '../repositories/org-unit.repository.ts';

export const orgUnitResponseSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: z.string(),
  parent: z.string().nullable(),
  divisionCode: z.string().nullable(),
  zone: z
    .object({
      level: z.string().nullable(),
      kind: z.string().nullable(),
      prefecture: z.string().nullable(),
      leadingIndustries: z.array(z.string()),
      areaKm2: z.string().nullable(),
    })
    .nullable(),
  source: z.object({ plan: z.string().nullable(), section: z.string().nullable(), quote: z.string() }).nullable(),
});
export type OrgUnitResponse = z.infer<typeof orgUnitResponseSchema>;

/** One org unit with the groups it belongs to. */
export const orgUnitDetailSchema = orgUnitResponseSchema.extend({
  groups: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string() })),
});
export type OrgUnitDetail = z.infer<typeof orgUnitDetailSchema>;

export function presentOrgUnit(r: OrgUnitRow): OrgUnitResponse {
  const isZone =
    r.zone_level !== null ||
    r.zone_kind !== null ||
    r.zone_prefecture_code !== null ||
    r.area_km2 !== null ||
    r.leading_industries.length > 0;
  return {
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind,
    parent: r.parent_code,
    divisionCode: r.division_code,
    zone: isZone
      ? {
          level: r.zone_level,
          kind: r.zone_kind,
          prefecture: r.zone_prefecture_code,
          leadingIndustries: r.leading_industries,
          areaKm2: r.area_km2,
        }
      : null,
    source: r.source_quote ? { plan: r.source_plan_id, section: r.source_section, quote: r.source_quote } : null,
  };
}

export const groupResponseSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: z.string(),
  members: z.array(z.string()),
  source: z.object({ plan: z.string().nullable(), section: z.string().nullable(), quote: z.string() }).nullable(),
});

export type GroupResponse = z.infer<typeof groupResponseSchema>;

/** The groups a membership change touched, with their members after it. */
export const groupMembershipResultSchema = z.object({
  groups: z.array(z.object({ code: z.string(), members: z.array(z.string()) })),
});

export function presentGroup(g: {
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  members: string[];
  source_plan_id: string | null;
  source_section: string | null;
  source_quote: string | null;
}): GroupResponse {
  return {
    code: g.code,
    name: g.name,
    nameEn: g.name_en,
    kind: g.kind,
    members: g.members,
    source: g.source_quote ? { plan: g.source_plan_id, section: g.source_section, quote: g.source_quote } : null,
  };
}
export type GroupMembershipResult = z.infer<typeof groupMembershipResultSchema>;

/** A name a unit goes by (简称, former names, short forms), matched at import: GET /org-units/{code}/aliases. */
export const unitAliasSchema = z.object({ id: z.number(), alias: z.string(), kind: z.string(), source: z.string() });
export type UnitAlias = z.infer<typeof unitAliasSchema>;
