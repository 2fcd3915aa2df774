import { apiRequest } from '../api/client.ts';
import type { IndustryMap, ZoneProfile } from './industryMapTypes.ts';

export const industryMapApi = {
  map: (q: { chain?: string | null; industry?: string | null; level?: string | null }, signal?: AbortSignal) =>
    apiRequest<IndustryMap>('GET', '/industry-map', {
      query: { chain: q.chain ?? undefined, industry: q.industry ?? undefined, level: q.level ?? undefined },
      signal,
    }),
  profile: (code: string, at: string | null, signal?: AbortSignal) =>
    apiRequest<ZoneProfile>('GET', `/zones/${encodeURIComponent(code)}/profile`, { query: { at: at ?? undefined }, signal }),
};
