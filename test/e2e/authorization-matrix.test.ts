import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { authorize, type Resource } from '../../src/domain/access/authorize.ts';
import type { RoleGrant } from '../../src/domain/access/roles.ts';
import { parentLinks } from '../../src/repositories/org-unit.repository.ts';
import { grantsOf, findUserByUsername } from '../../src/repositories/user.repository.ts';
import { DEMO_ACCOUNTS } from '../../src/services/demo-accounts.service.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { loginAs, request, startTestServer, type Auth } from '../support/server.ts';

/**
 * One example request per route, inside and (where the rule is scoped) outside a 红河州 user's
 * scope. The expected status comes from the route's own rule and the pure authorize(): a new
 * route without a rule cannot even be registered, and one without an example fails here.
 */
interface Example {
  method: string;
  url: (n: number) => string;
  body?: (n: number) => unknown;
  resource: Resource;
  ok: number;
}
type Examples = Record<string, { inside: Example; outside?: Example }>;

const planYaml = (id: string) => `plan: { id: ${id}, title: 矩阵测试规划, issuer: 测试, periodStart: 2021, periodEnd: 2025 }\n`;

/** A small valid evaluation scheme (the FTZ areas on one indicator) for the evaluation routes. */
const MATRIX_SCHEME = {
  code: 'ftz-institutional-innovation',
  name: '矩阵测试评价',
  subject: { kinds: ['ftz_area'] },
  indicators: [{ code: 'REFORM_TASKS_DONE', name: '改革试点任务落实数', weight: 1 }],
  grades: [
    { label: '好', minScore: 50 },
    { label: '差', minScore: 0 },
  ],
};

const monthOf = (n: number) => `${2000 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;

const get = (url: string, resource: Resource = {}): Example => ({ method: 'GET', url: () => url, resource, ok: 200 });

/** A write on one zone's June 2023 sheet. */
const submissionCall = (method: string, orgUnit: string, step: string, ok: number, body: unknown): Example => ({
  method,
  url: () => `/api/v1/submissions/DEV_ZONE_MONTHLY/${orgUnit}/2023-06/${step}`,
  body: () => body,
  resource: { orgUnit },
  ok,
});

const EXAMPLES: Examples = {
  // Projects (三张作战图) and cross-zone transfer (issue 8): writes need `report` on the project's zone,
  // agreements `define_plans`; project 999999 does not exist, so permitted callers get 404.
  'GET /api/v1/projects': { inside: get('/api/v1/projects') },
  'POST /api/v1/projects': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/projects',
      body: (n) => ({ name: `矩阵项目 ${n}`, zone: 'ZN-HH-MENGZI', totalInvestment: '100' }),
      resource: { orgUnit: 'ZN-HH-MENGZI' },
      ok: 201,
    },
    outside: {
      method: 'POST',
      url: () => '/api/v1/projects',
      body: (n) => ({ name: `矩阵项目 ${n}`, zone: 'ZN-KM-HIGHTECH', totalInvestment: '100' }),
      resource: { orgUnit: 'ZN-KM-HIGHTECH' },
      ok: 201,
    },
  },
  'GET /api/v1/projects/boards': { inside: get('/api/v1/projects/boards') },
  'GET /api/v1/projects/map': { inside: get('/api/v1/projects/map') },
  'GET /api/v1/projects/chains': { inside: get('/api/v1/projects/chains') },
  'GET /api/v1/projects/:id': { inside: { ...get('/api/v1/projects/999999'), ok: 404 } },
  'PUT /api/v1/projects/:id': {
    inside: { method: 'PUT', url: () => '/api/v1/projects/999999', body: () => ({ version: 1 }), resource: {}, ok: 404 },
  },
  'POST /api/v1/projects/:id/stage': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/projects/999999/stage',
      body: () => ({ version: 1, to: 'packaging' }),
      resource: {},
      ok: 404,
    },
  },
  'PUT /api/v1/projects/:id/figures': {
    inside: {
      method: 'PUT',
      url: () => '/api/v1/projects/999999/figures',
      body: () => ({ version: 1, figures: [{ month: '2024-01', investment: '1' }] }),
      resource: {},
      ok: 404,
    },
  },
  'GET /api/v1/transfers': { inside: get('/api/v1/transfers') },
  'POST /api/v1/transfers': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/transfers',
      body: () => ({
        project: 999999,
        toZone: 'ZN-HH-MENGZI',
        shares: { from: '40', to: '60' },
        startMonth: '2024-01',
        reference: '矩阵',
      }),
      resource: {},
      ok: 404,
    },
  },
  'POST /api/v1/transfers/:id/end': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/transfers/999999/end',
      body: () => ({ version: 1, endMonth: '2024-06', reason: '矩阵' }),
      resource: {},
      ok: 404,
    },
  },
  'GET /api/v1/zones/:code/attribution': {
    inside: get('/api/v1/zones/ZN-HH-MENGZI/attribution?at=2024'),
    outside: { ...get('/api/v1/zones/ZN-KM-HIGHTECH/attribution?at=2024'), ok: 200 },
  },
  'GET /api/v1/health': { inside: get('/api/v1/health') },
  'GET /api/v1/health/live': { inside: get('/api/v1/health/live') },
  'GET /api/v1/health/ready': { inside: get('/api/v1/health/ready') },
  'POST /api/v1/auth/login': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/auth/login',
      body: () => ({ username: 'leader', password: 'PlanTrack-Demo-2025' }),
      resource: {},
      ok: 200,
    },
  },
  'POST /api/v1/auth/logout': { inside: { method: 'POST', url: () => '/api/v1/auth/logout', resource: {}, ok: 204 } },
  'GET /api/v1/auth/me': { inside: get('/api/v1/auth/me') },
  'GET /api/v1/auth/tokens': { inside: get('/api/v1/auth/tokens') },
  'POST /api/v1/auth/tokens': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/auth/tokens',
      body: (n) => ({ name: `matrix ${n}`, scopes: ['read'] }),
      resource: {},
      ok: 201,
    },
  },
  'DELETE /api/v1/auth/tokens/:id': {
    inside: { method: 'DELETE', url: () => '/api/v1/auth/tokens/{ownToken}', resource: {}, ok: 204 },
  },
  'GET /api/v1/users': { inside: get('/api/v1/users') },
  'POST /api/v1/users': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/users',
      body: (n) => ({
        username: `matrix.in${n}`,
        displayName: '矩阵',
        orgUnit: 'ZN-HH-MENGZI',
        password: 'Matrix-Password-2025',
        grants: [{ role: 'viewer', orgUnit: 'ZN-HH-MENGZI' }],
      }),
      resource: { orgUnit: 'ZN-HH-MENGZI' },
      ok: 201,
    },
    outside: {
      method: 'POST',
      url: () => '/api/v1/users',
      body: (n) => ({
        username: `matrix.out${n}`,
        displayName: '矩阵',
        orgUnit: 'YN-KM',
        password: 'Matrix-Password-2025',
        grants: [{ role: 'viewer', orgUnit: 'YN-KM' }],
      }),
      resource: { orgUnit: 'YN-KM' },
      ok: 201,
    },
  },
  'GET /api/v1/audit': { inside: get('/api/v1/audit?entity=plan&key=yunnan-ftz-2021-2025') },
  'GET /api/v1/audit/verify': { inside: get('/api/v1/audit/verify') },
  'GET /api/v1/admin/backup': { inside: get('/api/v1/admin/backup') },
  'PUT /api/v1/data-values/:orgUnit/:indicator/:period': {
    inside: {
      method: 'PUT',
      url: (n) => `/api/v1/data-values/ZN-HH-MENGZI/REVENUE/${monthOf(n)}`,
      body: () => ({ value: '12.5', expectedVersion: 0 }),
      resource: { orgUnit: 'ZN-HH-MENGZI' },
      ok: 200,
    },
    outside: {
      method: 'PUT',
      url: (n) => `/api/v1/data-values/YN-KM/REVENUE/${monthOf(n)}`,
      body: () => ({ value: '12.5', expectedVersion: 0 }),
      resource: { orgUnit: 'YN-KM' },
      ok: 200,
    },
  },
  'POST /api/v1/plans/import': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/plans/import',
      body: (n) => planYaml(`yunnan-ftz-2021-2025`).replace('yunnan-ftz-2021-2025', `matrix-${n}`),
      resource: { plan: 'matrix' },
      ok: 201,
    },
  },
  'POST /api/v1/ingestion/drafts': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/ingestion/drafts?fileName=matrix.txt',
      body: () => '到2025年，全省地区生产总值达到4万亿元。',
      resource: {},
      ok: 201,
    },
  },
  'GET /api/v1/ingestion/drafts/:id': { inside: get('/api/v1/ingestion/drafts/1') },
  'POST /api/v1/ingestion/drafts/:id/accept': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/ingestion/drafts/1/accept',
      body: (n) => ({
        plan: { id: `matrix-draft-${n}`, title: '矩阵', issuer: '测试', periodStart: 2021, periodEnd: 2025 },
        targets: [],
        tasks: [],
      }),
      resource: { plan: 'matrix-draft' },
      ok: 201,
    },
  },
  'GET /api/v1/plans': { inside: get('/api/v1/plans') },
  // Setting the method it already has (official): permitted planners get 200, and nothing changes for the others.
  'PUT /api/v1/plans/:id/progress-method': {
    inside: {
      method: 'PUT',
      url: () => '/api/v1/plans/yunnan-pprd-2016/progress-method',
      body: () => ({ method: null }),
      resource: { plan: 'yunnan-pprd-2016' },
      ok: 200,
    },
  },
  'GET /api/v1/plans/:id': { inside: get('/api/v1/plans/yunnan-ftz-2021-2025') },
  'GET /api/v1/plans/:id/sections': { inside: get('/api/v1/plans/yunnan-ftz-2021-2025/sections') },
  'GET /api/v1/plans/:id/source': { inside: get('/api/v1/plans/yunnan-ftz-2021-2025/source') },
  'GET /api/v1/targets': { inside: get('/api/v1/targets?plan=yunnan-parks-2021-2025') },
  'GET /api/v1/consistency': { inside: get('/api/v1/consistency?plan=kunming-bonded-zone-2021-2025') },
  'GET /api/v1/tasks': { inside: get('/api/v1/tasks?plan=yunnan-pprd-2016') },
  'GET /api/v1/org-units': { inside: get('/api/v1/org-units') },
  'GET /api/v1/org-units/:code': {
    inside: get('/api/v1/org-units/ZN-HH-MENGZI'),
    outside: { ...get('/api/v1/org-units/YN-KM'), ok: 200 },
  },
  'GET /api/v1/groups': { inside: get('/api/v1/groups') },
  // An unknown group: every permitted caller gets the same 400 and no membership changes.
  'POST /api/v1/groups/members': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/groups/members',
      body: () => ({ changes: [{ group: 'no-such-group', add: ['YN-530102'] }], reason: '矩阵测试' }),
      resource: {},
      ok: 400,
    },
  },
  'GET /api/v1/indicators': { inside: get('/api/v1/indicators') },
  'GET /api/v1/data-values': { inside: get('/api/v1/data-values') },
  'GET /api/v1/forms': { inside: get('/api/v1/forms') },
  'GET /api/v1/forms/:form': { inside: get('/api/v1/forms/DEV_ZONE_MONTHLY') },
  // A stale version: every permitted caller gets the same 409, and the rules stay as shipped.
  'PUT /api/v1/forms/:form/rules': {
    inside: {
      method: 'PUT',
      url: () => '/api/v1/forms/PREFECTURE_ANNUAL/rules',
      body: () => ({ version: 999, rules: [] }),
      resource: {},
      ok: 409,
    },
  },
  'POST /api/v1/forms/:form/rules/test': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/forms/PREFECTURE_ANNUAL/rules/test',
      body: () => ({ period: '2024', values: { GDP: '3000' } }),
      resource: {},
      ok: 200,
    },
  },
  'GET /api/v1/forms/:form/completeness': { inside: get('/api/v1/forms/PREFECTURE_ANNUAL/completeness?period=2024') },
  // A dry run of a sheet naming one zone: permitted reporters inside the scope get a preview, outside it the
  // preview lists an outside_scope problem (the answer is still 200: nothing is written either way).
  'POST /api/v1/forms/:form/imports': {
    inside: {
      method: 'POST',
      url: () => `/api/v1/forms/DEV_ZONE_MONTHLY/imports?fileName=m.csv&dryRun=true&period=2023-06`,
      body: () => new TextEncoder().encode('单位代码,营业收入（亿元）\nZN-HH-MENGZI,12.5\n'),
      resource: {},
      ok: 200,
    },
  },
  'POST /api/v1/forms/:form/values': {
    inside: {
      method: 'POST',
      url: () => `/api/v1/forms/DEV_ZONE_MONTHLY/values?dryRun=true&period=2023-06`,
      body: () => ({ values: [{ orgUnit: 'ZN-HH-MENGZI', indicator: 'REVENUE', value: '12.5' }] }),
      resource: {},
      ok: 200,
    },
  },
  'GET /api/v1/forms/:form/template': { inside: get('/api/v1/forms/DEV_ZONE_MONTHLY/template?period=2023-06') },
  'GET /api/v1/reporting/my-work': { inside: get('/api/v1/reporting/my-work') },
  'GET /api/v1/progress': { inside: get('/api/v1/progress?plan=yunnan-ftz-2021-2025&at=2023') },
  'GET /api/v1/progress/map': { inside: get('/api/v1/progress/map?indicator=REVENUE&at=2023') },
  // A group target with a 红河 member inside the scope; a 昆明 zone's target outside it.
  'GET /api/v1/progress/:plan/targets/:key': {
    inside: get('/api/v1/progress/yunnan-parks-2021-2025/targets/zones-revenue-growth-2025?at=2023'),
    outside: { ...get('/api/v1/progress/yunnan-parks-2021-2025/targets/km-hightech-revenue-2025?at=2023'), ok: 200 },
  },
  'GET /api/v1/progress/:plan/comparison': {
    inside: get('/api/v1/progress/yunnan-parks-2021-2025/comparison?indicator=REVENUE&at=2023&by=zone_level'),
  },
  // Industry map (issue 8 part 4): the map lists the zones in scope; a zone's profile outside the scope is a 404.
  'GET /api/v1/industry-map': { inside: get('/api/v1/industry-map?chain=green_aluminium&level=national') },
  'GET /api/v1/zones/:code/profile': {
    inside: get('/api/v1/zones/ZN-HH-MENGZI/profile?at=2023'),
    outside: { ...get('/api/v1/zones/ZN-KM-ETDZ/profile?at=2023'), ok: 200 },
  },
  'GET /api/v1/reports/monitoring': {
    inside: get('/api/v1/reports/monitoring?plan=yunnan-ftz-2021-2025&at=2023&format=xlsx'),
  },
  'GET /api/v1/reporting/review-queue': { inside: get('/api/v1/reporting/review-queue') },
  'GET /api/v1/reporting/overdue': { inside: get('/api/v1/reporting/overdue') },
  'GET /api/v1/warnings': { inside: get('/api/v1/warnings?open=true') },
  'GET /api/v1/progress/stale': {
    inside: get('/api/v1/progress/stale?plan=yunnan-ftz-2021-2025&at=2024', { plan: 'yunnan-ftz-2021-2025' }),
  },
  'GET /api/v1/inbox': { inside: get('/api/v1/inbox') },
  // Nobody owns notification 999999: a signed-in caller gets 404, never someone else's item.
  'POST /api/v1/inbox/:id/read': { inside: { method: 'POST', url: () => '/api/v1/inbox/999999/read', resource: {}, ok: 404 } },
  'POST /api/v1/inbox/read-all': { inside: { method: 'POST', url: () => '/api/v1/inbox/read-all', resource: {}, ok: 200 } },
  'GET /api/v1/submissions/:form/:orgUnit/:period': {
    inside: get('/api/v1/submissions/DEV_ZONE_MONTHLY/ZN-HH-MENGZI/2023-06'),
    outside: get('/api/v1/submissions/DEV_ZONE_MONTHLY/ZN-KM-HIGHTECH/2023-06'),
  },
  'PUT /api/v1/submissions/:form/:orgUnit/:period/values': {
    inside: submissionCall('PUT', 'ZN-HH-MENGZI', 'values', 200, { values: [] }),
    outside: submissionCall('PUT', 'ZN-KM-HIGHTECH', 'values', 200, { values: [] }),
  },
  // Empty sheets: a permitted submit is refused for missing figures, the review steps for the state.
  'POST /api/v1/submissions/:form/:orgUnit/:period/submit': {
    inside: submissionCall('POST', 'ZN-HH-MENGZI', 'submit', 422, { version: 0 }),
    outside: submissionCall('POST', 'ZN-KM-HIGHTECH', 'submit', 422, { version: 0 }),
  },
  'POST /api/v1/submissions/:form/:orgUnit/:period/approve': {
    inside: submissionCall('POST', 'ZN-HH-MENGZI', 'approve', 409, { version: 0 }),
    outside: submissionCall('POST', 'ZN-KM-HIGHTECH', 'approve', 409, { version: 0 }),
  },
  'POST /api/v1/submissions/:form/:orgUnit/:period/return': {
    inside: submissionCall('POST', 'ZN-HH-MENGZI', 'return', 409, { version: 0, comment: '请核实' }),
    outside: submissionCall('POST', 'ZN-KM-HIGHTECH', 'return', 409, { version: 0, comment: '请核实' }),
  },
  'POST /api/v1/submissions/:form/:orgUnit/:period/reopen': {
    inside: submissionCall('POST', 'ZN-HH-MENGZI', 'reopen', 409, { version: 0, comment: '数据有误' }),
    outside: submissionCall('POST', 'ZN-KM-HIGHTECH', 'reopen', 409, { version: 0, comment: '数据有误' }),
  },
  // Evaluation and ranking (issue 7): reads for everyone signed in; edits, runs and publishing for plan managers.
  // The first permitted POST /evaluation/runs (the admin's) creates run 1, which the later GETs read; the save
  // names a stale base version (409) and the publish an unknown run (404) so that repeats stay repeatable.
  'GET /api/v1/evaluation/schemes': { inside: get('/api/v1/evaluation/schemes') },
  'GET /api/v1/evaluation/schemes/:code': { inside: get('/api/v1/evaluation/schemes/ftz-institutional-innovation') },
  'PUT /api/v1/evaluation/schemes/:code': {
    inside: {
      method: 'PUT',
      url: () => '/api/v1/evaluation/schemes/ftz-institutional-innovation',
      body: () => ({ definition: MATRIX_SCHEME, baseVersion: 99 }),
      resource: {},
      ok: 409,
    },
  },
  'POST /api/v1/evaluation/preview': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/evaluation/preview',
      body: () => ({ definition: MATRIX_SCHEME, year: 2023, samples: 10 }),
      resource: {},
      ok: 200,
    },
  },
  'POST /api/v1/evaluation/weights': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/evaluation/weights',
      body: () => ({
        method: 'ahp',
        matrix: [
          [1, 2],
          [0.5, 1],
        ],
      }),
      resource: {},
      ok: 200,
    },
  },
  'POST /api/v1/evaluation/runs': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/evaluation/runs',
      body: () => ({ scheme: 'ftz-institutional-innovation', year: 2023, samples: 10 }),
      resource: {},
      ok: 200,
    },
  },
  'GET /api/v1/evaluation/runs': { inside: get('/api/v1/evaluation/runs?scheme=ftz-institutional-innovation') },
  'GET /api/v1/evaluation/runs/:id': { inside: get('/api/v1/evaluation/runs/1') },
  'POST /api/v1/evaluation/runs/:id/publish': {
    inside: { method: 'POST', url: () => '/api/v1/evaluation/runs/999999/publish', resource: {}, ok: 404 },
  },
  'GET /api/v1/evaluation/runs/:id/report.docx': { inside: get('/api/v1/evaluation/runs/1/report.docx') },
  'GET /api/v1/evaluation/runs/:id/results.xlsx': { inside: get('/api/v1/evaluation/runs/1/results.xlsx') },
  // Tasks and supervision (issue 8 parts 1 and 5). No 004 task has a unit under 蒙自, so the task read
  // inside names a task that does not exist (404 for all) and the one outside a task of provincial
  // departments only (task-01), which 红河 and 蒙自 users cannot see.
  // Updates and contributions act for the unit named in the body; milestone and 销号 name a stale
  // version (409), notices 999999 and the null attachment do not exist (404): repeats stay repeatable.
  'GET /api/v1/tasks/tracking': { inside: get('/api/v1/tasks/tracking?plan=yunnan-pprd-2016') },
  'GET /api/v1/tasks/board': {
    inside: get('/api/v1/tasks/board?orgUnit=ZN-HH-MENGZI', { orgUnit: 'ZN-HH-MENGZI' }),
    outside: get('/api/v1/tasks/board?orgUnit=YN-KM', { orgUnit: 'YN-KM' }),
  },
  'GET /api/v1/tasks/export': { inside: get('/api/v1/tasks/export?plan=yunnan-pprd-2016', { plan: 'yunnan-pprd-2016' }) },
  'POST /api/v1/tasks/import': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/tasks/import?plan=yunnan-pprd-2016&dryRun=true',
      body: () => new TextEncoder().encode('not a workbook'),
      resource: { plan: 'yunnan-pprd-2016' },
      ok: 422,
    },
  },
  'GET /api/v1/tasks/:plan/:key': {
    inside: { method: 'GET', url: () => '/api/v1/tasks/yunnan-pprd-2016/no-such-task', resource: {}, ok: 404 },
    outside: get('/api/v1/tasks/yunnan-pprd-2016/task-01'),
  },
  'POST /api/v1/tasks/:plan/:key/milestones': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/tasks/yunnan-pprd-2016/task-01/milestones',
      body: () => ({ title: '矩阵', dueOn: '2030-01-01', version: 999999 }),
      resource: { plan: 'yunnan-pprd-2016' },
      ok: 409,
    },
  },
  'POST /api/v1/tasks/:plan/:key/updates': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/tasks/yunnan-pprd-2016/task-01/updates',
      body: () => ({ orgUnit: 'DEPT-FGW', text: '矩阵进展', percent: 10 }),
      resource: { orgUnit: 'DEPT-FGW', plan: 'yunnan-pprd-2016' },
      ok: 201,
    },
  },
  'POST /api/v1/tasks/:plan/:key/contributions': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/tasks/yunnan-pprd-2016/task-01/contributions',
      body: () => ({ orgUnit: 'DEPT-SWT', text: '矩阵配合' }),
      resource: { orgUnit: 'DEPT-SWT', plan: 'yunnan-pprd-2016' },
      ok: 201,
    },
  },
  'POST /api/v1/tasks/:plan/:key/close': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/tasks/yunnan-pprd-2016/task-01/close',
      body: () => ({ reason: '矩阵', version: 999999 }),
      resource: { plan: 'yunnan-pprd-2016' },
      ok: 409,
    },
  },
  'POST /api/v1/tasks/:plan/:key/notices': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/tasks/yunnan-pprd-2016/task-01/notices',
      body: () => ({ orgUnit: 'DEPT-FGW', text: '矩阵督办', replyBy: '2099-12-31' }),
      resource: { plan: 'yunnan-pprd-2016' },
      ok: 201,
    },
  },
  'POST /api/v1/task-notices/:id/reply': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/task-notices/999999/reply',
      body: () => ({ text: '矩阵' }),
      resource: {},
      ok: 404,
    },
  },
  'POST /api/v1/task-notices/:id/close': {
    inside: { method: 'POST', url: () => '/api/v1/task-notices/999999/close', resource: {}, ok: 404 },
  },
  'POST /api/v1/attachments': {
    inside: {
      method: 'POST',
      url: () => '/api/v1/attachments?name=matrix.txt',
      body: () => new TextEncoder().encode('矩阵附件'),
      resource: {},
      ok: 201,
    },
  },
  'GET /api/v1/attachments/:id': {
    inside: { method: 'GET', url: () => '/api/v1/attachments/00000000-0000-0000-0000-000000000000', resource: {}, ok: 404 },
  },
};

const USERS = ['admin', 'planner', 'ftz.planner', 'hh.reviewer', 'hh.reporter', 'mengzi.reporter', 'leader'] as const;

for (const kind of DATABASE_KINDS) {
  describe(`authorization matrix on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    const tokens = new Map<string, string>();
    const grants = new Map<string, RoleGrant[]>();
    let parents: Map<string, string | null>;
    before(async () => {
      server = await startTestServer(kind);
      parents = await parentLinks(server.database.db);
      for (const username of USERS) {
        const session = await loginAs(server.url, username);
        const created = await request<{ secret: string }>(server.url, 'POST', '/api/v1/auth/tokens', {
          auth: session,
          body: { name: 'matrix', scopes: ['read', 'write'] },
        });
        tokens.set(username, created.body.secret);
        const user = (await findUserByUsername(server.database.db, username))!;
        grants.set(username, await grantsOf(server.database.db, user.id));
      }
    });
    after(async () => {
      await server.close();
      await server.drop();
    });

    it('has an example for every registered API route, and every route has a rule', () => {
      const registered = server.routes.map((r) => `${r.method} ${r.url}`).sort();
      assert.deepEqual(registered, Object.keys(EXAMPLES).sort());
      assert.ok(DEMO_ACCOUNTS.every((a) => (USERS as readonly string[]).includes(a.username)));
    });

    it('answers every route × role × inside/outside scope as the rule says', async () => {
      let n = 0;
      const failures: string[] = [];
      for (const route of server.routes) {
        const example = EXAMPLES[`${route.method} ${route.url}`]!;
        for (const [where, ex] of Object.entries(example)) {
          for (const username of [...USERS, null]) {
            n++;
            let url = ex.url(n);
            let auth: Auth = username === null ? null : { token: tokens.get(username)! };
            if (url.includes('{ownToken}')) {
              if (username === null) url = url.replace('{ownToken}', '1');
              else {
                const t = await request<{ id: number }>(server.url, 'POST', '/api/v1/auth/tokens', {
                  auth,
                  body: { name: 'to revoke', scopes: ['read'] },
                });
                url = url.replace('{ownToken}', String(t.body.id));
              }
            }
            const expected = (() => {
              const access = route.access;
              if (access.action === 'public') return ex.ok;
              if (username === null) return 401;
              if (access.action === 'authenticated') return ex.ok;
              const resource = ex.resource.plan?.startsWith('matrix') ? { plan: `${ex.resource.plan}-${n}` } : ex.resource;
              const allowed = authorize(grants.get(username)!, access.action, resource, (c) => parents.get(c));
              // Reading one unit outside the scope answers 404 so that its existence does not leak.
              if (allowed && access.action === 'read' && where === 'outside') return readable(username, 'YN-KM') ? ex.ok : 404;
              return allowed ? ex.ok : 403;
            })();
            if (username === null && route.url === '/api/v1/auth/login') auth = null;
            const res = await request(server.url, ex.method, url, { auth, body: ex.body?.(n) });
            if (res.status !== expected)
              failures.push(
                `${route.method} ${route.url} [${where}] as ${username ?? 'anonymous'}: ${res.status} ≠ ${expected} ${JSON.stringify(res.body).slice(0, 120)}`,
              );
          }
        }
      }
      assert.deepEqual(failures, []);
      assert.ok(n > 150, `${n} cases`);
    });

    function readable(username: string, unit: string): boolean {
      return grants.get(username)!.some((g) => g.scopeOrgUnit === null || g.scopeOrgUnit === unit);
    }
  });
}
