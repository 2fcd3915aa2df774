import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { snapshot } from '../support/databases.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

type Refusal = { error: { code: string; message: string; messageZh: string; details?: { field: string } } };

describe('text with NUL or a lone surrogate is refused with 400 INVALID_TEXT, naming the field', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let planner: Session;
  let reporter: Session;
  before(async () => {
    server = await startTestServer('pglite');
    planner = await loginAs(server.url, 'planner');
    reporter = await loginAs(server.url, 'mengzi.reporter');
  });
  after(async () => {
    await server.close();
  });

  /** Sends raw JSON text, so that "\ud800" reaches the server exactly as an attacker writes it. */
  const rawJson = (method: string, path: string, json: string, auth: Session | null) =>
    request<Refusal>(server.url, method, path, { auth, body: json, headers: { 'content-type': 'application/json' } });

  const assertRefused = (res: { status: number; body: Refusal }, field: string) => {
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'INVALID_TEXT');
    assert.equal(res.body.error.details?.field, field);
    assert.ok(res.body.error.message.includes(field), res.body.error.message);
    assert.ok(res.body.error.messageZh.includes(field), res.body.error.messageZh);
  };

  it('a NUL in the username at login', async () => {
    const before = await snapshot(server.database);
    const res = await rawJson('POST', '/api/v1/auth/login', '{"username":"admin\\u0000","password":"x"}', null);
    assertRefused(res, 'body/username');
    assert.deepEqual(await snapshot(server.database), before);
  });

  it('a lone surrogate in a JSON field, and in a JSON key, at depth', async () => {
    const res = await rawJson('POST', '/api/v1/auth/login', '{"username":"\\ud800","password":"x"}', null);
    assertRefused(res, 'body/username');
    const form = 'DEV_ZONE_MONTHLY';
    const deep = await rawJson(
      'PUT',
      `/api/v1/submissions/${form}/ZN-HH-MENGZI/2024-01/values`,
      '{"values":[],"explanations":{"GDP\\udc00":"x"}}',
      // The zone's own reporter: authorization comes before the body is read, so another role is refused first.
      reporter,
    );
    assertRefused(deep, 'body/explanations/GDP\\udc00(key)');
  });

  it('a NUL in a query string and in a path parameter', async () => {
    const q = await request<Refusal>(server.url, 'GET', '/api/v1/plans?q=%00', { auth: planner });
    assertRefused(q, 'query/q');
    const p = await request<Refusal>(server.url, 'GET', '/api/v1/plans/x%00y', { auth: planner });
    assertRefused(p, 'params/id');
    const health = await request(server.url, 'GET', '/api/v1/health', { auth: null });
    assert.equal(health.status, 200);
  });

  it('a NUL in a YAML plan file', async () => {
    const res = await request<Refusal>(server.url, 'POST', '/api/v1/plans/import', {
      auth: planner,
      body: 'plan:\n  id: x\u0000\n',
    });
    assertRefused(res, 'body');
  });
});
