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
