/*
 * Shapes of the evaluation API (/api/v1/evaluation, src/presenters/evaluation.presenter.ts on the
 * server), as agreed in the issue-7 contract. Raw indicator values stay decimal strings; computed
 * scores, weights, normalised values and probabilities travel as numbers (float64 by design).
 */

export type Direction = 'higher_better' | 'lower_better';
export type Aggregation = 'weighted_sum' | 'weighted_geometric';
export type NormalisationMethod = 'minmax' | 'target' | 'zscore' | 'rank' | 'bands';
export const NORMALISATION_METHODS: readonly NormalisationMethod[] = ['minmax', 'target', 'zscore', 'rank', 'bands'];

export type Normalisation =
  | { method: 'minmax' }
  | { method: 'target'; target: number; baseline?: number }
  | { method: 'zscore' }
  | { method: 'rank' }
  | { method: 'bands'; bands: { from?: number; to?: number; score: number }[] };

export interface SchemeIndicatorDef {
  code: string;
  name: string;
  nameEn?: string;
  weight: number;
  direction?: Direction;
  normalisation?: Normalisation;
  required?: boolean;
}

export interface VetoDef {
  code: string;
  indicator: string;
  op: 'lt' | 'le' | 'gt' | 'ge' | 'eq';
  value: number;
  reason: string;
  reasonEn?: string;
}

export interface AdjustmentDef {
  code: string;
  kind: 'bonus' | 'penalty';
  name: string;
  nameEn?: string;
  maxPoints: number;
}

export interface GradeBandDef {
  label: string;
  labelEn?: string;
  minScore: number;
}

export interface ComparisonGroupDef {
  code: string;
  name: string;
  weights?: Record<string, number>;
}

export interface SourceRef {
  item: string;
  plan: string;
  section: string;
  quote: string;
}

/** The stored scheme definition: the domain SchemeInput plus subject, grouping, sources and defaultWeights. */
export interface SchemeDefinition {
  code: string;
  name: string;
  nameEn?: string;
  indicators: SchemeIndicatorDef[];
  aggregation?: Aggregation;
  vetoes?: VetoDef[];
  adjustments?: AdjustmentDef[];
  /** Absent = no cap (Infinity is never stored). */
  bonusCap?: number;
  penaltyCap?: number;
  grades: GradeBandDef[];
  groups?: ComparisonGroupDef[];
  description?: string;
  subject?: { kinds?: string[]; group?: string; plan?: string; root?: string };
  /** Per comparison group, normalisations replacing the indicator's (e.g. other threshold bands). */
  groupNormalisation?: Record<string, Record<string, Normalisation>>;
  /** When present the indicator weights come from this AHP pairwise matrix (indicator order). */
  ahp?: { matrix: number[][] };
  groupBy?: { by: 'zone_level' } | { by: 'org_group'; groups: Record<string, string> };
  sources?: SourceRef[];
  defaultWeights?: boolean;
  /** Fields a newer server may add are kept as they are when the editor saves. */
  [extra: string]: unknown;
}

export type SchemeStatus = 'draft' | 'frozen';

export interface SchemeSummary {
  code: string;
  name: string;
  nameEn: string | null;
  latestVersion: number;
  status: SchemeStatus;
  builtin: boolean;
  defaultWeights: boolean;
  versions: number[];
}

export interface SchemeVersionView {
  code: string;
  version: number;
  status: SchemeStatus;
  builtin: boolean;
  definition: SchemeDefinition;
  createdAt: string;
  frozenAt: string | null;
  updatedAt: string;
}

export interface WeightsResult {
  weights: number[];
  lambdaMax?: number;
  ci?: number;
  cr?: number;
  entropy?: number[];
}

export type RunStatus = 'draft' | 'published' | 'preview';

export interface RunSummary {
  id: number;
  scheme: string;
  version: number;
  year: number;
  status: 'draft' | 'published';
  createdAt: string;
  publishedAt: string | null;
  dataHash: string;
}

export interface UnitSensitivityView {
  rankLow: number;
  rankMedian: number;
  rankHigh: number;
  gradeProbabilities: Record<string, number>;
  modalGrade: string;
  robust: boolean;
}

export interface ContributionView {
  indicator: string;
  /** Decimal string as reported. */
  raw: string | null;
  normalised: number | null;
  weight: number;
  points: number | null;
}

export interface UnitResultView {
  code: string;
  name: string;
  nameEn: string | null;
  group: string | null;
  status: 'complete' | 'incomplete';
  missing: string[];
  baseScore: number | null;
  bonus: number;
  penalty: number;
  score: number | null;
  rank: number | null;
  grade: string | null;
  vetoes: { code: string; reason: string; reasonEn: string | null }[];
  contributions: ContributionView[];
  previous: { year: number; score: number | null; rank: number | null; grade: string | null } | null;
  explanation: { zh: string; en: string };
  sensitivity: UnitSensitivityView | null;
  /** TOPSIS closeness and rank in the group: the alternative ranking. */
  topsis: { closeness: number; rank: number } | null;
}

export interface RunView {
  id: number | null;
  scheme: { code: string; version: number; name: string; nameEn: string | null; status: SchemeStatus; defaultWeights: boolean };
  year: number;
  status: RunStatus;
  createdAt: string | null;
  publishedAt: string | null;
  seed: number;
  samples: number;
  dataHash: string;
  indicators: {
    code: string;
    name: string;
    nameEn: string | null;
    unit: string;
    weight: number;
    direction: Direction;
    normalisation: string;
  }[];
  grades: { label: string; labelEn: string | null; minScore: number }[];
  groups: { code: string; name: string }[];
  sources: SourceRef[];
  units: UnitResultView[];
}
