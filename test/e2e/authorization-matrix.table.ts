/**
 * The authorization matrix, written by hand from what each role is for (docs/security.md, "Threat
 * model / authorization matrix") and NOT read from the routes' own rules: a route that declares the
 * wrong action or forgets the scope answers differently from this table and the test fails.
 *
 * One row per route of the OpenAPI document (plus the hidden health probes). Each row lists one or
 * more targets: a request (URL, minimal valid body) and the expected answer for each demo account:
 *
 *   admin       系统管理员, everything
 *   planner     规划管理员 of every plan, whole tree: defines plans, forms, schemes, transfers, tasks
 *   ftz         规划管理员 of yunnan-ftz-2021-2025 only: the same, for that plan only
 *   hh.rev      审核员 of the 红河州 subtree (YN-HH): reads 红河 data, reviews 红河 sheets, reads their audit
 *   hh.rep      填报员 of the 红河州 subtree: reads and reports 红河 figures, projects and task progress
 *   mz.rep      填报员 of 蒙自经开区 (ZN-HH-MENGZI, under YN-HH) only
 *   leader      查看者, whole tree, reads only
 *   anon        no credentials
 *
 * "in" targets lie inside the 红河 subtree and/or the FTZ plan, "out" targets in 昆明 and/or another plan.
 * Answers: ok = the request passed authorization (2xx, or the row's `ok` statuses when a permitted
 * request is deliberately refused by a business rule, e.g. a stale version → 409, so that rows stay
 * repeatable); 401 anonymous; 403 refused; 404 hidden (reading something outside one's scope must not
 * reveal that it exists); no = refused either way (403 or 404), for writes on things outside the scope.
 *
 * Placeholders in URLs ({projectIn}, {draftRunIn}, …) name fixtures the test creates as the
 * administrator before it starts; {n} is a counter that keeps created names unique.
 *
 * KNOWN_GAPS (at the end): cells where the server does not yet give the answer above because a fix
 * has not landed; the test then asserts today's answer, prints the gap, and fails once it closes.
 */
import ExcelJS from 'exceljs';
/** The demo accounts (src/services/demo-accounts.service.ts) and an anonymous caller, in column order. */
export const ACTORS = [
  'admin',
  'planner',
  'ftz.planner',
  'hh.reviewer',
  'hh.reporter',
  'mengzi.reporter',
  'leader',
  'anonymous',
] as const;
export type Actor = (typeof ACTORS)[number];

/** Ids of what the test creates before it starts, named by the URL placeholders. */
export type Fixtures = Record<string, number | string>;

export type Answer = 'ok' | 'no' | 401 | 403 | 404;

export interface Target {
  /** What the target is, relative to the scoped accounts. */
  what: string;
  url: string;
  body?: (n: number, fixtures: Fixtures) => unknown;
  /** Eight answers, in the order admin planner ftz hh.rev hh.rep mz.rep leader anon. */
  expect: string;
  /**
   * Accounts refused for what this target's body says (a zone move is an administrator's act)
   * though the route is theirs: an empty body says nothing of it, so they are validated like any
   * permitted caller and the empty-body check leaves them out.
   */
  bodyDecides?: Actor[];
}

export interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As in the OpenAPI document ({param}). */
  path: string;
  /** Statuses that count as "ok" besides 2xx (a business refusal after authorization). */
  ok?: number[];
  targets: Target[];
}

const monthOf = (n: number) => `${2000 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
const csv = (unit: string) => () => new TextEncoder().encode(`单位代码,营业收入（亿元）\n${unit},12.5\n`);
const bytes = (text: string) => () => new TextEncoder().encode(text);
/** A group assignment workbook (issue 16): 五华区 (530102) in 城市化地区, where the regional plan puts it. */
const groupWorkbook = async () => {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('分组').addRows([
    ['单位代码', '分组'],
    ['530102', '城市化地区'],
  ]);
  return new Uint8Array(await book.xlsx.writeBuffer());
};
const GROUP_WORKBOOK = await groupWorkbook();
const sheet = (unit: string) => `/api/v1/submissions/DEV_ZONE_MONTHLY/${unit}/2023-06`;
const newPlan = (n: number) =>
  `plan: { id: matrix-plan-${n}, title: 矩阵测试规划, issuer: 测试, periodStart: 2021, periodEnd: 2025 }\n`;
/** A catalogue file with no plan that moves a zone under 红河州 (issue 21, case 1). */
const moveZone = () => 'orgUnits:\n  - { code: MATRIX-ZONE, name: 矩阵测试区, kind: development_zone, parent: YN-HH }\n';
const scheme = (code: string) => ({
  definition: {
    code,
    name: '矩阵测试评价',
    subject: { kinds: ['ftz_area'] },
    indicators: [{ code: 'REFORM_TASKS_DONE', name: '改革试点任务落实数', weight: 1 }],
    grades: [
      { label: '好', minScore: 50 },
      { label: '差', minScore: 0 },
    ],
  },
  baseVersion: 999,
});
export const MATRIX_SCHEME = scheme('ftz-institutional-innovation').definition;

// prettier-ignore
export const MATRIX: Row[] = [
  // ── Health and sign-in: public ─────────────────────────────── admin planner ftz hh.rev hh.rep mz.rep leader anon
  { method: 'GET', path: '/api/v1/health', targets: [
    { what: 'probe', url: '/api/v1/health',                         expect: 'ok  ok  ok  ok  ok  ok  ok  ok' }] },
  { method: 'GET', path: '/api/v1/health/live', targets: [
    { what: 'probe', url: '/api/v1/health/live',                    expect: 'ok  ok  ok  ok  ok  ok  ok  ok' }] },
  { method: 'GET', path: '/api/v1/health/ready', targets: [
    { what: 'probe', url: '/api/v1/health/ready',                   expect: 'ok  ok  ok  ok  ok  ok  ok  ok' }] },
  { method: 'POST', path: '/api/v1/auth/login', targets: [
    { what: 'leader signs in', url: '/api/v1/auth/login', body: () => ({ username: 'leader', password: 'PlanTrack-Demo-2025' }),
                                                                    expect: 'ok  ok  ok  ok  ok  ok  ok  ok' }] },
  // ── One's own account: anyone signed in ───────────────────────
  { method: 'POST', path: '/api/v1/auth/logout', targets: [
    { what: 'own session', url: '/api/v1/auth/logout',              expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/auth/me', targets: [
    { what: 'self', url: '/api/v1/auth/me',                         expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/auth/tokens', targets: [
    { what: 'own tokens', url: '/api/v1/auth/tokens',               expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'POST', path: '/api/v1/auth/tokens', targets: [
    { what: 'new own token', url: '/api/v1/auth/tokens', body: (n) => ({ name: `matrix ${n}`, scopes: ['read'] }),
                                                                    expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'DELETE', path: '/api/v1/auth/tokens/{id}', targets: [
    { what: 'own token', url: '/api/v1/auth/tokens/{ownToken}',     expect: 'ok  ok  ok  ok  ok  ok  ok  401' },
    // Revoking someone else's token is the administrator's act on /users, never through one's own list.
    { what: "hh.reporter's token", url: '/api/v1/auth/tokens/{hhReporterToken}',
                                                                    expect: '404 404 404 404 ok  404 404 401' }] },
  // ── Administration: administrator only ───────────────────────
  { method: 'GET', path: '/api/v1/users', targets: [
    { what: 'all users', url: '/api/v1/users',                      expect: 'ok  403 403 403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/users', targets: [
    { what: 'user in 蒙自', url: '/api/v1/users', body: (n) => user(`matrix.in${n}`, 'ZN-HH-MENGZI'),
                                                                    expect: 'ok  403 403 403 403 403 403 401' },
    { what: 'user in 昆明', url: '/api/v1/users', body: (n) => user(`matrix.out${n}`, 'YN-KM'),
                                                                    expect: 'ok  403 403 403 403 403 403 401' }] },
  { method: 'GET', path: '/api/v1/admin/backup', targets: [
    { what: 'whole database', url: '/api/v1/admin/backup',          expect: 'ok  403 403 403 403 403 403 401' }] },
  { method: 'GET', path: '/api/v1/audit/verify', targets: [
    { what: 'whole chain', url: '/api/v1/audit/verify',             expect: 'ok  403 403 403 403 403 403 401' }] },
  { method: 'GET', path: '/api/v1/audit/head', targets: [
    { what: 'signed head', url: '/api/v1/audit/head',               expect: 'ok  403 403 403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/audit/verify', targets: [
    { what: 'against a head', url: '/api/v1/audit/verify', body: () => ({ format: 'plantrack-audit-head', version: 1, lastId: 0,
      lastHash: '0'.repeat(64), count: 0, at: '2026-12-06T00:00:00.000Z', keyId: '0'.repeat(16), signature: '0'.repeat(64) }),
                                                                    expect: 'ok  403 403 403 403 403 403 401' }] },
  // Audit: planners and reviewers read the history of what they oversee; accounts' logins are administration.
  { method: 'GET', path: '/api/v1/audit', targets: [
    { what: '蒙自 figure', url: '/api/v1/audit?entity=data_value&key=ZN-HH-MENGZI/REVENUE/2024-01',
                                                                    expect: 'ok  ok  ok  ok  403 403 403 401' },
    { what: '昆明 figure', url: '/api/v1/audit?entity=data_value&key=ZN-KM-HIGHTECH/REVENUE/2024-01',
                                                                    expect: 'ok  ok  ok  no  403 403 403 401' },
    { what: "admin's logins", url: '/api/v1/audit?entity=user&key=admin',
                                                                    expect: 'ok  no  no  no  403 403 403 401' }] },
  // ── Figures: reporters of the unit (and the administrator) ────
  { method: 'PUT', path: '/api/v1/data-values/{orgUnit}/{indicator}/{period}', targets: [
    { what: '蒙自', url: '/api/v1/data-values/ZN-HH-MENGZI/REVENUE/{month}', body: () => ({ value: '12.5', expectedVersion: 0 }),
                                                                    expect: 'ok  403 403 403 ok  ok  403 401' },
    { what: '昆明', url: '/api/v1/data-values/ZN-KM-HIGHTECH/REVENUE/{month}', body: () => ({ value: '12.5', expectedVersion: 0 }),
                                                                    expect: 'ok  403 403 403 no  no  403 401' }] },
  // ── Plans: documents everyone signed in reads; definitions are the plan's managers' ──
  { method: 'GET', path: '/api/v1/plans', targets: [
    { what: 'list', url: '/api/v1/plans',                           expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/plans/{id}', targets: [
    { what: 'FTZ plan', url: '/api/v1/plans/yunnan-ftz-2021-2025',  expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/plans/{id}/sections', targets: [
    { what: 'FTZ plan', url: '/api/v1/plans/yunnan-ftz-2021-2025/sections', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/plans/{id}/source', targets: [
    { what: 'FTZ plan', url: '/api/v1/plans/yunnan-ftz-2021-2025/source', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'PUT', path: '/api/v1/plans/{id}/progress-method', targets: [
    { what: 'FTZ plan', url: '/api/v1/plans/yunnan-ftz-2021-2025/progress-method', body: () => ({ method: null }),
                                                                    expect: 'ok  ok  ok  403 403 403 403 401' },
    { what: 'parks plan', url: '/api/v1/plans/yunnan-parks-2021-2025/progress-method', body: () => ({ method: null }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  // In-place corrections of published targets (issue 17 item 5): read like the target (hidden outside the
  // reader's units, as its progress page), corrected by the
  // plan's managers; a stale version is refused with 409 after authorization, so the rows stay repeatable.
  { method: 'GET', path: '/api/v1/plans/{id}/targets/{key}/revisions', targets: [
    { what: 'FTZ target', url: '/api/v1/plans/yunnan-ftz-2021-2025/targets/trade-total-2025/revisions',
                                                                    expect: 'ok  ok  ok  404 404 404 ok  401' }] },
  { method: 'PATCH', path: '/api/v1/plans/{id}/targets/{key}', ok: [409], targets: [
    { what: 'FTZ target', url: '/api/v1/plans/yunnan-ftz-2021-2025/targets/trade-total-2025',
      body: () => ({ version: 999999, reason: '矩阵修订', target: { value: '1' } }),
                                                                    expect: 'ok  ok  ok  403 403 403 403 401' },
    { what: 'parks target', url: '/api/v1/plans/yunnan-parks-2021-2025/targets/km-hightech-revenue-2025',
      body: () => ({ version: 999999, reason: '矩阵修订', target: { value: '1' } }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  // Withdrawal (撤回) of a plan the test imports: its managers withdraw it (409 once it is), an administrator restores it.
  { method: 'POST', path: '/api/v1/plans/{id}/withdrawal', ok: [409], targets: [
    { what: 'matrix plan', url: '/api/v1/plans/matrix-withdrawal/withdrawal', body: () => ({ reason: '矩阵撤回' }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  { method: 'DELETE', path: '/api/v1/plans/{id}/withdrawal', ok: [409], targets: [
    { what: 'matrix plan', url: '/api/v1/plans/matrix-withdrawal/withdrawal',
                                                                    expect: 'ok  403 403 403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/plans/import', targets: [
    { what: 'a new plan', url: '/api/v1/plans/import', body: newPlan,
                                                                    expect: 'ok  ok  403 403 403 403 403 401' },
    // Moving an org unit re-scopes every figure under it: an administrator's act only.
    { what: 'move a zone under 红河', url: '/api/v1/plans/import', body: moveZone, bodyDecides: ['planner'],
                                                                    expect: 'ok  403 403 403 403 403 403 401' }] },
  // Published figures from a bulletin: proposing reads nothing outside the plan; storing writes its figures.
  { method: 'POST', path: '/api/v1/published-figures/proposals', targets: [
    { what: 'FTZ plan', url: '/api/v1/published-figures/proposals',
      body: () => ({ plan: 'yunnan-ftz-2021-2025', orgUnit: 'YN-FTZ', year: 2023, text: '全年进出口总额1000亿元。' }),
                                                                    expect: 'ok  ok  ok  403 403 403 403 401' },
    { what: 'parks plan', url: '/api/v1/published-figures/proposals',
      body: () => ({ plan: 'yunnan-parks-2021-2025', orgUnit: 'YN', year: 2023, text: '全年营业收入1000亿元。' }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/published-figures', targets: [
    { what: 'FTZ plan', url: '/api/v1/published-figures', body: () => publishedFigure('yunnan-ftz-2021-2025', 'YN-FTZ', 'TRADE_TOTAL'),
                                                                    expect: 'ok  ok  ok  403 403 403 403 401' },
    { what: 'parks plan', url: '/api/v1/published-figures', body: () => publishedFigure('yunnan-parks-2021-2025', 'YN', 'REVENUE'),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/ingestion/drafts', targets: [
    { what: 'plan text', url: '/api/v1/ingestion/drafts?fileName=matrix.txt', body: () => '到2025年，全省地区生产总值达到4万亿元。',
                                                                    expect: 'ok  ok  ok  403 403 403 403 401' }] },
  // A draft belongs to the manager who uploaded it (and is visible to the administrator).
  { method: 'GET', path: '/api/v1/ingestion/drafts/{id}', targets: [
    { what: "ftz.planner's draft", url: '/api/v1/ingestion/drafts/{draftFtz}',
                                                                    expect: 'ok  no  ok  403 403 403 403 401' },
    { what: "planner's draft", url: '/api/v1/ingestion/drafts/{draftPlanner}',
                                                                    expect: 'ok  ok  no  403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/ingestion/drafts/{id}/accept', ok: [409], targets: [
    { what: "planner's draft as a new plan", url: '/api/v1/ingestion/drafts/{draftPlanner}/accept', body: (n) => acceptDraft(n),
                                                                    expect: 'ok  ok  no  403 403 403 403 401' }] },
  // ── Catalogue reads: everyone signed in, lists filtered to the scope; one unit outside it is hidden ──
  { method: 'GET', path: '/api/v1/targets', targets: [
    { what: 'parks plan', url: '/api/v1/targets?plan=yunnan-parks-2021-2025', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/consistency', targets: [
    { what: 'bonded-zone plan', url: '/api/v1/consistency?plan=kunming-bonded-zone-2021-2025', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/tasks', targets: [
    { what: '泛珠 plan', url: '/api/v1/tasks?plan=yunnan-pprd-2016', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/org-units', targets: [
    { what: 'list', url: '/api/v1/org-units',                       expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/org-units/{code}', targets: [
    { what: '蒙自', url: '/api/v1/org-units/ZN-HH-MENGZI',           expect: 'ok  ok  ok  ok  ok  ok  ok  401' },
    { what: '昆明', url: '/api/v1/org-units/YN-KM',                  expect: 'ok  ok  ok  404 404 404 ok  401' }] },
  // Org units and groups made by hand in the review (issue 17 item 5): they belong to no plan yet, so a
  // plan manager of every plan makes them; a new top-level unit (another province) touches the whole tree.
  { method: 'POST', path: '/api/v1/org-units', targets: [
    { what: '红河 child', url: '/api/v1/org-units', body: (n) => ({ name: `矩阵单位${n}`, kind: 'other', parent: 'YN-HH' }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' },
    { what: 'new root', url: '/api/v1/org-units', body: (n) => ({ name: `矩阵省${n}`, kind: 'province' }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/groups', targets: [
    { what: '红河 members', url: '/api/v1/groups', body: (n) => ({ name: `矩阵分组${n}`, members: ['ZN-HH-MENGZI'] }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  // Unit aliases (issue 18): read by whoever sees the unit; added and removed by administrators only.
  { method: 'GET', path: '/api/v1/org-units/{code}/aliases', targets: [
    { what: '蒙自', url: '/api/v1/org-units/ZN-HH-MENGZI/aliases',   expect: 'ok  ok  ok  ok  ok  ok  ok  401' },
    { what: '昆明高新区', url: '/api/v1/org-units/ZN-KM-HIGHTECH/aliases', expect: 'ok  ok  ok  404 404 404 ok  401' }] },
  { method: 'POST', path: '/api/v1/org-units/{code}/aliases', targets: [
    { what: '蒙自', url: '/api/v1/org-units/ZN-HH-MENGZI/aliases', body: (n) => ({ alias: `矩阵别名${n}`, kind: 'other' }),
                                                                    expect: 'ok  403 403 403 403 403 403 401' },
    { what: '昆明高新区', url: '/api/v1/org-units/ZN-KM-HIGHTECH/aliases', body: (n) => ({ alias: `矩阵别名${n}`, kind: 'other' }),
                                                                    expect: 'ok  403 403 403 403 403 403 401' }] },
  // No alias 0 exists: the administrator's request passes authorization and finds nothing.
  { method: 'DELETE', path: '/api/v1/org-units/{code}/aliases/{id}', ok: [404], targets: [
    { what: '蒙自', url: '/api/v1/org-units/ZN-HH-MENGZI/aliases/0', expect: 'ok  403 403 403 403 403 403 401' }] },
  { method: 'GET', path: '/api/v1/groups', targets: [
    { what: 'list', url: '/api/v1/groups',                          expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  // 主体功能区 groups are the regional plan's: its managers assign prefectures to them (no change here).
  { method: 'POST', path: '/api/v1/groups/members', targets: [
    { what: 'regional plan group', url: '/api/v1/groups/members', body: () => ({ changes: [{ group: 'mfa-urbanised', add: [], remove: [] }], reason: '矩阵' }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  // The same assignment from an Excel workbook: authorized on every group and unit the file names.
  { method: 'POST', path: '/api/v1/groups/members/import', targets: [
    { what: 'regional plan group (.xlsx)', url: '/api/v1/groups/members/import?reason=矩阵', body: () => GROUP_WORKBOOK,
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  { method: 'GET', path: '/api/v1/indicators', targets: [
    { what: 'list', url: '/api/v1/indicators',                      expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/data-values', targets: [
    { what: 'list', url: '/api/v1/data-values',                     expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  // ── Forms: read by all; rules are the form's plan's managers'; figures the units' reporters' ──
  { method: 'GET', path: '/api/v1/forms', targets: [
    { what: 'list', url: '/api/v1/forms',                           expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/forms/{form}', targets: [
    { what: 'dev-zone form', url: '/api/v1/forms/DEV_ZONE_MONTHLY', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'PUT', path: '/api/v1/forms/{form}/rules', ok: [409], targets: [
    { what: 'FTZ form (stale version)', url: '/api/v1/forms/FTZ_AREA_QUARTERLY/rules', body: () => ({ version: 999, rules: [] }),
                                                                    expect: 'ok  ok  ok  403 403 403 403 401' },
    { what: 'parks form (stale version)', url: '/api/v1/forms/DEV_ZONE_MONTHLY/rules', body: () => ({ version: 999, rules: [] }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/forms/{form}/rules/test', targets: [
    { what: 'try figures', url: '/api/v1/forms/PREFECTURE_ANNUAL/rules/test', body: () => ({ period: '2024', values: { GDP: '3000' } }),
                                                                    expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/forms/{form}/completeness', targets: [
    { what: 'prefecture form', url: '/api/v1/forms/PREFECTURE_ANNUAL/completeness?period=2024', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/forms/{form}/template', targets: [
    { what: 'dev-zone form', url: '/api/v1/forms/DEV_ZONE_MONTHLY/template?period=2023-06', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'POST', path: '/api/v1/forms/{form}/imports', targets: [
    { what: '蒙自 sheet (dry run)', url: '/api/v1/forms/DEV_ZONE_MONTHLY/imports?fileName=m.csv&dryRun=true&period=2023-06', body: csv('ZN-HH-MENGZI'),
                                                                    expect: 'ok  403 403 403 ok  ok  403 401' }] },
  // Names mapped once per form (issue 18): reporters map names to units they report for, or to the form's indicators.
  { method: 'GET', path: '/api/v1/forms/{form}/mappings', targets: [
    { what: 'dev-zone form', url: '/api/v1/forms/DEV_ZONE_MONTHLY/mappings', expect: 'ok  403 403 403 ok  ok  403 401' }] },
  { method: 'POST', path: '/api/v1/forms/{form}/mappings', targets: [
    { what: '蒙自', url: '/api/v1/forms/DEV_ZONE_MONTHLY/mappings', body: (n) => ({ kind: 'org_unit', text: `矩阵对应${n}`, target: 'ZN-HH-MENGZI' }),
                                                                    expect: 'ok  403 403 403 ok  ok  403 401' },
    { what: '昆明高新区', url: '/api/v1/forms/DEV_ZONE_MONTHLY/mappings', body: (n) => ({ kind: 'org_unit', text: `矩阵对应${n}`, target: 'ZN-KM-HIGHTECH' }),
      // The unit mapped to is in the body: reporters are refused on it, so an empty body is a 400 to them.
      bodyDecides: ['hh.reporter', 'mengzi.reporter'],
                                                                    expect: 'ok  403 403 403 403 403 403 401' }] },
  { method: 'DELETE', path: '/api/v1/forms/{form}/mappings/{id}', ok: [404], targets: [
    { what: 'unknown mapping', url: '/api/v1/forms/DEV_ZONE_MONTHLY/mappings/999999', expect: 'ok  403 403 403 ok  ok  403 401' }] },
  { method: 'POST', path: '/api/v1/forms/{form}/values', targets: [
    { what: '蒙自 figures (dry run)', url: '/api/v1/forms/DEV_ZONE_MONTHLY/values?dryRun=true&period=2023-06',
      body: () => ({ values: [{ orgUnit: 'ZN-HH-MENGZI', indicator: 'REVENUE', value: '12.5' }] }),
                                                                    expect: 'ok  403 403 403 ok  ok  403 401' }] },
  // ── Reporting workflow: reporters fill and submit, reviewers approve, return and reopen, in their subtree ──
  { method: 'GET', path: '/api/v1/reporting/my-work', targets: [
    { what: 'own work', url: '/api/v1/reporting/my-work',           expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/reporting/review-queue', targets: [
    { what: 'own queue', url: '/api/v1/reporting/review-queue',     expect: 'ok  403 403 ok  403 403 403 401' }] },
  { method: 'GET', path: '/api/v1/reporting/overdue', targets: [
    { what: 'list', url: '/api/v1/reporting/overdue',               expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/submissions/{form}/{orgUnit}/{period}', targets: [
    { what: '蒙自 sheet', url: sheet('ZN-HH-MENGZI'),                expect: 'ok  ok  ok  ok  ok  ok  ok  401' },
    { what: '昆明 sheet', url: sheet('ZN-KM-HIGHTECH'),              expect: 'ok  ok  ok  404 404 404 ok  401' }] },
  { method: 'PUT', path: '/api/v1/submissions/{form}/{orgUnit}/{period}/values', targets: [
    { what: '蒙自 sheet', url: `${sheet('ZN-HH-MENGZI')}/values`, body: () => ({ values: [] }),
                                                                    expect: 'ok  403 403 403 ok  ok  403 401' },
    { what: '昆明 sheet', url: `${sheet('ZN-KM-HIGHTECH')}/values`, body: () => ({ values: [] }),
                                                                    expect: 'ok  403 403 403 no  no  403 401' }] },
  // An id that is nobody's upload: a permitted caller is refused by the claim (422 ATTACHMENT_NOT_AVAILABLE).
  { method: 'POST', path: '/api/v1/submissions/{form}/{orgUnit}/{period}/attachments', ok: [422], targets: [
    { what: '蒙自 sheet', url: `${sheet('ZN-HH-MENGZI')}/attachments`, body: () => ({ attachments: ['00000000-0000-4000-8000-000000000000'] }),
                                                                    expect: 'ok  403 403 403 ok  ok  403 401' },
    { what: '昆明 sheet', url: `${sheet('ZN-KM-HIGHTECH')}/attachments`, body: () => ({ attachments: ['00000000-0000-4000-8000-000000000000'] }),
                                                                    expect: 'ok  403 403 403 no  no  403 401' }] },
  // Empty sheets: a permitted submit is refused for missing figures (422), the review steps for the state (409).
  { method: 'POST', path: '/api/v1/submissions/{form}/{orgUnit}/{period}/submit', ok: [422], targets: [
    { what: '蒙自 sheet', url: `${sheet('ZN-HH-MENGZI')}/submit`, body: () => ({ version: 0 }),
                                                                    expect: 'ok  403 403 403 ok  ok  403 401' },
    { what: '昆明 sheet', url: `${sheet('ZN-KM-HIGHTECH')}/submit`, body: () => ({ version: 0 }),
                                                                    expect: 'ok  403 403 403 no  no  403 401' }] },
  { method: 'POST', path: '/api/v1/submissions/{form}/{orgUnit}/{period}/approve', ok: [409], targets: [
    { what: '蒙自 sheet', url: `${sheet('ZN-HH-MENGZI')}/approve`, body: () => ({ version: 0 }),
                                                                    expect: 'ok  403 403 ok  403 403 403 401' },
    { what: '昆明 sheet', url: `${sheet('ZN-KM-HIGHTECH')}/approve`, body: () => ({ version: 0 }),
                                                                    expect: 'ok  403 403 no  403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/submissions/{form}/{orgUnit}/{period}/return', ok: [409], targets: [
    { what: '蒙自 sheet', url: `${sheet('ZN-HH-MENGZI')}/return`, body: () => ({ version: 0, comment: '请核实' }),
                                                                    expect: 'ok  403 403 ok  403 403 403 401' },
    { what: '昆明 sheet', url: `${sheet('ZN-KM-HIGHTECH')}/return`, body: () => ({ version: 0, comment: '请核实' }),
                                                                    expect: 'ok  403 403 no  403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/submissions/{form}/{orgUnit}/{period}/reopen', ok: [409], targets: [
    { what: '蒙自 sheet', url: `${sheet('ZN-HH-MENGZI')}/reopen`, body: () => ({ version: 0, comment: '数据有误' }),
                                                                    expect: 'ok  403 403 ok  403 403 403 401' },
    { what: '昆明 sheet', url: `${sheet('ZN-KM-HIGHTECH')}/reopen`, body: () => ({ version: 0, comment: '数据有误' }),
                                                                    expect: 'ok  403 403 no  403 403 403 401' }] },
  // ── Monitoring: everyone signed in; one unit outside the scope is hidden ──
  { method: 'GET', path: '/api/v1/progress', targets: [
    { what: 'FTZ plan', url: '/api/v1/progress?plan=yunnan-ftz-2021-2025&at=2023', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  // Where each target's figure comes from: the same readers as its progress.
  { method: 'GET', path: '/api/v1/coverage', targets: [
    { what: 'FTZ plan', url: '/api/v1/coverage?plan=yunnan-ftz-2021-2025', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/progress/map', targets: [
    { what: 'revenue', url: '/api/v1/progress/map?indicator=REVENUE&at=2023', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/progress/{plan}/targets/{key}', targets: [
    { what: 'group target with 红河 members', url: '/api/v1/progress/yunnan-parks-2021-2025/targets/zones-revenue-growth-2025?at=2023',
                                                                    expect: 'ok  ok  ok  ok  ok  ok  ok  401' },
    { what: '昆明高新区 target', url: '/api/v1/progress/yunnan-parks-2021-2025/targets/km-hightech-revenue-2025?at=2023',
                                                                    expect: 'ok  ok  ok  404 404 404 ok  401' }] },
  // A target's owner and commentary (issue 19): read like the target; written by its responsible unit's
  // reporters and reviewers and the plan's managers (no 红河 unit owns a target; the unit case is unit-tested).
  { method: 'GET', path: '/api/v1/progress/{plan}/targets/{key}/commentary', targets: [
    { what: '昆明高新区 target', url: '/api/v1/progress/yunnan-parks-2021-2025/targets/km-hightech-revenue-2025/commentary',
                                                                    expect: 'ok  ok  ok  404 404 404 ok  401' }] },
  // A stale version: a permitted writer gets 409 and nothing is written.
  { method: 'PUT', path: '/api/v1/progress/{plan}/targets/{key}/commentary/{period}', ok: [409], targets: [
    { what: '昆明高新区 target', url: '/api/v1/progress/yunnan-parks-2021-2025/targets/km-hightech-revenue-2025/commentary/2024',
      body: () => ({ text: '矩阵说明', version: 999999 }),          expect: 'ok  ok  no  404 404 404 403 401' },
    { what: 'FTZ target', url: '/api/v1/progress/yunnan-ftz-2021-2025/targets/trade-total-2025/commentary/2024',
      body: () => ({ text: '矩阵说明', version: 999999 }),          expect: 'ok  ok  ok  no  no  no  403 401' }] },
  { method: 'GET', path: '/api/v1/progress/{plan}/comparison', targets: [
    { what: 'parks plan', url: '/api/v1/progress/yunnan-parks-2021-2025/comparison?indicator=REVENUE&at=2023&by=zone_level',
                                                                    expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  // Supervision views of one plan follow the plan restriction of a plan manager's grant.
  // The role homes (issue 19): the summary reads with the reader's own scope; the plans home is the plan managers'.
  { method: 'GET', path: '/api/v1/home/summary', targets: [
    { what: 'summary', url: '/api/v1/home/summary',                   expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/home/plans', targets: [
    { what: 'my plans', url: '/api/v1/home/plans',                     expect: 'ok  ok  ok  403 403 403 403 401' }] },
  { method: 'GET', path: '/api/v1/progress/stale', targets: [
    { what: 'FTZ plan', url: '/api/v1/progress/stale?plan=yunnan-ftz-2021-2025&at=2024', expect: 'ok  ok  ok  ok  ok  ok  ok  401' },
    { what: 'parks plan', url: '/api/v1/progress/stale?plan=yunnan-parks-2021-2025&at=2024', expect: 'ok  ok  no  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/reports/monitoring', targets: [
    { what: 'FTZ plan', url: '/api/v1/reports/monitoring?plan=yunnan-ftz-2021-2025&at=2023&format=xlsx', expect: 'ok  ok  ok  ok  ok  ok  ok  401' },
    { what: 'FTZ targets, filtered', url: '/api/v1/reports/monitoring?plan=yunnan-ftz-2021-2025&at=2023&format=xlsx&table=targets&class=behind&sort=-warning', expect: 'ok  ok  ok  ok  ok  ok  ok  401' },
    { what: 'parks targets, filtered', url: '/api/v1/reports/monitoring?plan=yunnan-parks-2021-2025&at=2024&format=xlsx&table=targets&warning=red', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/warnings', targets: [
    { what: 'open', url: '/api/v1/warnings?open=true',              expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/inbox', targets: [
    { what: 'own inbox', url: '/api/v1/inbox',                      expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  // Nobody owns notification 999999: a signed-in caller gets 404, never someone else's item.
  { method: 'POST', path: '/api/v1/inbox/{id}/read', targets: [
    { what: 'no such item', url: '/api/v1/inbox/999999/read',       expect: '404 404 404 404 404 404 404 401' }] },
  { method: 'POST', path: '/api/v1/inbox/read-all', targets: [
    { what: 'own inbox', url: '/api/v1/inbox/read-all',             expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  // ── Projects (三张作战图): the zone's reporters; transfers between zones are the planners' ──
  { method: 'GET', path: '/api/v1/projects', targets: [
    { what: 'list', url: '/api/v1/projects',                        expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/projects/boards', targets: [
    { what: 'boards', url: '/api/v1/projects/boards',               expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/projects/map', targets: [
    { what: 'map', url: '/api/v1/projects/map',                     expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/projects/chains', targets: [
    { what: 'chains', url: '/api/v1/projects/chains',               expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'POST', path: '/api/v1/projects', targets: [
    { what: '蒙自 project', url: '/api/v1/projects', body: (n) => ({ name: `矩阵项目 ${n}`, zone: 'ZN-HH-MENGZI', totalInvestment: '100' }),
                                                                    expect: 'ok  403 403 403 ok  ok  403 401' },
    { what: '昆明 project', url: '/api/v1/projects', body: (n) => ({ name: `矩阵项目 ${n}`, zone: 'ZN-KM-HIGHTECH', totalInvestment: '100' }),
                                                                    expect: 'ok  403 403 403 no  no  403 401' }] },
  { method: 'GET', path: '/api/v1/projects/{id}', targets: [
    { what: '蒙自 project', url: '/api/v1/projects/{projectIn}',      expect: 'ok  ok  ok  ok  ok  ok  ok  401' },
    { what: '昆明 project', url: '/api/v1/projects/{projectOut}',     expect: 'ok  ok  ok  404 404 404 ok  401' }] },
  { method: 'PUT', path: '/api/v1/projects/{id}', ok: [409], targets: [
    { what: '蒙自 project (stale version)', url: '/api/v1/projects/{projectIn}', body: () => ({ version: 999999 }),
                                                                    expect: 'ok  403 403 403 ok  ok  403 401' },
    { what: '昆明 project (stale version)', url: '/api/v1/projects/{projectOut}', body: () => ({ version: 999999 }),
                                                                    expect: 'ok  403 403 403 no  no  403 401' }] },
  { method: 'POST', path: '/api/v1/projects/{id}/stage', ok: [409], targets: [
    { what: '蒙自 project (stale version)', url: '/api/v1/projects/{projectIn}/stage', body: () => ({ version: 999999, to: 'packaging' }),
                                                                    expect: 'ok  403 403 403 ok  ok  403 401' },
    { what: '昆明 project (stale version)', url: '/api/v1/projects/{projectOut}/stage', body: () => ({ version: 999999, to: 'packaging' }),
                                                                    expect: 'ok  403 403 403 no  no  403 401' }] },
  { method: 'PUT', path: '/api/v1/projects/{id}/figures', ok: [409], targets: [
    { what: '蒙自 project (stale version)', url: '/api/v1/projects/{projectIn}/figures',
      body: () => ({ version: 999999, figures: [{ month: '2024-01', investment: '1' }] }),
                                                                    expect: 'ok  403 403 403 ok  ok  403 401' },
    { what: '昆明 project (stale version)', url: '/api/v1/projects/{projectOut}/figures',
      body: () => ({ version: 999999, figures: [{ month: '2024-01', investment: '1' }] }),
                                                                    expect: 'ok  403 403 403 no  no  403 401' }] },
  { method: 'GET', path: '/api/v1/transfers', targets: [
    { what: 'list', url: '/api/v1/transfers',                       expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  // Transfer agreements re-attribute a zone's results between zones (parks plan): not the FTZ office's.
  { method: 'POST', path: '/api/v1/transfers', targets: [
    // One month per request, after the fixture's 2024 agreement: nothing overlaps, every permitted call creates one.
    { what: 'a 昆明 project to 蒙自', url: '/api/v1/transfers',
      body: (n, fx) => ({ project: fx.projectMoved, fromZone: 'ZN-KM-HIGHTECH', toZone: 'ZN-HH-MENGZI', shares: { from: '40', to: '60' },
        startMonth: monthOf(n + 30 * 12), endMonth: monthOf(n + 30 * 12), reference: '矩阵' }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/transfers/{id}/end', ok: [409], targets: [
    { what: 'agreement (stale version)', url: '/api/v1/transfers/{transfer}/end', body: () => ({ version: 999999, endMonth: '2024-06', reason: '矩阵' }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  { method: 'GET', path: '/api/v1/zones/{code}/attribution', targets: [
    { what: '蒙自', url: '/api/v1/zones/ZN-HH-MENGZI/attribution?at=2024', expect: 'ok  ok  ok  ok  ok  ok  ok  401' },
    { what: '昆明高新区', url: '/api/v1/zones/ZN-KM-HIGHTECH/attribution?at=2024', expect: 'ok  ok  ok  404 404 404 ok  401' }] },
  { method: 'GET', path: '/api/v1/industry-map', targets: [
    { what: 'green aluminium', url: '/api/v1/industry-map?chain=green_aluminium&level=national', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/zones/{code}/profile', targets: [
    { what: '蒙自', url: '/api/v1/zones/ZN-HH-MENGZI/profile?at=2023', expect: 'ok  ok  ok  ok  ok  ok  ok  401' },
    { what: '昆明经开区', url: '/api/v1/zones/ZN-KM-ETDZ/profile?at=2023', expect: 'ok  ok  ok  404 404 404 ok  401' }] },
  // ── Tasks (督办): plan managers of the task's plan supervise; the units' reporters report progress ──
  { method: 'GET', path: '/api/v1/tasks/tracking', targets: [
    { what: 'FTZ plan', url: '/api/v1/tasks/tracking?plan=yunnan-ftz-2021-2025', expect: 'ok  ok  ok  ok  ok  ok  ok  401' },
    { what: '泛珠 plan', url: '/api/v1/tasks/tracking?plan=yunnan-pprd-2016', expect: 'ok  ok  no  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/tasks/export', targets: [
    { what: 'FTZ plan', url: '/api/v1/tasks/export?plan=yunnan-ftz-2021-2025', expect: 'ok  ok  ok  ok  ok  ok  ok  401' },
    { what: '泛珠 plan', url: '/api/v1/tasks/export?plan=yunnan-pprd-2016', expect: 'ok  ok  no  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/tasks/board', targets: [
    { what: '蒙自', url: '/api/v1/tasks/board?orgUnit=ZN-HH-MENGZI', expect: 'ok  ok  ok  ok  ok  ok  ok  401' },
    { what: '昆明', url: '/api/v1/tasks/board?orgUnit=YN-KM',        expect: 'ok  ok  ok  404 404 404 ok  401' }] },
  // Not a workbook: a permitted dry run is refused for the file (422).
  { method: 'POST', path: '/api/v1/tasks/import', ok: [422], targets: [
    { what: 'FTZ plan', url: '/api/v1/tasks/import?plan=yunnan-ftz-2021-2025&dryRun=true', body: bytes('not a workbook'),
                                                                    expect: 'ok  ok  ok  403 403 403 403 401' },
    { what: '泛珠 plan', url: '/api/v1/tasks/import?plan=yunnan-pprd-2016&dryRun=true', body: bytes('not a workbook'),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  // task-01 of the 泛珠 plan involves provincial departments only: hidden from 红河 and 蒙自 accounts, and
  // from the FTZ plan's manager, whose task lists refuse the 泛珠 plan.
  { method: 'GET', path: '/api/v1/tasks/{plan}/{key}', targets: [
    { what: '泛珠 task-01', url: '/api/v1/tasks/yunnan-pprd-2016/task-01', expect: 'ok  ok  404 404 404 404 ok  401' }] },
  { method: 'POST', path: '/api/v1/tasks/{plan}/{key}/milestones', ok: [409], targets: [
    { what: '泛珠 task-01 (stale version)', url: '/api/v1/tasks/yunnan-pprd-2016/task-01/milestones',
      body: () => ({ title: '矩阵', dueOn: '2030-01-01', version: 999999 }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/tasks/{plan}/{key}/close', ok: [409], targets: [
    { what: '泛珠 task-01 (stale version)', url: '/api/v1/tasks/yunnan-pprd-2016/task-01/close', body: () => ({ reason: '矩阵', version: 999999 }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/tasks/{plan}/{key}/notices', targets: [
    { what: '泛珠 task-01 to 发改委', url: '/api/v1/tasks/yunnan-pprd-2016/task-01/notices',
      body: () => ({ orgUnit: 'DEPT-FGW', text: '矩阵督办', replyBy: '2099-12-31' }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  // Progress is reported for the unit named in the body: a provincial department, outside 红河.
  { method: 'POST', path: '/api/v1/tasks/{plan}/{key}/updates', targets: [
    { what: '发改委 on 泛珠 task-01', url: '/api/v1/tasks/yunnan-pprd-2016/task-01/updates',
      body: () => ({ orgUnit: 'DEPT-FGW', text: '矩阵进展', percent: 10 }),
                                                                    expect: 'ok  403 403 403 no  no  403 401' }] },
  { method: 'POST', path: '/api/v1/tasks/{plan}/{key}/contributions', targets: [
    { what: '商务厅 on 泛珠 task-01', url: '/api/v1/tasks/yunnan-pprd-2016/task-01/contributions',
      body: () => ({ orgUnit: 'DEPT-SWT', text: '矩阵配合' }),
                                                                    expect: 'ok  403 403 403 no  no  403 401' }] },
  { method: 'POST', path: '/api/v1/task-notices/{id}/reply', ok: [409], targets: [
    { what: 'notice to 发改委', url: '/api/v1/task-notices/{notice}/reply', body: () => ({ text: '矩阵' }),
                                                                    expect: 'ok  403 403 403 no  no  403 401' }] },
  { method: 'POST', path: '/api/v1/task-notices/{id}/close', ok: [409], targets: [
    { what: '泛珠 notice', url: '/api/v1/task-notices/{notice}/close', expect: 'ok  ok  403 403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/attachments', targets: [
    { what: 'a file', url: '/api/v1/attachments?name=matrix.txt', body: bytes('矩阵附件'),
                                                                    expect: 'ok  403 403 403 ok  ok  403 401' }] },
  { method: 'GET', path: '/api/v1/attachments/{id}', targets: [
    { what: 'no such file', url: '/api/v1/attachments/00000000-0000-0000-0000-000000000000',
                                                                    expect: '404 404 404 404 404 404 404 401' }] },
  // ── Evaluation (考核评价): schemes and runs are the scheme's plan's managers'; drafts are theirs alone ──
  { method: 'GET', path: '/api/v1/evaluation/schemes', targets: [
    { what: 'list', url: '/api/v1/evaluation/schemes',              expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/evaluation/schemes/{code}', targets: [
    { what: 'FTZ scheme', url: '/api/v1/evaluation/schemes/ftz-institutional-innovation', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'PUT', path: '/api/v1/evaluation/schemes/{code}', ok: [409], targets: [
    { what: 'FTZ scheme (stale version)', url: '/api/v1/evaluation/schemes/ftz-institutional-innovation', body: () => scheme('ftz-institutional-innovation'),
                                                                    expect: 'ok  ok  ok  403 403 403 403 401' },
    { what: 'parks scheme (stale version)', url: '/api/v1/evaluation/schemes/dev-zone-per-mu', body: () => scheme('dev-zone-per-mu'),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/evaluation/preview', targets: [
    { what: 'FTZ areas', url: '/api/v1/evaluation/preview', body: () => ({ definition: MATRIX_SCHEME, year: 2023, samples: 10 }),
                                                                    expect: 'ok  ok  ok  403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/evaluation/weights', targets: [
    { what: 'AHP', url: '/api/v1/evaluation/weights', body: () => ({ method: 'ahp', matrix: [[1, 2], [0.5, 1]] }),
                                                                    expect: 'ok  ok  ok  403 403 403 403 401' }] },
  { method: 'POST', path: '/api/v1/evaluation/runs', targets: [
    { what: 'FTZ scheme', url: '/api/v1/evaluation/runs', body: () => ({ scheme: 'ftz-institutional-innovation', year: 2023, samples: 10 }),
                                                                    expect: 'ok  ok  ok  403 403 403 403 401' },
    { what: 'parks scheme', url: '/api/v1/evaluation/runs', body: () => ({ scheme: 'dev-zone-per-mu', year: 2023, samples: 10 }),
                                                                    expect: 'ok  ok  403 403 403 403 403 401' }] },
  { method: 'GET', path: '/api/v1/evaluation/runs', targets: [
    { what: 'FTZ scheme', url: '/api/v1/evaluation/runs?scheme=ftz-institutional-innovation', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  // A draft run is its plan's managers' working copy; a published one is read by everyone signed in.
  { method: 'GET', path: '/api/v1/evaluation/runs/{id}', targets: [
    { what: 'FTZ draft', url: '/api/v1/evaluation/runs/{draftRunIn}', expect: 'ok  ok  ok  404 404 404 404 401' },
    { what: 'parks draft', url: '/api/v1/evaluation/runs/{draftRunOut}', expect: 'ok  ok  404 404 404 404 404 401' },
    { what: 'parks published', url: '/api/v1/evaluation/runs/{publishedRun}', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/evaluation/runs/{id}/report.docx', targets: [
    { what: 'FTZ draft', url: '/api/v1/evaluation/runs/{draftRunIn}/report.docx', expect: 'ok  ok  ok  404 404 404 404 401' },
    { what: 'parks draft', url: '/api/v1/evaluation/runs/{draftRunOut}/report.docx', expect: 'ok  ok  404 404 404 404 404 401' },
    { what: 'parks published', url: '/api/v1/evaluation/runs/{publishedRun}/report.docx', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  { method: 'GET', path: '/api/v1/evaluation/runs/{id}/results.xlsx', targets: [
    { what: 'FTZ draft', url: '/api/v1/evaluation/runs/{draftRunIn}/results.xlsx', expect: 'ok  ok  ok  404 404 404 404 401' },
    { what: 'parks draft', url: '/api/v1/evaluation/runs/{draftRunOut}/results.xlsx', expect: 'ok  ok  404 404 404 404 404 401' },
    { what: 'parks published', url: '/api/v1/evaluation/runs/{publishedRun}/results.xlsx', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
  // Publishing freezes a run: a second publish is 409 (the planner publishes before the administrator tries).
  { method: 'POST', path: '/api/v1/evaluation/runs/{id}/publish', ok: [409], targets: [
    { what: 'FTZ draft', url: '/api/v1/evaluation/runs/{publishRunIn}/publish', expect: 'ok  ok  ok  no  no  no  no  401' },
    { what: 'parks draft', url: '/api/v1/evaluation/runs/{publishRunOut}/publish', expect: 'ok  ok  no  no  no  no  no  401' }] },
  // 督办 from a result is the scheme's plan's managers'. The unit may not call for it (409), or have it already
  // (the administrator's request went first: 409), so 409 passes.
  { method: 'POST', path: '/api/v1/evaluation/runs/{id}/supervise', ok: [409], targets: [
    { what: 'parks published, 蒙自', url: '/api/v1/evaluation/runs/{publishedRun}/supervise',
      body: () => ({ unit: 'ZN-HH-MENGZI', replyBy: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) }),
                                                                    expect: 'ok  ok  no  no  no  no  no  401' }] },
  // A unit's grade history: published runs only, each at the scheme's publication level for the reader.
  { method: 'GET', path: '/api/v1/evaluation/units/{code}/grades', targets: [
    { what: '蒙自', url: '/api/v1/evaluation/units/ZN-HH-MENGZI/grades', expect: 'ok  ok  ok  ok  ok  ok  ok  401' }] },
];

/** A cell the server does not answer as the table says yet (see the header). */
export interface KnownGap {
  route: string;
  target: string;
  actors: Actor[];
  today: number;
  reason: string;
}

// Every issue-21 gap is closed; a new one is listed here with today's answer and the reason.
export const KNOWN_GAPS: KnownGap[] = [];

function user(username: string, orgUnit: string) {
  return { username, displayName: '矩阵', orgUnit, password: 'Matrix-Password-2025', grants: [{ role: 'viewer', orgUnit }] };
}

/** A published figure with its source, as the review screen stores it (a matrix fixture, not a real figure). */
function publishedFigure(plan: string, orgUnit: string, indicator: string) {
  return {
    plan,
    orgUnit,
    source: { title: '矩阵测试来源', publisher: '测试', publishedOn: '2024-02-01', url: 'https://example.org/matrix' },
    figures: [{ indicator, year: 2023, value: '1', statedValue: '1', statedUnit: '亿元', quote: '矩阵测试' }],
  };
}

function acceptDraft(n: number) {
  return {
    plan: { id: `matrix-draft-${n}`, title: '矩阵', issuer: '测试', periodStart: 2021, periodEnd: 2025 },
    targets: [],
    tasks: [],
  };
}
