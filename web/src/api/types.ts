/**
 * Response types of the PlanTrack HTTP API (/api/v1).
 * Decimal values travel as strings; convert with Number() only for display.
 */

/** A decimal number as text, e.g. "2675.78" or "-13.5". */
export type Decimal = string;

export interface ListResponse<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface ApiErrorBody {
  error: { code: string; message: string; messageZh: string; details?: unknown };
}

export interface PlanCounts {
  sections: number;
  targets: number;
  tasks: number;
}

export interface Plan {
  id: string;
  title: string;
  titleEn: string | null;
  issuer: string;
  /** ISO date, e.g. 2022-07-04. */
  issuedOn: string | null;
  periodStart: number;
  periodEnd: number;
  counts: PlanCounts;
}

export type SectionKind = 'preface' | 'part' | 'chapter' | 'section' | 'item' | 'column' | 'appendix' | 'table';

export interface PlanSection {
  key: string;
  parentKey: string | null;
  kind: SectionKind | string;
  heading: string;
  ordinal: number;
  text: string;
}

export interface PlanSource {
  planId: string;
  /** Normalised source text; SourceRef.start/end are offsets into it. */
  text: string;
}

export interface SectionRef {
  key: string;
  heading: string;
}

export interface CodeName {
  code: string;
  name: string;
}

export interface SourceRef {
  /** Plan whose text holds the quote. */
  plan: string;
  section: string | null;
  quote: string;
  start: number | null;
  end: number | null;
}

export type Nature = 'expected' | 'binding';

export type Comparator =
  | 'at_least'
  | 'at_most'
  | 'exactly'
  | 'range'
  | 'annual_growth'
  | 'cumulative_change'
  | 'share'
  | 'exceeds_growth_of'
  | 'qualitative';

export interface TargetValue {
  year: number;
  comparator: Comparator;
  value: Decimal | null;
  min: Decimal | null;
  max: Decimal | null;
  /** Percentage: "7" for 年均增长7%, "-13.5" for 累计降低13.5%. */
  rate: Decimal | null;
  /** Code of another indicator (share / exceeds_growth_of). */
  reference: string | null;
  /** The plan's own wording. */
  text: string | null;
}

export interface IndicatorRef {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
}

export interface Target {
  id: number;
  planId: string;
  key: string;
  section: SectionRef | null;
  indicator: IndicatorRef;
  orgUnit: CodeName | null;
  group: CodeName | null;
  nature: Nature;
  baseline: { year: number; value: Decimal } | null;
  target: TargetValue;
  trajectory: { year: number; value: Decimal }[];
  conflictsWith: string[];
  note: string | null;
  source: SourceRef;
}

export interface Task {
  id: number;
  planId: string;
  key: string;
  section: SectionRef | null;
  text: string;
  lead: CodeName[];
  co: CodeName[];
  responsibleText: string | null;
  /** ISO date (2025-12-31) or a year (2025). */
  deadline: string | null;
  source: SourceRef;
}

export type OrgUnitKind =
  | 'province'
  | 'prefecture'
  | 'county'
  | 'department'
  | 'development_zone'
  | 'ftz'
  | 'ftz_area'
  | 'linkage_zone'
  | 'bonded_zone'
  | 'other';

export type ZoneLevel = 'national' | 'provincial';

export type ZoneKind =
  | 'high_tech'
  | 'economic_dev'
  | 'industrial_park'
  | 'border_econ_coop'
  | 'cross_border_econ_coop'
  | 'comprehensive_bonded'
  | 'tourism_resort'
  | 'other';

export interface ZoneInfo {
  level: ZoneLevel | null;
  kind: ZoneKind | null;
  /** Org-unit code of the prefecture the zone lies in. */
  prefecture: string | null;
  leadingIndustries: string[];
  areaKm2: Decimal | null;
}

export interface OrgUnit {
  code: string;
  name: string;
  nameEn: string | null;
  kind: OrgUnitKind;
  parent: string | null;
  divisionCode: string | null;
  zone: ZoneInfo | null;
}

export type GroupKind = 'bloc' | 'main_function_area' | 'zone_level' | 'other';

export interface OrgUnitDetail extends OrgUnit {
  groups: { code: string; name: string; kind: GroupKind }[];
}

export interface OrgGroup {
  code: string;
  name: string;
  nameEn: string | null;
  kind: GroupKind;
  members: string[];
}

export type Direction = 'higher_better' | 'lower_better' | 'in_range';
export type Aggregation = 'sum' | 'average' | 'weighted_average' | 'ratio' | 'none';

export interface Indicator {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  direction: Direction;
  nature: Nature;
  aggregation: Aggregation;
  formula: string | null;
  synonyms: string[];
}

/* ---------- sign-in, roles, audit, API tokens ---------- */

export type Role = 'admin' | 'plan_manager' | 'reviewer' | 'reporter' | 'viewer';

export interface Grant {
  role: Role;
  /** Org-unit code at the root of the subtree the role holds in; null = everywhere. */
  scopeOrgUnit: string | null;
  /** Plan ids the role is limited to; null = every plan. */
  scopePlans: string[] | null;
}

export interface LoginResponse {
  csrfToken: string;
  /** ISO date-time. */
  expiresAt: string;
}

export interface Me {
  username: string;
  displayName: string;
  orgUnit: CodeName | null;
  grants: Grant[];
  via: 'session' | 'token' | 'cli' | 'system';
  csrfToken: string | null;
}

export type AuditEntity = 'plan' | 'user' | 'data_value' | 'api_token';

export interface AuditEntry {
  id: number;
  /** ISO date-time. */
  at: string;
  actor: string;
  via: string;
  ip: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

export type TokenScope = 'read' | 'write';

export interface ApiToken {
  id: number;
  name: string;
  scopes: string[];
  createdAt: string;
  revoked: boolean;
  lastUsedAt: string | null;
}

export interface NewTokenInput {
  name: string;
  scopes: TokenScope[];
  expiresInDays?: number;
}

export interface CreatedToken {
  id: number;
  /** Shown once; the server keeps only its hash. */
  secret: string;
}

/* ---------- plan ingestion (upload, review, merge) ---------- */

/** Offsets [start, end) into Draft.text, in UTF-16 code units (JavaScript string indexes). */
export interface Span {
  start: number;
  end: number;
}

export type IndicatorMatch = 'name' | 'synonym' | 'alias' | 'new';

export interface CandidateIndicator {
  /** Catalogue code; absent when the extractor proposes a new indicator. */
  code?: string;
  name: string;
  /** The words of the text that name it. */
  mention: string;
  matchedBy: IndicatorMatch;
  unit?: string;
}

export interface CandidateUnit {
  /** Org-unit or group code; absent when the text names a unit the catalogue does not know. */
  code?: string;
  kind?: 'org_unit' | 'group';
  name: string;
  mention: string;
}

export interface CandidateScope extends CandidateUnit {
  /** sentence: named in the sentence; plan: the plan's own subject, by default. */
  from: 'sentence' | 'plan';
}

export interface TargetCandidate {
  id: string;
  indicator: CandidateIndicator;
  scope?: CandidateScope;
  baseline?: { year: number; value: Decimal; from: 'sentence' | 'linked'; span?: Span };
  target: {
    year: number;
    yearFrom: 'sentence' | 'context' | 'plan';
    comparator: Comparator;
    value?: Decimal;
    min?: Decimal;
    max?: Decimal;
    rate?: Decimal;
  };
  /** Unit as written in the text; values are already in the indicator's unit when it is known. */
  unit?: string;
  trajectory?: { year: number; value: Decimal }[];
  quote: string;
  span: Span;
  /** The figure itself. */
  valueSpan: Span;
  /** Headings from the outermost section down. */
  section: string[];
  fromTable: boolean;
  /** 0–1. */
  confidence: number;
  evidence: string[];
}

export type TaskTrigger = 'responsibility' | 'deadline' | 'recurrence';

export interface TaskCandidate {
  id: string;
  text: string;
  trigger: TaskTrigger;
  lead: CandidateUnit[];
  co: CandidateUnit[];
  responsibleText?: string;
  /** A year (2025) or an ISO date (2025-12-31). */
  deadline?: string;
  recurrence?: string;
  quote: string;
  span: Span;
  section: string[];
  confidence: number;
  evidence: string[];
}

export interface ExtractedSection {
  id: string;
  parent?: string;
  kind: string;
  heading: string;
  depth: number;
  span: Span;
}

export interface Mention {
  code?: string;
  name: string;
  kind: string;
  count: number;
  first: Span;
}

export interface ExtractionResult {
  plan: { title?: string; periodStart?: number; periodEnd?: number; defaultScope?: CandidateScope };
  sections: ExtractedSection[];
  targets: TargetCandidate[];
  tasks: TaskCandidate[];
  orgUnits: Mention[];
  industries: Mention[];
  stats: { originalLength: number; cleanLength: number; duplicateSentencesDropped: number };
}

export interface Draft {
  id: number;
  fileName: string;
  /** The document's text as read; every span is an offset into it. */
  text: string;
  result: ExtractionResult;
  acceptedPlanId: string | null;
}

export interface ReviewTarget {
  candidateId: string;
  indicator: string;
  orgUnit?: string;
  group?: string;
  nature?: Nature;
  baseline?: { year: number; value: Decimal };
  target: {
    year: number;
    comparator: Comparator;
    value?: Decimal;
    min?: Decimal;
    max?: Decimal;
    rate?: Decimal;
    reference?: string;
    text?: string;
  };
  trajectory?: { year: number; value: Decimal }[];
  note?: string;
}

export interface ReviewTask {
  candidateId: string;
  text: string;
  lead: string[];
  co: string[];
  responsibleText?: string;
  deadline?: string;
}

export interface NewIndicatorInput {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
}

/** Body of POST /ingestion/drafts/:id/accept. */
export interface Review {
  plan: {
    id: string;
    title: string;
    titleEn?: string;
    issuer: string;
    issuedOn?: string;
    periodStart: number;
    periodEnd: number;
  };
  newIndicators: NewIndicatorInput[];
  targets: ReviewTarget[];
  tasks: ReviewTask[];
}

export interface AcceptResult {
  plans: string[];
  targets: number;
  tasks: number;
}

/** One entry of error.details on a refused merge (422) or request (400). */
export interface FieldProblem {
  /** targets.3.orgUnit (422) or /targets/3/orgUnit (400). */
  field: string;
  message: string;
  messageZh?: string;
}

export type ConsistencyKind = 'conflicting_targets' | 'parts_exceed_whole' | 'parts_fall_short' | 'unit_mismatch';

export interface ConsistencyItem {
  kind: ConsistencyKind;
  /** planId:key of each target involved. */
  targets: string[];
  /** The plans themselves record the difference (conflictsWith). */
  acknowledged: boolean;
  message: string;
  messageZh: string;
}
