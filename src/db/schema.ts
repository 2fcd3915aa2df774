import type { ColumnType, Generated } from 'kysely';
import type { PublicationLevel } from '../domain/evaluation/publication.ts';

/** numeric travels as a decimal string in both drivers; never as a JS number. */
type Numeric = ColumnType<string, string, string>;
type NumericNull = ColumnType<string | null, string | null | undefined, string | null>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateText = ColumnType<Date | string, string, string>;

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  parent_id: number | null;
  division_code: string | null;
  zone_level: string | null;
  zone_kind: string | null;
  zone_prefecture_id: number | null;
  leading_industries: ColumnType<string[], string[] | undefined, string[]>;
  area_km2: NumericNull;
  source_plan_id: string | null;
  source_section: string | null;
  source_quote: string | null;
}

/** Other names of a unit (migration 0360): stored as written, matched by match_key. */
export interface OrgUnitAliasTable {
  id: Generated<number>;
  org_unit_id: number;
  alias: string;
  match_key: string;
  kind: string;
  source: string;
  created_at: Generated<Timestamp>;
}

/** A name an import did not recognise, mapped once by a reporter to a unit or indicator of the form (migration 0460). */
export interface ReportFormMappingTable {
  id: Generated<number>;
  form_id: number;
  kind: string;
  source_text: string;
  match_key: string;
  target_code: string;
  created_by: number | null;
  created_at: Generated<Timestamp>;
}

/** Seeded short forms an administrator removed (migration 0361): never seeded again. */
export interface OrgUnitAliasDismissedTable {
  org_unit_id: number;
  match_key: string;
}

export interface OrgGroupTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  source_plan_id: string | null;
  source_section: string | null;
  source_quote: string | null;
}

export interface OrgGroupMemberTable {
  group_id: number;
  org_unit_id: number;
  /** Set when the plan office assigned the membership (null: defined by the dataset). */
  assigned_at: ColumnType<Date | null, string | null | undefined, string | null>;
  assigned_by_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  assigned_by: ColumnType<string | null, string | null | undefined, string | null>;
  reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IndicatorTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  unit: string;
  direction: string;
  nature: string;
  aggregation: string;
  /** 'level' or 'annual_change' (figures state the change on the year before). */
  measure: ColumnType<string, string | undefined, string>;
  weight_indicator_id: number | null;
  formula: string | null;
  synonyms: ColumnType<string[], string[] | undefined, string[]>;
  description: string | null;
}

export interface PlanTable {
  id: string;
  title: string;
  title_en: string | null;
  issuer: string;
  issued_on: string | null;
  period_start: number;
  period_end: number;
  imported_at: Timestamp;
  /** Progress method the plan is judged by (migration 0005); null = 'official'. */
  progress_method: ColumnType<string | null, string | null | undefined, string | null>;
  /** Withdrawn (撤回/停用, migration 0660): hidden by default, data kept; null = in force. */
  withdrawn_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
  withdrawn_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PlanSourceTable {
  plan_id: string;
  file_name: string;
  raw_text: string;
  normalised_text: string;
}

export interface PlanSectionTable {
  id: Generated<number>;
  plan_id: string;
  key: string;
  parent_id: number | null;
  kind: string;
  heading: string;
  ordinal: number;
  text: string;
}

export interface SourceColumns {
  source_plan_id: string;
  source_section: string | null;
  source_quote: string;
  source_start: number | null;
  source_end: number | null;
}

export interface TargetTable extends SourceColumns {
  id: Generated<number>;
  plan_id: string;
  key: string;
  section_id: number | null;
  indicator_id: number;
  org_unit_id: number | null;
  group_id: number | null;
  nature: string;
  baseline_year: number | null;
  baseline_value: NumericNull;
  target_year: number;
  comparator: string;
  target_value: NumericNull;
  target_min: NumericNull;
  target_max: NumericNull;
  target_rate: NumericNull;
  reference_indicator_id: number | null;
  every_year: ColumnType<boolean, boolean | undefined, boolean>;
  target_text: string | null;
  note: string | null;
  note_en: string | null;
  ordinal: number;
  /** Optimistic-concurrency counter of in-place corrections (migration 0660). */
  version: Generated<number>;
}

/** One in-place correction of a published target (issue 17 item 5, migration 0660). */
export interface TargetRevisionTable {
  id: Generated<number>;
  target_id: number | null;
  plan_id: string;
  target_key: string;
  version: number;
  reason: string;
  before: ColumnType<unknown, string, never>;
  after: ColumnType<unknown, string, never>;
  author_id: number | null;
  author: string;
  created_at: Generated<Date>;
}

export interface TargetTrajectoryTable {
  target_id: number;
  year: number;
  value: Numeric;
}

export interface TargetConflictTable {
  target_id: number;
  other_target_id: number;
}

export interface TaskTable extends SourceColumns {
  id: Generated<number>;
  plan_id: string;
  key: string;
  section_id: number | null;
  text: string;
  responsible_text: string | null;
  deadline: string | null;
  ordinal: number;
  /** Task supervision (migration 0009): see TaskMilestoneTable and the block below. */
  deadline_on: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  closed_by: ColumnType<number | null, number | null | undefined, number | null>;
  close_reason: ColumnType<string | null, string | null | undefined, string | null>;
  lead_unmatched: ColumnType<string[], string[] | undefined, string[]>;
  co_unmatched: ColumnType<string[], string[] | undefined, string[]>;
}

export interface TaskUnitTable {
  task_id: number;
  org_unit_id: number;
  role: 'lead' | 'co';
  ordinal: number;
}

export interface DataValueTable {
  org_unit_id: number;
  indicator_id: number;
  period: string;
  period_kind: string;
  period_start: DateText;
  period_end: DateText;
  cumulative: boolean;
  origin: string;
  value: Numeric;
  status: string;
  version: Generated<number>;
  source_plan_id: string | null;
  source_quote: string | null;
  /** A published figure's citation (migration 0280; citationSchema in src/domain/published), else null. */
  citation: ColumnType<unknown, string | null | undefined, string | null>;
  updated_at: Timestamp;
}

/** A unit's own figure of an indicator for a whole year, precomputed (migration 0007). */
export interface UnitYearFigureTable {
  org_unit_id: number;
  indicator_id: number;
  year: number;
  value: Numeric;
  origin: string;
  partial: boolean;
  last_period: string;
  additive: boolean;
  cumulative: boolean;
  periods: string[];
  updated_at: Date;
}

export interface AnalyticsFigureTable {
  year: number;
  org_unit_id: number;
  indicator_id: number;
  ancestors: number[];
  value: Numeric | null;
  origin: string | null;
  partial: boolean | null;
  last_period: string | null;
  own_updated_at: Date | null;
  own_cumulative: boolean | null;
  latest_month: string | null;
  latest_quarter: string | null;
  latest_year: string | null;
  own_periods: string[] | null;
}

export interface AnalyticsDirtyTable {
  year: number;
  org_unit_id: number;
  indicator_id: number;
}

export interface AnalyticsStateTable {
  id: Generated<boolean>;
  fingerprint: string;
}

export interface UnitYearDirtyTable {
  org_unit_id: number;
  indicator_id: number;
  year: number;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: Timestamp;
}

export interface IngestionDraftTable {
  id: Generated<number>;
  file_name: string;
  raw_text: string;
  result: ColumnType<unknown, string, string>;
  created_by: number | null;
  created_at: Timestamp;
  accepted_plan_id: string | null;
}

export interface DB {
  org_unit: OrgUnitTable;
  org_unit_alias: OrgUnitAliasTable;
  org_unit_alias_dismissed: OrgUnitAliasDismissedTable;
  org_group: OrgGroupTable;
  org_group_member: OrgGroupMemberTable;
  indicator: IndicatorTable;
  plan: PlanTable;
  plan_source: PlanSourceTable;
  plan_section: PlanSectionTable;
  target: TargetTable;
  target_trajectory: TargetTrajectoryTable;
  target_conflict: TargetConflictTable;
  target_revision: TargetRevisionTable;
  task: TaskTable;
  task_unit: TaskUnitTable;
  // Projects and cross-zone transfer (issue 8, migration 0010).
  industry_chain: IndustryChainTable;
  project: ProjectTable;
  project_stage_date: ProjectStageDateTable;
  project_change: ProjectChangeTable;
  project_month_figure: ProjectMonthFigureTable;
  transfer_agreement: TransferAgreementTable;
  transfer_agreement_share: TransferAgreementShareTable;
  task_milestone: TaskMilestoneTable;
  task_update: TaskUpdateTable;
  task_contribution: TaskContributionTable;
  task_notice: TaskNoticeTable;
  // An owner and a commentary per target per period (issue 19, migration 0320).
  target_commentary: TargetCommentaryTable;
  attachment: AttachmentTable;
  data_value: DataValueTable;
  unit_year_figure: UnitYearFigureTable;
  unit_year_dirty: UnitYearDirtyTable;
  analytics_figure: AnalyticsFigureTable;
  analytics_dirty: AnalyticsDirtyTable;
  analytics_state: AnalyticsStateTable;
  schema_migration: SchemaMigrationTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  login_attempt: LoginAttemptTable;
  rate_limit_counter: RateLimitCounterTable;
  scheduled_run: ScheduledRunTable;
  ingestion_draft: IngestionDraftTable;
  report_form: ReportFormTable;
  report_form_mapping: ReportFormMappingTable;
  report_submission: ReportSubmissionTable;
  report_import: ReportImportTable;
  warning_episode: WarningEpisodeTable;
  notification: NotificationTable;
  evaluation_scheme: EvaluationSchemeTable;
  evaluation_run: EvaluationRunTable;
  evaluation_supervision: EvaluationSupervisionTable;
}

export interface ReportFormTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  frequency: string;
  definition: ColumnType<unknown, string, string>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface ReportSubmissionTable {
  id: Generated<number>;
  form_id: number;
  org_unit_id: number;
  period: string;
  status: string;
  version: Generated<number>;
  form_version: number;
  due_date: DateText;
  first_submitted_at: Timestamp | null;
  submitted_at: Timestamp | null;
  submitted_by: number | null;
  reviewed_at: Timestamp | null;
  reviewed_by: number | null;
  review_comment: string | null;
  explanations: ColumnType<Record<string, string>, string | undefined, string>;
  /** Issue 18: the reviewer's comments per indicator of the last return or reopening (migration 0680). */
  review_cell_comments: ColumnType<Record<string, string>, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReportImportTable {
  id: Generated<number>;
  form_id: number;
  file_name: string;
  sha256: string;
  format: string;
  values_read: number;
  values_changed: number;
  submissions: number;
  created_by: number | null;
  created_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_unit_id: number | null;
  password_hash: string;
  is_demo: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  disabled_at: Date | null;
  created_at: Timestamp;
  /** Added by migration 0006; NULL = inbox only, no e-mail. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UserRoleTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  scope_org_unit_id: number | null;
  scope_plan_ids: string[] | null;
}

export interface UserSessionTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  scopes: string[];
  created_at: Timestamp;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/** Failed logins by the typed name, known or not (migration 0100). */
export interface LoginAttemptTable {
  name_key: string;
  failures: Generated<number>;
  locked_until: Date | null;
  last_failed_at: Generated<Date>;
}

export interface RateLimitCounterTable {
  key: string;
  hits: number;
  window_ends: Date;
}

export interface ScheduledRunTable {
  job: string;
  run_key: string;
  claimed_by: string;
  claimed_at: Generated<Date>;
}

export interface AuditLogTable {
  id: ColumnType<number, number, never>;
  at: ColumnType<Date, Date, never>;
  actor_user_id: number | null;
  actor: string;
  via: string;
  token_id: number | null;
  ip: string | null;
  action: string;
  entity: string;
  entity_key: string;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  prev_hash: string;
  hash: string;
}

export interface WarningEpisodeTable {
  id: Generated<number>;
  plan_id: string;
  target_key: string;
  target_id: number | null;
  level: 'red' | 'yellow';
  peak_level: 'red' | 'yellow';
  reasons: ColumnType<{ zh: string; en: string }[], string, string>;
  org_unit_id: number | null;
  started_at: Timestamp;
  started_period: string;
  ended_at: Timestamp | null;
  ended_period: string | null;
  end_reason: ColumnType<{ zh: string; en: string } | null, string | null | undefined, string | null>;
  updated_at: Timestamp;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind:
    | 'new_warning'
    | 'deadline_approaching'
    | 'report_overdue'
    | 'digest'
    | 'task_notice'
    | 'task_escalation'
    | 'report_submitted'
    | 'report_returned'
    | 'report_approved'
    | 'evaluation_published';
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  link: string | null;
  due_on: ColumnType<Date | string | null, string | null | undefined, string | null>;
  dedupe_key: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  emailed_at: Timestamp | null;
}

// Task supervision and attachments (issue 8, migration 0009).
type DateOnly = ColumnType<string, string, string>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type MaybeInt = ColumnType<number | null, number | null | undefined, number | null>;
type MaybeText = ColumnType<string | null, string | null | undefined, string | null>;

export interface TaskMilestoneTable {
  id: Generated<number>;
  task_id: number;
  title: string;
  due_on: DateOnly;
  done_at: MaybeTime;
  created_by: MaybeInt;
  created_at: Timestamp;
}

export interface TaskUpdateTable {
  id: Generated<number>;
  task_id: number;
  org_unit_id: number;
  body: string;
  percent: number;
  author_id: MaybeInt;
  created_at: Timestamp;
}

export interface TaskContributionTable {
  id: Generated<number>;
  task_id: number;
  org_unit_id: number;
  body: string;
  author_id: MaybeInt;
  created_at: Timestamp;
}

export interface TaskNoticeTable {
  id: Generated<number>;
  task_id: number;
  org_unit_id: number;
  body: string;
  reply_by: DateOnly;
  status: ColumnType<
    'open' | 'replied' | 'escalated' | 'closed',
    'open' | undefined,
    'open' | 'replied' | 'escalated' | 'closed'
  >;
  level: Generated<number>;
  issued_by: MaybeInt;
  issued_at: Timestamp;
  reply_text: MaybeText;
  replied_by: MaybeInt;
  replied_at: MaybeTime;
  escalated_at: MaybeTime;
  closed_at: MaybeTime;
  version: Generated<number>;
}

export interface AttachmentTable {
  id: string;
  name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: MaybeInt;
  uploaded_at: Timestamp;
  /** report_submission: a file sent with a statistics sheet (migration 0681). */
  owner_kind: ColumnType<
    'task_update' | 'task_contribution' | 'notice_reply' | 'report_submission' | null,
    'task_update' | 'task_contribution' | 'notice_reply' | 'report_submission' | null | undefined,
    'task_update' | 'task_contribution' | 'notice_reply' | 'report_submission' | null
  >;
  owner_id: MaybeInt;
}

// Evaluation and ranking (issue 7, migration 0008).
export interface EvaluationSchemeTable {
  id: Generated<number>;
  code: string;
  version: number;
  status: ColumnType<'draft' | 'frozen', 'draft' | 'frozen' | undefined, 'draft' | 'frozen'>;
  builtin: ColumnType<boolean, boolean | undefined, boolean>;
  name: string;
  /** The stored scheme (stored-scheme.schema.ts input form). */
  definition: ColumnType<unknown, string, string>;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
  updated_by: number | null;
  frozen_at: Date | null;
  frozen_by: number | null;
  /** What readers outside a unit's subtree see of it in a published run (migration 0200). */
  publishes: ColumnType<PublicationLevel, PublicationLevel | undefined, PublicationLevel>;
  /** sha256 of the dataset definition this version was seeded or upgraded from (migration 0441). */
  builtin_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EvaluationRunTable {
  id: Generated<number>;
  scheme_id: number;
  year: number;
  status: ColumnType<'draft' | 'published', 'draft' | 'published' | undefined, 'draft' | 'published'>;
  seed: number;
  samples: number;
  /** Units' values as decimal strings (null = missing); see evaluation-input.ts. */
  input: ColumnType<unknown, string, string>;
  data_hash: string;
  results: ColumnType<unknown, string, string>;
  created_at: Timestamp;
  created_by: number | null;
  published_at: Date | null;
  published_by: number | null;
}

/** A 督办 task made from a unit's result in a published run (issue 16, migration 0440): one per run and unit. */
export interface EvaluationSupervisionTable {
  run_id: number;
  org_unit_id: number;
  task_id: number;
  notice_id: number;
  reason: 'bottom_grade' | 'veto' | 'floor';
  created_by: number | null;
  created_at: Timestamp;
}

// Projects (三张作战图) and cross-zone transfer (跨区域流转), issue 8, migration 0010.
export interface IndustryChainTable {
  code: string;
  name: string;
  name_en: string;
  ordinal: number;
}

export interface ProjectTable {
  id: Generated<number>;
  name: string;
  zone_id: number;
  industry: string | null;
  chain_code: string | null;
  /** 万元 */
  total_investment: Numeric;
  stage: string;
  description: string | null;
  synthetic: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectStageDateTable {
  project_id: number;
  stage: string;
  planned_on: ColumnType<string | null, string | null | undefined, string | null>;
  actual_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ProjectChangeTable {
  id: Generated<number>;
  project_id: number;
  at: Timestamp;
  actor_user_id: number | null;
  actor: string;
  kind: 'create' | 'advance' | 'skip' | 'adjustment' | 'edit' | 'transfer';
  from_stage: string | null;
  to_stage: string | null;
  effective_on: ColumnType<string | null, string | null | undefined, string | null>;
  changes: ColumnType<Record<string, { from: unknown; to: unknown }>, string | undefined, string>;
  reason: string | null;
}

export interface ProjectMonthFigureTable {
  project_id: number;
  month: string;
  investment: NumericNull;
  output: NumericNull;
  tax: NumericNull;
  origin: ColumnType<'reported' | 'synthetic', 'reported' | 'synthetic' | undefined, 'reported' | 'synthetic'>;
  updated_at: Timestamp;
}

export interface TransferAgreementTable {
  id: Generated<number>;
  project_id: number;
  from_zone_id: number;
  to_zone_id: number;
  from_share: Numeric;
  to_share: Numeric;
  start_month: string;
  end_month: string | null;
  reference: string;
  status: ColumnType<'active' | 'ended', 'active' | 'ended' | undefined, 'active' | 'ended'>;
  created_at: Timestamp;
  created_by: number | null;
  ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  end_reason: string | null;
  version: Generated<number>;
}

export interface TransferAgreementShareTable {
  agreement_id: number;
  indicator_code: string;
  from_share: Numeric;
  to_share: Numeric;
}

export interface TargetCommentaryTable {
  id: Generated<number>;
  target_id: number;
  period: string;
  owner_org_unit_id: MaybeInt;
  body: string;
  version: Generated<number>;
  author_id: MaybeInt;
  updated_at: Generated<Date>;
}
