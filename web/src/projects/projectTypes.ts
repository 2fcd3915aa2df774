/** Shapes of the projects API (src/presenters/project.presenter.ts); amounts are decimal strings in 万元. */
export type Stage = 'planning' | 'packaging' | 'reserve' | 'signed' | 'construction' | 'production';
export const STAGES: Stage[] = ['planning', 'packaging', 'reserve', 'signed', 'construction', 'production'];

export interface UnitRef {
  code: string;
  name: string;
}

export interface Project {
  id: number;
  name: string;
  zone: UnitRef;
  prefecture: UnitRef | null;
  industry: string | null;
  chain: UnitRef | null;
  totalInvestment: string;
  stage: Stage;
  description: string | null;
  synthetic: boolean;
  version: number;
  updatedAt: string;
  stages: { stage: Stage; plannedOn: string | null; actualOn: string | null }[];
  stalled: boolean;
  stallReasons: { code: string; zh: string; en: string }[];
  transferredFrom: UnitRef | null;
}

export interface Agreement {
  id: number;
  project: { id: number; name: string; synthetic: boolean };
  fromZone: UnitRef;
  toZone: UnitRef;
  shares: { from: string; to: string };
  indicatorShares: { indicator: string; from: string; to: string }[];
  startMonth: string;
  endMonth: string | null;
  reference: string;
  status: 'active' | 'ended';
  createdAt: string;
  endedAt: string | null;
  endReason: string | null;
  version: number;
}

export interface ProjectDetail extends Project {
  history: {
    id: number;
    at: string;
    actor: string;
    actorName: string | null;
    kind: 'create' | 'advance' | 'skip' | 'adjustment' | 'edit' | 'transfer';
    fromStage: Stage | null;
    toStage: Stage | null;
    effectiveOn: string | null;
    changes: Record<string, { from: unknown; to: unknown }>;
    reason: string | null;
  }[];
  figures: {
    month: string;
    investment: string | null;
    output: string | null;
    tax: string | null;
    origin: 'reported' | 'synthetic';
  }[];
  transfers: Agreement[];
}

export interface Boards {
  asOf: string;
  columns: {
    stage: Stage;
    battleMap: boolean;
    count: number;
    stalledCount: number;
    totalInvestment: string;
    projects: Project[];
  }[];
  chains: { code: string; name: string; nameEn: string }[];
  zones: { code: string; name: string; prefecture: UnitRef | null }[];
}

export interface ZoneAttribution {
  zone: UnitRef;
  at: string;
  indicators: { code: string; name: string; unit: string; reported: string | null; attributed: string | null; delta: string }[];
  agreements: {
    agreement: Agreement;
    role: 'origin' | 'destination';
    deltas: { indicator: string; reported: string; delta: string }[];
  }[];
}
