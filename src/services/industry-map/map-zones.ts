import { classifyIndustries } from '../../domain/industry-map/classify-industries.ts';
import { markerColour, markerStyle } from '../../domain/industry-map/marker-style.ts';
import { placeMarkers, type PlacementArea } from '../../domain/industry-map/place-markers.ts';
import type { MapZone } from '../../presenters/industry-map.presenter.ts';
import { listOrgUnits, type OrgUnitRow } from '../../repositories/org-unit.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import type { ReadScope } from '../read-scope.ts';
import type { MapReference } from './map-reference.ts';
import type { ZoneCounts } from './zone-links.ts';

/** Org-unit kinds drawn on the industry map; the FTZ as a whole is drawn through its three areas. */
export const MAP_ZONE_KINDS: ReadonlySet<string> = new Set(['development_zone', 'bonded_zone', 'ftz_area', 'linkage_zone']);

const ALL = { limit: 100_000, offset: 0 };

/**
 * Every zone in the reader's scope, classified by chain, styled and placed. Prefecture names come from
 * the whole tree (a reporter scoped to one zone still sees where it lies); placement runs over every
 * zone so a zone's position does not change with the reader's scope.
 */
export async function mapZones(
  db: Executor,
  ref: MapReference,
  scope: ReadScope,
  counts: ZoneCounts,
): Promise<{ zones: MapZone[]; rows: Map<string, OrgUnitRow> }> {
  const units = (await listOrgUnits(db, {}, ALL)).rows;
  const byCode = new Map(units.map((u) => [u.code, u]));
  const visible = scope === null ? null : new Set(scope);
  const prefectureOf = (u: OrgUnitRow): OrgUnitRow | null => {
    const code = u.zone_prefecture_code ?? u.parent_code;
    const p = code === null ? undefined : byCode.get(code);
    return p?.kind === 'prefecture' ? p : null;
  };
  const zoneRows = units.filter((u) => MAP_ZONE_KINDS.has(u.kind));
  const areas = new Map<string, PlacementArea>(ref.prefectures);
  const positions = placeMarkers(
    zoneRows.map((u) => ({ code: u.code, prefecture: prefectureOf(u)?.name ?? '', level: levelOf(u) })),
    areas,
  );
  const zones: MapZone[] = [];
  const rows = new Map<string, OrgUnitRow>();
  for (const u of zoneRows) {
    if (visible && !visible.has(u.id)) continue;
    const c = classifyIndustries(u.leading_industries, ref.labels);
    const p = prefectureOf(u);
    const at = positions.get(u.code) ?? null;
    const level = levelOf(u);
    rows.set(u.code, u);
    zones.push({
      code: u.code,
      name: u.name,
      nameEn: u.name_en,
      kind: u.kind,
      zoneKind: u.zone_kind,
      level,
      prefecture: p ? { code: p.code, name: p.name } : null,
      leadingIndustries: u.leading_industries,
      ...c,
      marker: { colour: markerColour(ref.colours, c.primaryChain, c.primaryIndustry), ...markerStyle(level) },
      position: at ? { lng: at[0], lat: at[1] } : null,
      counts: {
        projects: counts.projects ? (counts.projects.get(u.code) ?? 0) : null,
        // The profile lists the prefecture's tasks with the zone's: so does the count.
        tasks: counts.tasks
          ? new Set([...(counts.tasks.get(u.code) ?? []), ...(p ? (counts.tasks.get(p.code) ?? []) : [])]).size
          : null,
      },
    });
  }
  return { zones, rows };
}

function levelOf(u: OrgUnitRow): 'national' | 'provincial' | null {
  return u.zone_level === 'national' || u.zone_level === 'provincial' ? u.zone_level : null;
}
