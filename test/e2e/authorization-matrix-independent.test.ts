import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ACTORS,
  KNOWN_GAPS,
  MATRIX,
  type Actor,
  type Answer,
  type Fixtures,
  type Row,
  type Target,
} from './authorization-matrix.table.ts';
import { ADMIN_TOKEN, loginAs, request, startTestServer, type Auth } from '../support/server.ts';

/**
 * Sends every row of the hand-written matrix (authorization-matrix.table.ts) as every demo account
 * and anonymously, against the real server on a fresh embedded database, and compares the answer's
 * class (ok / 401 / 403 / 404) with the table. Authorization does not depend on the database
 * engine, so one engine is enough here; the scope filters themselves are tested on both elsewhere.
 */

/** The administrator acts last on every target, so that a refused caller never finds the work already done. */
const SEND_ORDER: readonly Actor[] = [...ACTORS].reverse();

const monthOf = (n: number) => `${2000 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;

function parseExpect(target: Target): Record<Actor, Answer> {
  const cells = target.expect.trim().split(/\s+/);
  assert.equal(cells.length, ACTORS.length, `${target.url}: ${cells.length} answers`);
  return Object.fromEntries(ACTORS.map((a, i) => [a, /^\d+$/.test(cells[i]!) ? Number(cells[i]) : cells[i]])) as Record<
    Actor,
    Answer
  >;
}

function matches(expected: Answer, status: number, row: Row): boolean {
  const ok = (status >= 200 && status < 300) || (row.ok ?? []).includes(status);
  if (expected === 'ok') return ok;
  if (expected === 'no') return status === 403 || status === 404;
  return status === expected;
}

function knownGap(row: Row, target: Target, actor: Actor) {
  return KNOWN_GAPS.find(
    (g) => g.route === openApiKey(row.method, row.path) && g.target === target.what && g.actors.includes(actor),
  );
}

const openApiKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

describe('independent authorization matrix (hand-written expectations)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let openApi: string[];
  const auth = new Map<Actor, Auth>([['anonymous', null]]);
  const fixtures: Fixtures = {};

  async function as<T>(actor: Actor, method: string, url: string, body?: unknown, headers?: Record<string, string>) {
    return request<T>(server.url, method, url, { auth: auth.get(actor)!, body, headers });
  }
  async function create(
    key: string,
    actor: Actor,
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) {
    const res = await as<{ id: number }>(actor, method, url, body, headers);
    assert.ok(res.status >= 200 && res.status < 300, `fixture ${key}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    fixtures[key] = res.body.id;
  }

  before(async () => {
    server = await startTestServer('pglite');
    const doc = await request<{ paths: Record<string, Record<string, unknown>> }>(server.url, 'GET', '/api/docs/json', {
      auth: null,
    });
    openApi = Object.entries(doc.body.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => openApiKey(m, path)));
    for (const actor of ACTORS) {
      if (actor === 'anonymous') continue;
      const session = await loginAs(server.url, actor);
      const token = await request<{ secret: string }>(server.url, 'POST', '/api/v1/auth/tokens', {
        auth: session,
        body: { name: 'matrix', scopes: ['read', 'write'] },
      });
      auth.set(actor, { token: token.body.secret });
    }
    auth.set('admin', { token: ADMIN_TOKEN });

    const project = (zone: string) => ({ name: `矩阵固定项目 ${zone}`, zone, totalInvestment: '100' });
    await create('projectIn', 'admin', 'POST', '/api/v1/projects', project('ZN-HH-MENGZI'));
    await create('projectOut', 'admin', 'POST', '/api/v1/projects', project('ZN-KM-HIGHTECH'));
    // Transferred from 昆明 to 蒙自 for 2024 (so it is a 蒙自 project now): the transfer rows act on it.
    await create('projectMoved', 'admin', 'POST', '/api/v1/projects', { ...project('ZN-KM-HIGHTECH'), name: '矩阵流转项目' });
    await create('transfer', 'admin', 'POST', '/api/v1/transfers', {
      project: fixtures.projectMoved,
      toZone: 'ZN-HH-MENGZI',
      shares: { from: '40', to: '60' },
      startMonth: '2024-01',
      endMonth: '2024-12',
      reference: '矩阵固定协议',
    });
    await create('notice', 'admin', 'POST', '/api/v1/tasks/yunnan-pprd-2016/task-01/notices', {
      orgUnit: 'DEPT-FGW',
      text: '矩阵固定督办',
      replyBy: '2099-12-31',
    });
    const planText = '到2025年，全省地区生产总值达到4万亿元。';
    const textPlain = { 'content-type': 'text/plain' };
    await create('draftFtz', 'ftz.planner', 'POST', '/api/v1/ingestion/drafts?fileName=ftz.txt', planText, textPlain);
    await create('draftPlanner', 'planner', 'POST', '/api/v1/ingestion/drafts?fileName=fgw.txt', planText, textPlain);
    await create('hhReporterToken', 'hh.reporter', 'POST', '/api/v1/auth/tokens', { name: 'matrix fixture', scopes: ['read'] });
    const run = (scheme: string) => ({ scheme, year: 2023, samples: 10 });
    for (const [key, scheme] of [
      ['draftRunIn', 'ftz-institutional-innovation'],
      ['draftRunOut', 'dev-zone-per-mu'],
      ['publishedRun', 'dev-zone-per-mu'],
      ['publishRunIn', 'ftz-institutional-innovation'],
      ['publishRunOut', 'dev-zone-per-mu'],
    ] as const)
      await create(key, 'admin', 'POST', '/api/v1/evaluation/runs', run(scheme));
    const published = await as('admin', 'POST', `/api/v1/evaluation/runs/${fixtures.publishedRun}/publish`);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    // History for the audit rows, and the zone the catalogue-import row tries to move.
    for (const unit of ['ZN-HH-MENGZI', 'ZN-KM-HIGHTECH']) {
      const saved = await as('admin', 'PUT', `/api/v1/data-values/${unit}/REVENUE/2024-01`, { value: '1', expectedVersion: 0 });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
    }
    const zone = await as(
      'admin',
      'POST',
      '/api/v1/plans/import',
      'orgUnits:\n  - { code: MATRIX-ZONE, name: 矩阵测试区, kind: development_zone, parent: YN-KM }\n',
    );
    assert.equal(zone.status, 201, JSON.stringify(zone.body));
    // The plan the withdrawal rows withdraw and restore (issue 17 item 5).
    const withdrawable = await as(
      'admin',
      'POST',
      '/api/v1/plans/import',
      'plan: { id: matrix-withdrawal, title: 矩阵撤回规划, issuer: 测试, periodStart: 2021, periodEnd: 2025 }\n',
    );
    assert.equal(withdrawable.status, 201, JSON.stringify(withdrawable.body));
  });

  after(async () => {
    await server?.close();
    await server?.drop();
  });

  it('has a row for every route of the OpenAPI document, and every row names a route that exists', () => {
    const rows = MATRIX.map((r) => openApiKey(r.method, r.path));
    assert.deepEqual(
      rows.filter((r, i) => rows.indexOf(r) !== i),
      [],
      'a route has two rows',
    );
    assert.deepEqual(
      openApi.filter((op) => !rows.includes(op)),
      [],
      'routes of the OpenAPI document without a row in authorization-matrix.table.ts',
    );
    const registered = new Set(server.routes.map((r) => `${r.method} ${r.url}`));
    assert.deepEqual(
      MATRIX.filter((r) => !registered.has(`${r.method} ${fastifyPath(r.path)}`)).map((r) => openApiKey(r.method, r.path)),
      [],
      'rows naming a route the server does not have',
    );
    const cells = new Set(MATRIX.flatMap((r) => r.targets.map((t) => `${openApiKey(r.method, r.path)} [${t.what}]`)));
    assert.deepEqual(
      KNOWN_GAPS.filter((g) => !cells.has(`${g.route} [${g.target}]`)),
      [],
      'known gaps naming no row and target of the table',
    );
    assert.ok(openApi.length > 90, `${openApi.length} operations in the OpenAPI document`);
  });

  it('answers every route × account × target as the table says', async () => {
    let n = 0;
    const failures: string[] = [];
    const gaps: string[] = [];
    for (const row of MATRIX) {
      for (const target of row.targets) {
        const expected = parseExpect(target);
        for (const actor of SEND_ORDER) {
          n++;
          const url = await resolve(target.url, actor, n);
          const body = target.body?.(n, fixtures);
          // Signing in is what anonymous callers do: the login row is sent without credentials by everyone.
          const who = row.path === '/api/v1/auth/login' ? null : auth.get(actor)!;
          const res = await request(server.url, row.method, url, { auth: who, body });
          const cell = `${row.method} ${url} [${target.what}] as ${actor}`;
          const gap = knownGap(row, target, actor);
          if (gap) {
            if (matches(expected[actor], res.status, row))
              failures.push(`${cell}: answers ${res.status} as the table says: the known gap is closed, remove it`);
            else if (res.status !== gap.today) failures.push(`${cell}: ${res.status}, known gap said ${gap.today}`);
            else gaps.push(`${cell}: ${res.status}, should be ${expected[actor]} (${gap.reason})`);
          } else if (!matches(expected[actor], res.status, row))
            failures.push(`${cell}: ${res.status}, table says ${expected[actor]} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
      }
    }
    if (gaps.length > 0) console.log(`known authorization gaps (${gaps.length}):\n  ${gaps.join('\n  ')}`);
    assert.deepEqual(failures, []);
    assert.ok(n > 900, `${n} requests`);
  });

  // A refused role must not learn a route's schema: it is refused the same way with an empty body.
  it('refuses the same way whatever the body: authorization before validation', async () => {
    let n = 100_000;
    const failures: string[] = [];
    for (const row of MATRIX) {
      for (const target of row.targets) {
        if (!target.body) continue;
        const expected = parseExpect(target);
        const valid = target.body(0, fixtures);
        // The same kind of body, empty: JSON {}, an empty text or file.
        const empty = valid instanceof Uint8Array ? new Uint8Array() : typeof valid === 'string' ? '' : {};
        for (const actor of SEND_ORDER) {
          const answer = expected[actor];
          if (answer === 'ok' || knownGap(row, target, actor) || row.path === '/api/v1/auth/login') continue;
          if (target.bodyDecides?.includes(actor)) continue;
          const url = await resolve(target.url, actor, ++n);
          const res = await request(server.url, row.method, url, { auth: auth.get(actor)!, body: empty });
          const cell = `${row.method} ${url} [${target.what}, empty body] as ${actor}`;
          if (!matches(answer, res.status, row))
            failures.push(`${cell}: ${res.status}, table says ${answer} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  /** Fills the placeholders of a target URL; {ownToken} is a token the caller creates just before. */
  async function resolve(template: string, actor: Actor, n: number): Promise<string> {
    let url = template.replace('{month}', monthOf(n));
    if (url.includes('{ownToken}')) {
      let id = 1;
      if (actor !== 'anonymous') {
        const t = await as<{ id: number }>(actor, 'POST', '/api/v1/auth/tokens', { name: 'to revoke', scopes: ['read'] });
        id = t.body.id;
      }
      url = url.replace('{ownToken}', String(id));
    }
    return url.replace(/\{(\w+)\}/g, (_m, key: string) => {
      assert.ok(key in fixtures, `no fixture ${key}`);
      return String(fixtures[key]);
    });
  }
});
