import type { Chain, Industry } from '../../domain/industry-map/chain-taxonomy.schema.ts';
import { AppError } from '../../errors/app-error.ts';
import type { IndustryMap } from '../../presenters/industry-map.presenter.ts';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { readScope } from '../read-scope.ts';
import { mapReference, type MapReference } from './map-reference.ts';
import { mapZones } from './map-zones.ts';
import { zoneCounts } from './zone-links.ts';

export interface IndustryMapQuery {
  chain?: string;
  industry?: string;
  level?: 'national' | 'provincial';
}

export function unknownCode(field: 'chain' | 'industry', value: string, ref: MapReference): AppError {
  const known = field === 'chain' ? ref.taxonomy.chains.map((c) => c.code) : ref.taxonomy.industries.map((i) => i.code);
  return new AppError(
    field === 'chain' ? 'UNKNOWN_CHAIN' : 'UNKNOWN_INDUSTRY',
    `${field} "${value}" is not in the industry-chain taxonomy (known: ${known.join(', ')})`,
    `${field === 'chain' ? '产业链' : '产业'}“${value}”不在产业链分类中（可选：${known.join('、')}）`,
    { field, value },
  );
}

const sourceOut = (s: { plan: string; section?: string; quote: string }) => ({
  plan: s.plan,
  section: s.section ?? null,
  quote: s.quote,
});

/** A taxonomy industry as the map and the zone profile show it: with its colour and plan source. */
export const industryOut = (ref: MapReference, i: Industry) => ({
  code: i.code,
  name: i.name,
  nameEn: i.nameEn,
  colour: ref.colours.industry.get(i.code)!,
  source: sourceOut(i.source),
});

/** A taxonomy chain as the map and the zone profile show it: with its industry, colour and plan source. */
export const chainOut = (ref: MapReference, c: Chain) => ({
  code: c.code,
  name: c.name,
  nameEn: c.nameEn,
  industry: c.industry,
  colour: ref.colours.chain.get(c.code)!,
  source: sourceOut(c.source),
});

/** The industry map: taxonomy with colours and zone counts, and the zones in scope that pass the filter. */
export async function industryMap(database: Database, actor: Actor, q: IndustryMapQuery): Promise<IndustryMap> {
  const db = database.db;
  const ref = await mapReference();
  if (q.chain !== undefined && !ref.taxonomy.chains.some((c) => c.code === q.chain)) throw unknownCode('chain', q.chain, ref);
  if (q.industry !== undefined && !ref.taxonomy.industries.some((i) => i.code === q.industry))
    throw unknownCode('industry', q.industry, ref);
  const scope = await readScope(db, actor);
  const { zones } = await mapZones(db, ref, scope, await zoneCounts(database, actor, scope));
  const byLevel = zones.filter((z) => q.level === undefined || z.level === q.level);
  const shown = byLevel.filter(
    (z) =>
      (q.chain === undefined || z.chains.includes(q.chain)) && (q.industry === undefined || z.industries.includes(q.industry)),
  );
  return {
    industries: ref.taxonomy.industries.map((i) => industryOut(ref, i)),
    chains: ref.taxonomy.chains.map((c) => ({
      ...chainOut(ref, c),
      zoneCount: byLevel.filter((z) => z.chains.includes(c.code)).length,
    })),
    zones: shown,
    filter: { chain: q.chain ?? null, industry: q.industry ?? null, level: q.level ?? null },
    totalInScope: byLevel.length,
  };
}
