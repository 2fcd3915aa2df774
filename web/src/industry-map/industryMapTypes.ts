/**
 * Shapes of GET /api/v1/industry-map and GET /api/v1/zones/:code/profile, mirroring
 * src/presenters/industry-map.presenter.ts (the server's zod schemas are the source of truth).
 */
import type { ProgressClass, TargetProgress, WarningLevel } from '../api/progressTypes.ts';

export interface Sourced {
  code: string;
  name: string;
  nameEn: string;
  colour: string;
  source: { plan: string | null; section: string | null; quote: string };
}
export interface ChainOut extends Sourced {
  industry: string;
  zoneCount: number;
}

export type ZoneLevel = 'national' | 'provincial';
export type MarkerSymbol = 'diamond' | 'circle' | 'triangle';

export interface MapZone {
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  zoneKind: string | null;
  level: ZoneLevel | null;
  prefecture: { code: string; name: string } | null;
  leadingIndustries: string[];
  chains: string[];
  industries: string[];
  primaryChain: string | null;
  primaryIndustry: string | null;
  unmatched: string[];
  marker: { colour: string; symbol: MarkerSymbol; size: number };
  position: { lng: number; lat: number } | null;
  counts: { projects: number | null; tasks: number | null };
}

export interface IndustryMap {
  industries: Sourced[];
  chains: ChainOut[];
  zones: MapZone[];
  filter: { chain: string | null; industry: string | null; level: string | null };
  totalInScope: number;
}

export interface ZoneTarget {
  plan: { id: string; title: string };
  via: { kind: 'org_unit' | 'group'; code: string; name: string };
  progress: TargetProgress;
  group: { class: ProgressClass; warning: WarningLevel; current: string | null } | null;
}

export interface ZoneProject {
  id: number;
  name: string;
  stage: string;
  chain: { code: string; name: string; nameEn: string } | null;
  totalInvestment: string;
  stalled: boolean;
  synthetic: boolean;
}

export interface ZoneTask {
  plan: string;
  key: string;
  title: string;
  role: 'lead' | 'co';
  unit: { code: string; name: string };
  status: string;
  overdue: boolean;
  deadline: string | null;
}

export interface ZoneEvaluation {
  runId: number;
  scheme: { code: string; name: string; nameEn: string | null };
  year: number;
  status: string;
  score: number | null;
  rank: number | null;
  grade: string | null;
  units: number;
}

export interface ZoneProfile {
  zone: MapZone & {
    areaKm2: string | null;
    parent: string | null;
    source: { plan: string | null; section: string | null; quote: string } | null;
    groups: { code: string; name: string; kind: string }[];
  };
  chains: (Omit<Sourced, 'colour'> & { colour: string; industry: string })[];
  industries: Sourced[];
  at: string;
  targets: ZoneTarget[];
  summary: {
    total: number;
    byClass: Record<string, number>;
    warnings: { red: number; yellow: number; green: number };
  };
  /** null: that part of the platform is not installed. */
  projects: ZoneProject[] | null;
  tasks: ZoneTask[] | null;
  evaluations: ZoneEvaluation[] | null;
}
