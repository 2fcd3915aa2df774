/**
 * Types of the PlanTrack HTTP API (/api/v1), taken from the server: the responses are inferred from
 * the presenters' zod schemas (the same schemas Fastify serialises and documents in OpenAPI), the
 * bodies and enumerations from the domain. Nothing here is written a second time, so a change on the
 * server fails `npm run typecheck` of the web instead of a page. Decimal values travel as strings;
 * convert with Number() only for display.
 */
import type { z } from 'zod';
import type { reviewSchema } from '../../../src/domain/ingestion/review-to-definition.ts';
import type { COMPARATORS } from '../../../src/domain/model/target.schema.ts';
import type { AGGREGATIONS, DIRECTIONS, NATURES } from '../../../src/domain/model/indicator.schema.ts';
import type { GROUP_KINDS, ZONE_KINDS, ZONE_LEVELS } from '../../../src/domain/model/org-unit.schema.ts';
import type { SECTION_KINDS } from '../../../src/domain/model/plan.schema.ts';
import type { ExtractionResult, MATCH_KINDS, TASK_TRIGGERS } from '../../../src/domain/extraction/candidate.schema.ts';
import type { TOKEN_SCOPES } from '../../../src/presenters/auth.presenter.ts';
import type { Me } from '../../../src/presenters/auth.presenter.ts';
import type { TargetResponse } from '../../../src/presenters/target.presenter.ts';

export type { Page as ListResponse, ErrorResponse as ApiErrorBody } from '../../../src/presenters/page.schema.ts';
export type { ErrorCode } from '../../../src/errors/error-catalogue.ts';
export type { PlanResponse as Plan, SectionResponse as PlanSection, PlanSource } from '../../../src/presenters/plan.presenter.ts';
export type { SourceResponse as SourceRef } from '../../../src/presenters/source.presenter.ts';
export type { TargetResponse as Target, ConsistencyItem } from '../../../src/presenters/target.presenter.ts';
export type { TaskResponse as Task } from '../../../src/presenters/task.presenter.ts';
export type {
  OrgUnitResponse as OrgUnit,
  OrgUnitDetail,
  GroupResponse as OrgGroup,
  GroupMembershipResult,
} from '../../../src/presenters/org-unit.presenter.ts';
export type { IndicatorResponse as Indicator } from '../../../src/presenters/indicator.presenter.ts';
export type {
  LoginResponse,
  Me,
  ApiToken,
  NewTokenInput,
  CreatedToken,
  AuditEntry,
} from '../../../src/presenters/auth.presenter.ts';
export type { Draft, ImportCounts as AcceptResult } from '../../../src/presenters/ingestion.presenter.ts';
export type { OrgUnitKind } from '../../../src/domain/model/org-unit.schema.ts';
export type { Role } from '../../../src/domain/access/roles.ts';
export type {
  Span,
  IndicatorRef as CandidateIndicator,
  UnitRef as CandidateUnit,
  ScopeRef as CandidateScope,
  TargetCandidate,
  TaskCandidate,
  Mention,
  ExtractionResult,
} from '../../../src/domain/extraction/candidate.schema.ts';

/** A decimal number as text, e.g. "2675.78" or "-13.5". */
export type Decimal = string;

export type Comparator = (typeof COMPARATORS)[number];
export type Nature = (typeof NATURES)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type Aggregation = (typeof AGGREGATIONS)[number];
export type ZoneLevel = (typeof ZONE_LEVELS)[number];
export type ZoneKind = (typeof ZONE_KINDS)[number];
export type GroupKind = (typeof GROUP_KINDS)[number];
export type SectionKind = (typeof SECTION_KINDS)[number];
export type IndicatorMatch = (typeof MATCH_KINDS)[number];
export type TaskTrigger = (typeof TASK_TRIGGERS)[number];
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export type Grant = Me['grants'][number];
export type TargetValue = TargetResponse['target'];
export type SectionRef = NonNullable<TargetResponse['section']>;
export type CodeName = NonNullable<TargetResponse['orgUnit']>;
export type ExtractedSection = ExtractionResult['sections'][number];

/** Body of POST /ingestion/drafts/:id/accept. */
export type Review = z.input<typeof reviewSchema>;
export type ReviewTarget = Review['targets'][number];
export type ReviewTask = Review['tasks'][number];
export type NewIndicatorInput = NonNullable<Review['newIndicators']>[number];

/** The entities whose history the web shows (GET /audit?entity=…); the server accepts any name. */
export type AuditEntity = 'plan' | 'user' | 'data_value' | 'api_token';

export type { FieldProblem } from '../../../src/errors/field-problem.ts';
