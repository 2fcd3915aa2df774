import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { request, startTestServer } from '../support/server.ts';

/**
 * Issue 21: no request makes the server fail. fast-check sends every operation of the OpenAPI
 * document generated requests — bodies shaped from the operation's schema with wrong types, huge
 * numbers, deep nesting, NUL and lone surrogates, long strings; arbitrary JSON; raw bytes for the
 * upload routes; hostile query strings and path parameters (bad percent-escapes, repeated keys) —
 * and asserts that no answer is a 5xx and that the server still answers its health probe.
 *
 * The requests are sent as the administrator (a write token of its own), so that authorization
 * lets them through to validation and the services. The run is deterministic (a fixed seed per
 * operation) and bounded (a few requests per operation; the slow ones fewer). The OpenAPI document
 * has no restore route; the two operations that end the caller's own access (logout and revoking
 * a token) run last, on their own token, so that no earlier operation loses its credentials.
 *
 * A request that failed once stays below as a regression example (REGRESSIONS).
 */

const SEED = 2026_1206;
const RUNS = 6;
/** Operations whose one request costs much more (a whole-database dump, Monte Carlo evaluation, reports). */
const FEWER_RUNS: Record<string, number> = {
  'GET /api/v1/admin/backup': 2,
  'POST /api/v1/ingestion/drafts': 4,
  'GET /api/v1/reporting/my-work': 3,
  'GET /api/v1/reporting/overdue': 3,
  'GET /api/v1/forms': 3,
  'POST /api/v1/evaluation/runs': 4,
  'POST /api/v1/evaluation/preview': 4,
  'GET /api/v1/reports/monitoring': 4,
  'GET /api/v1/evaluation/runs/{id}/report.docx': 4,
  'GET /api/v1/evaluation/runs/{id}/results.xlsx': 4,
};
/** Operations that end the caller's own access: sent last. */
const LAST = ['POST /api/v1/auth/logout', 'DELETE /api/v1/auth/tokens/{id}'];
/** Operations whose body is a raw upload (a document, workbook, CSV or attachment), not JSON. */
const RAW_BODY = new Set([
  'POST /api/v1/ingestion/drafts',
  'POST /api/v1/forms/{form}/imports',
  'POST /api/v1/tasks/import',
  'POST /api/v1/attachments',
  'POST /api/v1/plans/import',
]);

type Schema = {
  type?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  nullable?: boolean;
  pattern?: string;
  minimum?: number;
  maximum?: number;
};
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  jsonBody?: Schema;
}
interface Sent {
  url: string;
  body?: { kind: 'json'; value: unknown } | { kind: 'raw'; contentType: string; bytes: Uint8Array };
}

// ── Hostile values ────────────────────────────────────────────────────────────────────────────
const deepArray = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => [inner], 0);
const deepObject = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: inner }), 0);
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '𝟘𝟙',
  'x'.repeat(70_000),
  '漢'.repeat(20_000),
  "'; drop table plan; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  '99999999999999999999999999999999',
  '2024-13-45',
  '0000-00',
  '2024-02-30',
  '9999-12',
];
const HOSTILE_NUMBERS = [1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 2 ** 31, -1, 0, 0.5, 5e-324, 1e21];
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...HOSTILE_STRINGS),
  fc.constantFrom<unknown>(...HOSTILE_NUMBERS),
  fc.constantFrom<unknown>(null, true, false, [], {}, [null], { '': null }),
  fc.constantFrom<unknown>(deepArray(2_000), deepObject(1_000), deepArray(40)),
  // An own "__proto__" key, as JSON.parse makes it (a literal would set the prototype instead).
  fc.constant<unknown>(JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}')),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Strings a route is likely to know (codes, periods), so that requests also reach the services. */
const KNOWN_TEXT = [
  'ZN-HH-MENGZI',
  'ZN-KM-HIGHTECH',
  'YN-HH',
  'YN-KM',
  'YN',
  'DEPT-FGW',
  'yunnan-pprd-2016',
  'yunnan-ftz-2021-2025',
  'yunnan-parks-2021-2025',
  'task-01',
  'DEV_ZONE_MONTHLY',
  'FTZ_AREA_QUARTERLY',
  'REVENUE',
  'GDP',
  'ftz-institutional-innovation',
  'dev-zone-per-mu',
  'green_aluminium',
  '2023',
  '2024-01',
  '2024-06-30',
  '2024Q2',
  '1',
  '2',
];

/** Values the dataset knows for a field or parameter of this name, so that clean requests find rows. */
const BY_NAME: [RegExp, string[]][] = [
  // Ordinary periods, and the edges of the calendar (year 0000 and 0001 once reached a query as a 500).
  [
    /^(at|period|from|to|startMonth|endMonth|month)$/,
    ['2023', '2024', '2024-06', '2024Q2', '2023-12', '0001', '0000-01', '9999-12'],
  ],
  [/^(plan|id)$/, ['yunnan-pprd-2016', 'yunnan-ftz-2021-2025', 'yunnan-parks-2021-2025', '1', '2']],
  [
    /^(orgUnit|zone|code|fromZone|toZone|parent)$/,
    ['ZN-HH-MENGZI', 'ZN-KM-HIGHTECH', 'YN-HH', 'YN-KM', 'DEPT-FGW', 'ftz-institutional-innovation'],
  ],
  [
    /^(dueOn|plannedOn|actualOn|on|replyBy)$/,
    ['2024-06-30', '2030-01-01', '2024-02-29', '2023-02-29', '2024-02-30', '0000-01-01'],
  ],
  [/^form$/, ['DEV_ZONE_MONTHLY', 'FTZ_AREA_QUARTERLY']],
  [/^indicator$/, ['REVENUE', 'GDP']],
  [/^key$/, ['task-01', 'task-02', 'REVENUE']],
  [/^scheme$/, ['ftz-institutional-innovation', 'dev-zone-per-mu']],
];

/**
 * A value of the schema's shape. A clean value keeps to the schema (and to the codes the dataset
 * knows), so that requests get past validation into the services; a hostile one has a node
 * replaced by a hostile value now and then.
 */
function shaped(schema: Schema | undefined, clean: boolean, depth = 0, name = ''): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  let valid: fc.Arbitrary<unknown>;
  if (schema.enum) valid = fc.constantFrom(...schema.enum);
  else if (alternatives) valid = fc.oneof(...alternatives.map((s) => shaped(s, clean, depth + 1)));
  else if (schema.type === 'object' || schema.properties) {
    const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, shaped(s, clean, depth + 1)]));
    valid = fc.record(props, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
  } else if (schema.type === 'array') valid = fc.array(shaped(schema.items, clean, depth + 1), { maxLength: 4 });
  else if (schema.type === 'string' && schema.pattern && clean) valid = fc.stringMatching(new RegExp(schema.pattern));
  else if (schema.type === 'string' && clean && BY_NAME.some(([re]) => re.test(name)))
    valid = fc.constantFrom(...BY_NAME.find(([re]) => re.test(name))![1]);
  else if (schema.type === 'string')
    valid = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...KNOWN_TEXT) },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    );
  else if (schema.type === 'integer')
    valid = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.integer({ min: Math.max(schema.minimum ?? -1e6, -1e6), max: Math.min(schema.maximum ?? 1e6, 1e6) }),
      },
      // The edges of PostgreSQL's integer, in an otherwise valid request: ids, versions and years reach queries.
      { weight: 1, arbitrary: fc.constantFrom(2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1) },
    );
  else if (schema.type === 'number') valid = fc.double({ noNaN: true, noDefaultInfinity: true });
  else if (schema.type === 'boolean') valid = fc.boolean();
  else valid = fc.jsonValue({ maxDepth: 2 });
  if (schema.nullable) valid = fc.option(valid, { nil: null });
  return clean ? valid : fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: hostile });
}

/** Text for a URL, already percent-encoded; hostile text is now and then not valid encoding. */
function urlText(schema: Schema | undefined, clean: boolean, name: string): fc.Arbitrary<string> {
  const values = clean
    ? shaped(schema, true, 0, name)
    : fc.oneof(
        { weight: 4, arbitrary: shaped(schema, false, 0, name) },
        { weight: 1, arbitrary: fc.constantFrom<unknown>(...HOSTILE_STRINGS.filter((s) => s.length < 1000)) },
      );
  const wellFormed = values
    .map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')))
    .map((s) => {
      try {
        return encodeURIComponent(s);
      } catch {
        // A lone surrogate cannot be percent-encoded as UTF-8: it is sent as its raw bytes.
        return '%ED%A0%80';
      }
    });
  if (clean) return wellFormed;
  const malformed = fc.constantFrom('%ED%A0%80', '%FF%FE', '%', '%0', '%00', '%E4%B8', 'a%2', '%C0%AF', '%2e%2e', '%25');
  return fc.oneof({ weight: 5, arbitrary: wellFormed }, { weight: 1, arbitrary: malformed });
}

/** The value, or null with probability pNull. */
function sometimes<T>(arb: fc.Arbitrary<T>, pNull: number): fc.Arbitrary<T | null> {
  if (pNull >= 1) return fc.constant(null);
  if (pNull <= 0) return arb;
  return fc.oneof(
    { weight: Math.round(pNull * 100), arbitrary: fc.constant(null) },
    { weight: Math.round((1 - pNull) * 100), arbitrary: arb },
  );
}

/** Half the requests are clean (they reach the services), half hostile. */
function requestFor(op: Operation): fc.Arbitrary<Sent> {
  return fc.oneof(requestOf(op, true), requestOf(op, false));
}

function requestOf(op: Operation, clean: boolean): fc.Arbitrary<Sent> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const path = fc
    .tuple(...pathParams.map((p) => urlText(p.schema, clean, p.name)))
    .map((values) => pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i] || 'x'), op.path));
  // A clean query sends each required key once and an optional one half the time; a hostile one
  // also sends keys twice (they arrive as an array) and keys no route knows.
  const query = fc
    .tuple(
      ...queryParams.map((p) =>
        fc
          .tuple(
            sometimes(urlText(p.schema, clean, p.name), p.required && clean ? 0 : 0.5),
            sometimes(urlText(p.schema, clean, p.name), clean ? 1 : 0.8),
          )
          .map(([first, second]) =>
            first === null ? [] : [first, ...(second === null ? [] : [second])].map((x) => `${encodeURIComponent(p.name)}=${x}`),
          ),
      ),
      sometimes(fc.constantFrom('__proto__[admin]=1', 'constructor=x', '=', '&&', 'limit[]=1'), clean ? 1 : 0.7),
    )
    .map((parts) => parts.flat().filter((x): x is string => typeof x === 'string'))
    .map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));
  const url = fc.tuple(path, query).map(([p, q]) => p + q);
  if (op.method === 'GET' || op.method === 'DELETE') return url.map((u) => ({ url: u }));
  const json = clean
    ? shaped(op.jsonBody, true)
    : fc.oneof(
        { weight: 4, arbitrary: shaped(op.jsonBody, false) },
        { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
        { weight: 1, arbitrary: hostile },
      );
  const raw = fc.oneof(
    fc.uint8Array({ maxLength: 2_000 }),
    fc
      .constantFrom(
        '',
        'PK\u0003\u0004broken zip',
        '%PDF-1.4\nbroken',
        '单位代码,营业收入\nZN-HH-MENGZI,1e309\n',
        'plan: &a [*a]',
      )
      .map((t) => new TextEncoder().encode(t)),
  );
  const contentType = fc.constantFrom('application/octet-stream', 'text/plain', 'application/yaml', 'text/csv');
  const body: fc.Arbitrary<Sent['body']> = RAW_BODY.has(op.key)
    ? fc.oneof(
        {
          weight: 3,
          arbitrary: fc.tuple(raw, contentType).map(([bytes, ct]) => ({ kind: 'raw' as const, contentType: ct, bytes })),
        },
        { weight: 1, arbitrary: json.map((value) => ({ kind: 'json' as const, value })) },
      )
    : json.map((value) => ({ kind: 'json' as const, value }));
  return fc.tuple(url, body).map(([u, b]) => ({ url: u, body: b }));
}

/** Sends one generated request; a hung request counts as a failure, not a hung test. */
async function send(base: string, method: string, token: string, sent: Sent): Promise<number> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let body: string | Uint8Array | undefined;
  if (sent.body?.kind === 'json') {
    // JSON.stringify escapes a lone surrogate (\ud800), so it reaches the server as JSON text.
    body = JSON.stringify(sent.body.value) ?? 'null';
    headers['content-type'] = 'application/json';
  } else if (sent.body?.kind === 'raw') {
    body = sent.body.bytes;
    headers['content-type'] = sent.body.contentType;
  }
  const res = await fetch(base + sent.url, { method, headers, body, signal: AbortSignal.timeout(20_000) });
  await res.arrayBuffer();
  return res.status;
}

/** Requests that once answered 5xx, kept as regression examples (each fixed where it failed). */
const REGRESSIONS: { method: string; sent: Sent; why: string }[] = [
  {
    method: 'POST',
    sent: { url: '/api/v1/tasks/YN-HH/%00/updates?=', body: { kind: 'json', value: [null, 's'] } },
    why: "a NUL in a path param reached the database through the route's resource function, before the text check",
  },
  {
    method: 'POST',
    sent: { url: '/api/v1/evaluation/runs/2147483648/publish?&&', body: { kind: 'json', value: {} } },
    why: 'an id beyond the PostgreSQL integer range reached the query',
  },
  ...(
    [
      ['POST', '/api/v1/tasks/yunnan-pprd-2016/task-01/milestones', { title: 'x', dueOn: '2030-01-01', version: 2 ** 31 }],
      ['POST', '/api/v1/tasks/yunnan-pprd-2016/task-01/close', { reason: 'x', version: 2 ** 31 }],
      ['PUT', '/api/v1/forms/DEV_ZONE_MONTHLY/rules', { version: 2 ** 31, rules: [] }],
      ['GET', '/api/v1/evaluation/runs?year=2147483648'],
      ['GET', '/api/v1/evaluation/schemes/dev-zone-per-mu?version=2147483648'],
    ] as const
  ).map(([method, url, value]) => ({
    method,
    sent: { url, ...(value ? { body: { kind: 'json' as const, value } } : {}) },
    why: 'a version or year beyond the PostgreSQL integer range reached the query',
  })),
  { method: 'GET', sent: { url: '/api/v1/data-values?from=9999-12&to=0000-01' }, why: 'year 0000 has no date in PostgreSQL' },
  { method: 'GET', sent: { url: '/api/v1/progress?plan=yunnan-parks-2021-2025&at=0001' }, why: 'the year before year 1' },
  ...(
    [
      ['POST', '/api/v1/tasks/yunnan-pprd-2016/task-01/milestones', { title: 'x', dueOn: '2024-02-30', version: 0 }],
      ['POST', '/api/v1/tasks/yunnan-pprd-2016/task-01/milestones', { title: 'x', dueOn: '0000-01-01', version: 0 }],
      [
        'POST',
        '/api/v1/projects',
        { name: 'p', zone: 'ZN-HH-MENGZI', totalInvestment: '1', stages: [{ stage: 'signed', plannedOn: '2023-02-31' }] },
      ],
      [
        'POST',
        '/api/v1/transfers',
        { project: 1, toZone: 'ZN-KM-HIGHTECH', shares: { from: '40', to: '60' }, startMonth: '0000-01', reference: 'x' },
      ],
    ] as const
  ).map(([method, url, value]) => ({
    method,
    sent: { url, body: { kind: 'json' as const, value } },
    why: 'a date that looks like one but does not exist (2024-02-30, year 0000) reached PostgreSQL',
  })),
  {
    method: 'POST',
    sent: {
      url: '/api/v1/evaluation/runs',
      body: { kind: 'json', value: { scheme: 'ZN-KM-HIGHTECH', version: 2 ** 53 - 1, year: 2021 } },
    },
    why: "the route's resource function looked the unvalidated version up",
  },
];

describe('no generated request makes any route fail (fuzz, issue 21)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let operations: Operation[];
  let token: string;
  let lastToken: string;

  before(async () => {
    server = await startTestServer('pglite');
    const doc = await request<{
      paths: Record<
        string,
        Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>
      >;
    }>(server.url, 'GET', '/api/docs/json', { auth: null });
    operations = Object.entries(doc.body.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([m, op]) => ({
        key: `${m.toUpperCase()} ${path}`,
        method: m.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        jsonBody: op.requestBody?.content?.['application/json']?.schema,
      })),
    );
    operations.sort((a, b) => Number(LAST.includes(a.key)) - Number(LAST.includes(b.key)));
    const newToken = async () =>
      (
        await request<{ secret: string }>(server.url, 'POST', '/api/v1/auth/tokens', {
          body: { name: 'fuzz', scopes: ['read', 'write'] },
        })
      ).body.secret;
    token = await newToken();
    lastToken = await newToken();
  });

  after(async () => {
    await server?.close();
    await server?.drop();
  });

  it('keeps the regression examples below 500', async () => {
    for (const r of REGRESSIONS) {
      const status = await send(server.url, r.method, token, r.sent);
      assert.ok(status < 500, `${r.method} ${r.sent.url}: ${status} (${r.why})`);
    }
  });

  it('answers every operation of the OpenAPI document below 500, whatever it is sent', async () => {
    assert.ok(operations.length > 90, `${operations.length} operations`);
    const failures: string[] = [];
    const answers = new Map<string, number>();
    const reached = new Set<string>();
    for (const [i, op] of operations.entries()) {
      const auth = LAST.includes(op.key) ? lastToken : token;
      let status = 0;
      const details = await fc.check(
        fc.asyncProperty(requestFor(op), async (sent) => {
          // 600: no answer in time; 601: the connection failed.
          status = await send(server.url, op.method, auth, sent).catch((err: Error) => (err.name === 'TimeoutError' ? 600 : 601));
          const kind = `${Math.floor(status / 100)}xx`;
          answers.set(kind, (answers.get(kind) ?? 0) + 1);
          if (status < 400 || status === 404 || status === 409 || status === 422) reached.add(op.key);
          return status < 500;
        }),
        { seed: SEED + i, numRuns: FEWER_RUNS[op.key] ?? RUNS, endOnFailure: true },
      );
      if (details.failed) {
        const [sent] = details.counterexample as [Sent];
        const body =
          sent.body?.kind === 'json' ? JSON.stringify(sent.body.value) : sent.body ? `${sent.body.bytes.length} bytes` : '';
        failures.push(`${status}: ${op.method} ${sent.url.slice(0, 300)} ${String(body).slice(0, 300)} (seed ${SEED + i})`);
      }
    }
    const health = await request(server.url, 'GET', '/api/v1/health', { auth: null });
    assert.equal(health.status, 200, 'the server still answers after the run');
    const summary = JSON.stringify(Object.fromEntries([...answers].sort()));
    assert.deepEqual(failures, [], `answers: ${summary}`);
    // Not only 400s: most operations got past validation at least once (to a service's answer), or
    // the run would prove nothing about the code behind it.
    assert.ok(
      reached.size > operations.length * 0.75,
      `${reached.size} of ${operations.length} operations got past validation; ${summary}`,
    );
  });
});
