import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ExtractionResult } from '../../src/domain/extraction/candidate.schema.ts';
import { snapshot } from '../support/databases.ts';
import { loginAs, request, startTestServer } from '../support/server.ts';

interface Draft {
  id: number;
  text: string;
  result: ExtractionResult;
}

describe('plan ingestion through the API', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let draft: Draft;
  before(async () => {
    server = await startTestServer('pglite');
    const text = await readFile(path.resolve(import.meta.dirname, '../../dataset/sources/yunnan-ftz-2021-2025.txt'), 'utf8');
    const res = await request<Draft>(server.url, 'POST', '/api/v1/ingestion/drafts?fileName=ftz.txt', {
      body: text,
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(res.status, 201);
    draft = res.body;
  });
  after(() => server.close());

  it('proposes the FTZ targets with spans into the uploaded text', () => {
    const trade = draft.result.targets.find((t) => t.indicator.code === 'TRADE_TOTAL' && t.target.year === 2025);
    assert.ok(trade);
    assert.equal(trade.target.value, '2675.78');
    assert.match(draft.text.slice(trade.valueSpan.start, trade.valueSpan.end), /2675\.78/);
  });

  it('merges accepted and edited candidates into a plan whose targets keep their quotes', async () => {
    const trade = draft.result.targets.find((t) => t.indicator.code === 'TRADE_TOTAL' && t.target.year === 2025)!;
    const review = {
      plan: { id: 'ftz-reviewed', title: '自贸规划（审核）', issuer: '云南省人民政府办公厅', periodStart: 2021, periodEnd: 2025 },
      newIndicators: [{ code: 'FTZ_OPENNESS', name: '开放度（审核口径）', nameEn: 'Openness (review)', unit: '%' }],
      targets: [
        {
          candidateId: trade.id,
          indicator: 'TRADE_TOTAL',
          orgUnit: 'YN-FTZ',
          target: { year: 2025, comparator: 'at_least', value: '2700' },
          note: '审核时修改（第２稿）',
        },
      ],
      tasks: [],
    };
    const accepted = await request(server.url, 'POST', `/api/v1/ingestion/drafts/${draft.id}/accept`, { body: review });
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    const { body } = await request<{ items: { target: { value: string }; source: { quote: string; start: number | null } }[] }>(
      server.url,
      'GET',
      '/api/v1/targets?plan=ftz-reviewed',
    );
    assert.equal(body.items.length, 1);
    assert.equal(body.items[0]!.target.value, '2700');
    // What the reviewer typed is stored as written (issue 18): the title, the new indicator's name, the note.
    const plan = await request<{ title: string }>(server.url, 'GET', '/api/v1/plans/ftz-reviewed');
    assert.equal(plan.body.title, '自贸规划（审核）');
    const indicator = await request<{ items: { code: string; name: string }[] }>(
      server.url,
      'GET',
      `/api/v1/indicators?q=${encodeURIComponent('开放度(审核')}`,
    );
    assert.deepEqual(
      indicator.body.items.map((i) => [i.code, i.name]),
      [['FTZ_OPENNESS', '开放度（审核口径）']],
    );
    const note = await server.database.db
      .selectFrom('target')
      .select('note')
      .where('plan_id', '=', 'ftz-reviewed')
      .executeTakeFirstOrThrow();
    assert.equal(note.note, '审核时修改（第２稿）');
    assert.match(body.items[0]!.source.quote, /2675\.78/);
    assert.ok(body.items[0]!.source.start !== null);
  });

  it('rejects a review with unknown codes whole, listing each problem, and writes nothing', async () => {
    const [a, b] = draft.result.targets;
    const before_ = await snapshot(server.database);
    const res = await request<{ error: { code: string; details: { field: string }[] } }>(
      server.url,
      'POST',
      `/api/v1/ingestion/drafts/${draft.id}/accept`,
      {
        body: {
          plan: { id: 'ftz-bad', title: '坏', issuer: '测试', periodStart: 2021, periodEnd: 2025 },
          targets: [
            {
              candidateId: a!.id,
              indicator: 'NO_SUCH',
              orgUnit: 'YN-FTZ',
              target: { year: 2025, comparator: 'at_least', value: '1' },
            },
            {
              candidateId: b!.id,
              indicator: 'TRADE_TOTAL',
              orgUnit: 'NOWHERE',
              target: { year: 2025, comparator: 'at_least', value: '1' },
            },
          ],
          tasks: [],
        },
      },
    );
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.error.details.map((d) => d.field).sort(), ['targets.0.indicator', 'targets.1.orgUnit']);
    const after_ = await snapshot(server.database);
    // The token's last-used time is the one thing a request may change.
    delete after_.api_token;
    delete before_.api_token;
    assert.deepEqual(after_, before_);
  });

  it('refuses a new indicator whose code already exists in the catalogue', async () => {
    const res = await request<{ error: { details: { field: string }[] } }>(
      server.url,
      'POST',
      `/api/v1/ingestion/drafts/${draft.id}/accept`,
      {
        body: {
          plan: { id: 'ftz-gdp', title: '坏', issuer: '测试', periodStart: 2021, periodEnd: 2025 },
          newIndicators: [{ code: 'GDP', name: '覆盖', nameEn: 'overwrite', unit: '元' }],
          targets: [],
          tasks: [],
        },
      },
    );
    assert.equal(res.status, 422);
    assert.deepEqual(
      res.body.error.details.map((d) => d.field),
      ['indicators.0.code'],
    );
  });

  it('is refused to a reporter and answers 422 for an unreadable document', async () => {
    const reporter = await loginAs(server.url, 'hh.reporter');
    const refused = await request(server.url, 'POST', '/api/v1/ingestion/drafts?fileName=x.txt', {
      auth: reporter,
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(refused.status, 403);
    const broken = await request<{ error: { code: string } }>(server.url, 'POST', '/api/v1/ingestion/drafts?fileName=x.pdf', {
      body: 'not a pdf',
      headers: { 'content-type': 'application/octet-stream' },
    });
    assert.equal(broken.status, 422);
    assert.equal(broken.body.error.code, 'UNREADABLE_DOCUMENT');
  });
});
