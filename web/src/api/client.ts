import type {
  AcceptResult,
  ApiErrorBody,
  ApiToken,
  AuditEntity,
  AuditEntry,
  ConsistencyItem,
  CreatedToken,
  Draft,
  ErrorCode,
  LoginResponse,
  Me,
  NewTokenInput,
  Indicator,
  ListResponse,
  OrgGroup,
  GroupMembershipResult,
  OrgUnit,
  OrgUnitDetail,
  Plan,
  PlanSection,
  PlanSource,
  Review,
  Target,
  Task,
} from './types.ts';
import type { UnitAlias } from '../../../src/presenters/org-unit.presenter.ts';
import type { ProjectFiguresBody, ProjectStageBody } from '../../../src/presenters/project-body.schema.ts';

export type { UnitAlias };
import type {
  CellWrite,
  Completeness,
  EntrySheet,
  ImportResult,
  FormMappings,
  MyWork,
  OverdueEntry,
  QueueEntry,
  ReportForm,
  Rule,
  RuleTestInput,
  RuleTestResult,
  Transition,
} from './reportingTypes.ts';
import type { Comparison, ComparisonGrouping, MapData, PlanProgress, ProgressMethod, TargetDetail } from './progressTypes.ts';
import type { Inbox, StaleTargets, WarningList } from './warningTypes.ts';
import type { LeaderHome, PlanManagerHome } from '../../../src/presenters/home.presenter.ts';
import type { Commentary, TargetCommentary } from '../../../src/presenters/commentary.presenter.ts';
import type { TargetRevisions } from '../../../src/presenters/target-revision.presenter.ts';
import type { TargetPatch } from '../../../src/domain/plan-revision/target-revision.ts';
import type { AcceptPublishedInput, FigureProposalView } from '../../../src/presenters/published-intake.presenter.ts';
import type { Boards, ProjectDetail, ZoneAttribution } from '../projects/projectTypes.ts';
import type {
  GradeHistory,
  RunSummary,
  RunView,
  SupervisionResult,
  SchemeDefinition,
  SchemeSummary,
  SchemeVersionView,
  WeightsResult,
} from './evaluationTypes.ts';

const BASE = '/api/v1';
/** Largest page the API serves. */
export const MAX_LIMIT = 1000;
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The code of an ApiError: one of the server's catalogue (src/errors/error-catalogue.ts), or the client's
 * own when no error body came back. Typed, so that comparing with a code that does not exist fails the
 * typecheck instead of never matching.
 */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE' | `HTTP_${number}`;

/** An error reported by the API ({ error: { code, message, messageZh } }) or by the network. */

export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly messageZh: string;
  readonly details: unknown;

  constructor(status: number, code: ClientErrorCode, message: string, messageZh: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.details = details;
  }
}

/** Whether `error` is an ApiError with this code (e.g. a 409 VERSION_CONFLICT to offer a reload). */
export function hasErrorCode(error: unknown, code: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && error.code === code;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null && 'message' in e;
}

/*
 * Session state of the page. The session itself is an httpOnly cookie the script never sees;
 * the CSRF token of that session is kept in memory only and sent on every unsafe request.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthenticatedListener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called whenever the server answers 401 (not signed in, or the session expired). */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type Query = Record<string, string | number | undefined | null>;

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

interface RequestOptions {
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (an uploaded file), with its content type. */
  raw?: { body: Blob | string; contentType: string };
  signal?: AbortSignal;
}

/** The ApiError for a failed response; a 401 is reported to the app. */
function failed(status: number, body: unknown, path: string): ApiError {
  let error: ApiError;
  if (isErrorBody(body)) {
    const { code, message, messageZh, details } = body.error;
    error = new ApiError(status, code, message, messageZh || message, details);
  } else {
    error = new ApiError(status, `HTTP_${status}`, `Request failed (HTTP ${status}).`, `请求失败（HTTP ${status}）。`);
  }
  // A failed sign-in is the login form's business; any other 401 means "show the login page".
  if (status === 401 && path !== '/auth/login') for (const l of [...unauthenticatedListeners]) l(error);
  return error;
}

/** How far a download has come: `started` once the server answers (building a report can take seconds). */
export interface DownloadProgress {
  started: boolean;
  received: number;
  /** Bytes to expect, when the server says and the body is not compressed on the way. */
  total: number | null;
}

/**
 * A file from the API at `url` (a download); errors are read from the JSON body as for every request.
 * With `onProgress`, the body is read chunk by chunk and each chunk reported.
 */
async function fetchFile(
  url: string,
  onProgress?: (progress: DownloadProgress) => void,
): Promise<{ blob: Blob; fileName: string | null }> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server could not be reached.', '无法连接服务器。');
  }
  if (!res.ok) {
    let body: unknown = null;
    try {
      body = JSON.parse(await res.text());
    } catch {
      body = null;
    }
    throw failed(res.status, body, url);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  let fileName: string | null = null;
  try {
    fileName = star ? decodeURIComponent(star[1]!) : (plain?.[1] ?? null);
  } catch {
    fileName = plain?.[1] ?? null;
  }
  if (!onProgress || !res.body) return { blob: await res.blob(), fileName };
  // Content-Length counts the compressed bytes when the body is encoded; the reader sees them decoded.
  const total = res.headers.get('content-encoding') ? null : Number(res.headers.get('content-length')) || null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onProgress({ started: true, received, total });
  // A fetched body is never shared memory.
  const reader = res.body.getReader() as ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ started: true, received, total });
  }
  return { blob: new Blob(chunks, { type: res.headers.get('content-type') ?? undefined }), fileName };
}

function getBlob(path: string, query?: Query): Promise<{ blob: Blob; fileName: string | null }> {
  return fetchFile(buildUrl(path, query));
}

/**
 * The one place the web app talks to the API: sends the session cookie (same origin), adds the
 * CSRF header on unsafe methods, turns error bodies into ApiError and reports 401 to the app.
 */
async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.raw) headers['Content-Type'] = options.raw.contentType;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.raw ? options.raw.body : options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached.', '无法连接服务器。');
  }
  let body: unknown = null;
  const text = await res.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!res.ok) throw failed(res.status, body, path);
  if (res.status === 204) return undefined as T;
  if (body === null) {
    throw new ApiError(res.status, 'BAD_RESPONSE', 'The server sent an unreadable response.', '服务器返回的数据无法解析。');
  }
  return body as T;
}

function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', path, { query, signal });
}

/** Fetches every page of a list endpoint. */
async function getAll<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let offset = 0;
  for (;;) {
    const page = await getJson<ListResponse<T>>(path, { ...query, limit: MAX_LIMIT, offset }, signal);
    items.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return items;
  }
}

/** Session cache for data that does not change while the page is open (sources, catalogues). */
const cache = new Map<string, Promise<unknown>>();

/** Forgets cached data; called when the signed-in user changes (lists depend on the user's scope). */
export function clearCache(): void {
  cache.clear();
}

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const p = load();
  cache.set(key, p);
  p.catch(() => cache.delete(key));
  return p;
}

export interface TargetQuery {
  plan?: string;
  section?: string;
  indicator?: string;
  orgUnit?: string;
  group?: string;
  q?: string;
}

export interface TaskQuery {
  plan?: string;
  section?: string;
  orgUnit?: string;
  role?: 'lead' | 'co';
}

/** For feature modules that keep their API calls in their own file (web/src/tasks). */
export { request as apiRequest, getBlob as apiGetBlob, fetchFile as apiDownload };

export const api = {
  plans: (signal?: AbortSignal) => getAll<Plan>('/plans', {}, signal),
  /** Withdrawn (撤回) plans, which the plan list leaves out. */
  withdrawnPlans: (signal?: AbortSignal) => getAll<Plan>('/plans', { withdrawn: 'only' }, signal),
  plan: (id: string, signal?: AbortSignal) => getJson<Plan>(`/plans/${encodeURIComponent(id)}`, undefined, signal),
  sections: (planId: string, signal?: AbortSignal) =>
    getAll<PlanSection>(`/plans/${encodeURIComponent(planId)}/sections`, {}, signal),
  /** Normalised plan text; cached for the session (it can be large). */
  source: (planId: string) =>
    cached(`source:${planId}`, () => getJson<PlanSource>(`/plans/${encodeURIComponent(planId)}/source`)),
  targets: (query: TargetQuery, signal?: AbortSignal) => getAll<Target>('/targets', { ...query }, signal),
  tasks: (query: TaskQuery, signal?: AbortSignal) => getAll<Task>('/tasks', { ...query }, signal),
  orgUnits: () => cached('org-units', () => getAll<OrgUnit>('/org-units')),
  orgUnit: (code: string, signal?: AbortSignal) =>
    getJson<OrgUnitDetail>(`/org-units/${encodeURIComponent(code)}`, undefined, signal),
  /** Other names of a unit matched at import (issue 18); administrators add and remove them. */
  unitAliases: (code: string, signal?: AbortSignal) =>
    getJson<{ items: UnitAlias[] }>(`/org-units/${encodeURIComponent(code)}/aliases`, undefined, signal).then((r) => r.items),
  addUnitAlias: (code: string, alias: string, kind: 'short' | 'former' | 'other') =>
    request<UnitAlias>('POST', `/org-units/${encodeURIComponent(code)}/aliases`, { body: { alias, kind } }),
  removeUnitAlias: (code: string, id: number) =>
    request<void>('DELETE', `/org-units/${encodeURIComponent(code)}/aliases/${encodeURIComponent(String(id))}`),
  groups: () => cached('groups', () => getAll<OrgGroup>('/groups')),
  /** Groups as they are now (the 分组管理 page), bypassing the session cache. */
  groupsNow: (signal?: AbortSignal) => getAll<OrgGroup>('/groups', {}, signal),
  /** Puts units in a group and takes others out, with the reason (issue 16); audited, all or nothing. */
  changeGroupMembers: (changes: { group: string; add: string[]; remove: string[] }[], reason: string) => {
    cache.delete('groups');
    return request<GroupMembershipResult>('POST', '/groups/members', { body: { changes, reason } });
  },
  /** The plan office's .xlsx assignment workbook (first sheet: 单位/单位代码 and 分组/类型), all or nothing. */
  importGroupMembers: (file: Blob, reason: string) => {
    cache.delete('groups');
    return request<GroupMembershipResult>('POST', '/groups/members/import', {
      query: { reason },
      raw: { body: file, contentType: 'application/octet-stream' },
    });
  },
  /** A unit or group a plan names and the catalogue lacks (issue 17), made in the review; audited. */
  createOrgUnit: (body: { name: string; kind: string; parent?: string; code?: string }) =>
    request<OrgUnit>('POST', '/org-units', { body }),
  createGroup: (body: { name: string; kind?: 'bloc' | 'zone_level' | 'other'; members: string[]; code?: string }) =>
    request<OrgGroup>('POST', '/groups', { body }),
  indicators: () => cached('indicators', () => getAll<Indicator>('/indicators')),
  consistency: (planId: string, signal?: AbortSignal) =>
    getJson<{ items: ConsistencyItem[] }>('/consistency', { plan: planId }, signal).then((r) => r.items),

  /** Uploads a plan document (.txt, .docx, .pdf) as the raw body; the server extracts candidates. */
  uploadDraft: (fileName: string, body: Blob | string) =>
    request<Draft>('POST', '/ingestion/drafts', {
      query: { fileName },
      raw: { body, contentType: /\.txt$/i.test(fileName) ? 'text/plain' : 'application/octet-stream' },
    }),
  draft: (id: string, signal?: AbortSignal) => getJson<Draft>(`/ingestion/drafts/${encodeURIComponent(id)}`, undefined, signal),
  /** Merges the accepted candidates into a new plan; all or nothing (422 lists every problem). */
  acceptDraft: (id: number, review: Review) =>
    request<AcceptResult>('POST', `/ingestion/drafts/${encodeURIComponent(String(id))}/accept`, { body: review }),

  login: (username: string, password: string) => request<LoginResponse>('POST', '/auth/login', { body: { username, password } }),
  logout: () => request<void>('POST', '/auth/logout'),
  me: (signal?: AbortSignal) => getJson<Me>('/auth/me', undefined, signal),
  audit: (entity: AuditEntity, key: string, signal?: AbortSignal) =>
    getJson<{ items: AuditEntry[] }>('/audit', { entity, key }, signal).then((r) => r.items),
  tokens: (signal?: AbortSignal) => getJson<{ items: ApiToken[] }>('/auth/tokens', undefined, signal).then((r) => r.items),
  proposePublishedFigures: (input: { plan: string; orgUnit: string; year: number; text: string }) =>
    request<{ proposals: FigureProposalView[] }>('POST', '/published-figures/proposals', { body: input }),
  acceptPublishedFigures: (input: AcceptPublishedInput) =>
    request<{ stored: number }>('POST', '/published-figures', { body: input }),
  createToken: (input: NewTokenInput) => request<CreatedToken>('POST', '/auth/tokens', { body: input }),
  revokeToken: (id: number) => request<void>('DELETE', `/auth/tokens/${encodeURIComponent(String(id))}`),

  // Statistical reporting (填报).
  forms: (signal?: AbortSignal) => getJson<ReportForm[]>('/forms', undefined, signal),
  form: (code: string, signal?: AbortSignal) => getJson<ReportForm>(`/forms/${enc(code)}`, undefined, signal),
  myWork: (signal?: AbortSignal) => getJson<MyWork[]>('/reporting/my-work', undefined, signal),
  reviewQueue: (signal?: AbortSignal) => getJson<QueueEntry[]>('/reporting/review-queue', undefined, signal),
  overdue: (signal?: AbortSignal) => getJson<OverdueEntry[]>('/reporting/overdue', undefined, signal),
  completeness: (form: string, period: string, signal?: AbortSignal) =>
    getJson<Completeness>(`/forms/${enc(form)}/completeness`, { period }, signal),
  entrySheet: (key: SheetKey, signal?: AbortSignal) => getJson<EntrySheet>(sheetPath(key), undefined, signal),
  /** Saves draft cells and explanations; 409 VERSION_CONFLICT lists each conflicting cell. */
  saveEntry: (key: SheetKey, values: CellWrite[], explanations?: Record<string, string>) =>
    request<EntrySheet>('PUT', `${sheetPath(key)}/values`, { body: { values, explanations } }),
  /** Return / reopen may carry comments at cells (indicator → text), shown to the reporter at those cells. */
  transition: (key: SheetKey, transition: Transition, version: number, comment?: string, cellComments?: Record<string, string>) =>
    request<EntrySheet>('POST', `${sheetPath(key)}/${transition}`, {
      body: { version, comment: comment ?? null, ...(cellComments ? { cellComments } : {}) },
    }),
  /** Attaches the user's own uploads (POST /attachments) to a draft or returned sheet. */
  attachToSheet: (key: SheetKey, attachments: string[]) =>
    request<EntrySheet>('POST', `${sheetPath(key)}/attachments`, { body: { attachments } }),
  saveRules: (form: string, version: number, rules: Rule[]) =>
    request<ReportForm>('PUT', `/forms/${enc(form)}/rules`, { body: { version, rules } }),
  testRules: (form: string, input: RuleTestInput) =>
    request<RuleTestResult>('POST', `/forms/${enc(form)}/rules/test`, { body: input }),
  /** Uploads a figures file (.xlsx, .csv) as the raw body; dry run first, then commit. */
  importFigures: (form: string, fileName: string, period: string, dryRun: boolean, body: Blob) =>
    request<ImportResult>('POST', `/forms/${enc(form)}/imports`, {
      query: { fileName, period, dryRun: String(dryRun) },
      raw: { body, contentType: 'application/octet-stream' },
    }),
  /** Names mapped once for a form (issue 18), and the units the user may map a name to. */
  formMappings: (form: string, signal?: AbortSignal) => getJson<FormMappings>(`/forms/${enc(form)}/mappings`, undefined, signal),
  addFormMapping: (form: string, body: { kind: 'org_unit' | 'indicator'; text: string; target: string }) =>
    request<{ id: number; targetName: string }>('POST', `/forms/${enc(form)}/mappings`, { body }),
  removeFormMapping: (form: string, id: number) => request<void>('DELETE', `/forms/${enc(form)}/mappings/${enc(String(id))}`),
  /** A blank .xlsx template of a form for a period (units: default all the user reports for). */
  template: (form: string, period: string, units?: string[]) =>
    getBlob(`/forms/${enc(form)}/template`, { period, units: units?.join(',') }),

  // Progress monitoring (监测).
  targetCommentary: (plan: string, key: string, signal?: AbortSignal) =>
    getJson<TargetCommentary>(`/progress/${enc(plan)}/targets/${enc(key)}/commentary`, undefined, signal),
  writeCommentary: (plan: string, key: string, period: string, text: string, version: number) =>
    request<Commentary>('PUT', `/progress/${enc(plan)}/targets/${enc(key)}/commentary/${enc(period)}`, {
      body: { text, version },
    }),
  // In-place corrections of published targets and plan withdrawal (issue 17 item 5).
  targetRevisions: (plan: string, key: string, signal?: AbortSignal) =>
    getJson<TargetRevisions>(`/plans/${enc(plan)}/targets/${enc(key)}/revisions`, undefined, signal),
  reviseTarget: (plan: string, key: string, patch: TargetPatch) =>
    request<{ version: number }>('PATCH', `/plans/${enc(plan)}/targets/${enc(key)}`, { body: patch }),
  withdrawPlan: (plan: string, reason: string) =>
    request<unknown>('POST', `/plans/${enc(plan)}/withdrawal`, { body: { reason } }),
  restorePlan: (plan: string) => request<unknown>('DELETE', `/plans/${enc(plan)}/withdrawal`),
  homeSummary: (signal?: AbortSignal) => getJson<LeaderHome>('/home/summary', undefined, signal),
  homePlans: (signal?: AbortSignal) => getJson<PlanManagerHome>('/home/plans', undefined, signal),
  progress: (plan: string, at: string, method: ProgressMethod | null, signal?: AbortSignal) =>
    getJson<PlanProgress>('/progress', { plan, at, method }, signal),
  targetProgress: (plan: string, key: string, at: string, signal?: AbortSignal) =>
    getJson<TargetDetail>(`/progress/${enc(plan)}/targets/${enc(key)}`, { at }, signal),
  progressComparison: (plan: string, indicator: string, at: string, by: ComparisonGrouping, signal?: AbortSignal) =>
    getJson<Comparison>(`/progress/${enc(plan)}/comparison`, { indicator, at, by }, signal),
  progressMap: (indicator: string, at: string, plan: string | null, signal?: AbortSignal) =>
    getJson<MapData>('/progress/map', { indicator, at, plan }, signal),

  // Early warning (预警), stale data and the personal inbox (消息).
  warnings: (query: { plan?: string; open?: boolean; orgUnit?: string }, signal?: AbortSignal) =>
    getJson<WarningList>(
      '/warnings',
      { plan: query.plan, open: query.open === undefined ? undefined : String(query.open), orgUnit: query.orgUnit },
      signal,
    ),
  staleTargets: (plan: string, at: string | null, signal?: AbortSignal) =>
    getJson<StaleTargets>('/progress/stale', { plan, at }, signal),
  inbox: (query: { unread?: boolean; limit?: number } = {}, signal?: AbortSignal) =>
    getJson<Inbox>('/inbox', { unread: query.unread ? 'true' : undefined, limit: query.limit }, signal),
  markRead: (id: number) => request<{ unread: number }>('POST', `/inbox/${enc(String(id))}/read`),
  markAllRead: () => request<{ unread: number }>('POST', '/inbox/read-all'),

  // Projects (三张作战图) and cross-zone transfer (跨区域流转).
  projectBoards: (query: { zone?: string; chain?: string }, signal?: AbortSignal) =>
    getJson<Boards>('/projects/boards', query, signal),
  project: (id: number, signal?: AbortSignal) => getJson<ProjectDetail>(`/projects/${enc(String(id))}`, undefined, signal),
  changeProjectStage: (id: number, body: ProjectStageBody) =>
    request<ProjectDetail>('POST', `/projects/${enc(String(id))}/stage`, { body }),
  saveProjectFigures: (id: number, version: number, figures: ProjectFiguresBody['figures']) =>
    request<ProjectDetail>('PUT', `/projects/${enc(String(id))}/figures`, { body: { version, figures } }),
  zoneAttribution: (zone: string, at: string, signal?: AbortSignal) =>
    getJson<ZoneAttribution>(`/zones/${enc(zone)}/attribution`, { at }, signal),

  // Evaluation and ranking (考核评价).
  evaluationSchemes: (signal?: AbortSignal) =>
    getJson<{ items: SchemeSummary[] }>('/evaluation/schemes', undefined, signal).then((r) => r.items),
  evaluationScheme: (code: string, version: number | null, signal?: AbortSignal) =>
    getJson<SchemeVersionView>(`/evaluation/schemes/${enc(code)}`, { version }, signal),
  /** Saves a draft in place, or a frozen version as the next version; 409 when baseVersion/updatedAt are stale. */
  saveEvaluationScheme: (
    code: string,
    definition: SchemeDefinition,
    base: { version: number; updatedAt: string },
    publishes: SchemeVersionView['publishes'],
  ) =>
    request<SchemeVersionView>('PUT', `/evaluation/schemes/${enc(code)}`, {
      body: { definition, baseVersion: base.version, updatedAt: base.updatedAt, publishes },
    }),
  /** Evaluates an unsaved definition (nothing is stored): the editor's live preview. */
  evaluationPreview: (definition: SchemeDefinition, year: number, signal?: AbortSignal) =>
    request<RunView>('POST', '/evaluation/preview', { body: { definition, year }, signal }),
  /** AHP weights from a pairwise matrix (400 AHP_INCONSISTENT when CR ≥ 0.1). */
  ahpWeights: (matrix: number[][], signal?: AbortSignal) =>
    request<WeightsResult>('POST', '/evaluation/weights', { body: { method: 'ahp', matrix }, signal }),
  evaluationRuns: (query: { scheme?: string; year?: number }, signal?: AbortSignal) =>
    getJson<{ items: RunSummary[] }>('/evaluation/runs', query, signal).then((r) => r.items),
  evaluationRun: (id: number, signal?: AbortSignal) => getJson<RunView>(`/evaluation/runs/${enc(String(id))}`, undefined, signal),
  runEvaluation: (input: { scheme: string; version?: number; year: number }) =>
    request<RunView>('POST', '/evaluation/runs', { body: input }),
  publishEvaluationRun: (id: number) => request<RunView>('POST', `/evaluation/runs/${enc(String(id))}/publish`),
  superviseFromRun: (id: number, input: { unit: string; replyBy: string; text?: string }) =>
    request<SupervisionResult>('POST', `/evaluation/runs/${enc(String(id))}/supervise`, { body: input }),
  evaluationGrades: (code: string, signal?: AbortSignal) =>
    getJson<GradeHistory>(`/evaluation/units/${enc(code)}/grades`, undefined, signal),
};

/** A form, a unit and a period: one submission. */
export interface SheetKey {
  form: string;
  orgUnit: string;
  period: string;
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

function sheetPath({ form, orgUnit, period }: SheetKey): string {
  return `/submissions/${enc(form)}/${enc(orgUnit)}/${enc(period)}`;
}
