import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ExtractionResult } from '../../src/domain/extraction/candidate.schema.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

type Unit = { code: string; name: string; kind: string; parent: string | null };
type Group = { code: string; name: string; kind: string; members: string[] };
type Failure = { error: { code: string; messageZh: string } };

/**
 * Issue 17 item 5: the plan manager creates the org units and groups of a plan of another province
 * in the review (no catalogue file, no administrator), and the review then puts targets on them.
 */
describe('org units and groups created for the review', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let planner: Session;
  let ftz: Session;
  before(async () => {
    server = await startTestServer('pglite');
    planner = await loginAs(server.url, 'planner');
    ftz = await loginAs(server.url, 'ftz.planner');
  });
  after(() => server.close());

  const post = <T>(auth: Session, path: string, body: unknown) => request<T>(server.url, 'POST', path, { auth, body });

  it('creates a province outside Yunnan and a city under it, the city’s code made from the parent’s', async () => {
    const sc = await post<Unit>(planner, '/api/v1/org-units', { code: 'SC', name: '四川省', kind: 'province' });
    assert.equal(sc.status, 201, JSON.stringify(sc.body));
    assert.deepEqual([sc.body.code, sc.body.parent], ['SC', null]);
    const cd = await post<Unit>(planner, '/api/v1/org-units', { name: ' 成都市 ', kind: 'prefecture', parent: 'SC' });
    assert.equal(cd.status, 201, JSON.stringify(cd.body));
    assert.deepEqual([cd.body.code, cd.body.name, cd.body.parent], ['SC-1', '成都市', 'SC']);
    const zone = await post<Unit>(planner, '/api/v1/org-units', { name: '成都高新区', kind: 'development_zone', parent: 'SC-1' });
    assert.equal(zone.body.code, 'SC-1-1');
    const read = await request<Unit & { groups: unknown[] }>(server.url, 'GET', '/api/v1/org-units/SC-1-1', { auth: planner });
    assert.deepEqual([read.status, read.body.parent, read.body.kind], [200, 'SC-1', 'development_zone']);
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_key'])
      .where('entity', '=', 'org_unit')
      .where('action', '=', 'create')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.entity_key),
      ['SC', 'SC-1', 'SC-1-1'],
    );
  });

  it('refuses a taken code, a twin name under the same parent and an unknown parent', async () => {
    const code = await post<Failure>(planner, '/api/v1/org-units', { code: 'YN-HH', name: '另一个红河', kind: 'other' });
    assert.deepEqual([code.status, code.body.error.code], [409, 'CODE_TAKEN']);
    const twin = await post<Failure>(planner, '/api/v1/org-units', { name: '成都市', kind: 'prefecture', parent: 'SC' });
    assert.deepEqual([twin.status, twin.body.error.code], [409, 'NAME_TAKEN']);
    // The same name under another parent is another unit (朝阳区 of 北京 and of 长春).
    const elsewhere = await post<Unit>(planner, '/api/v1/org-units', { name: '成都市', kind: 'other', parent: 'YN-KM' });
    assert.equal(elsewhere.status, 201);
    const orphan = await post<Failure>(planner, '/api/v1/org-units', { name: '某市', kind: 'prefecture', parent: 'NOPE' });
    assert.deepEqual([orphan.status, orphan.body.error.code], [400, 'UNKNOWN_ORG_UNIT']);
    const blank = await post<Failure>(planner, '/api/v1/org-units', { name: '  ', kind: 'other' });
    assert.equal(blank.status, 400);
  });

  it('creates a group across provinces with its members, audited, and lists it', async () => {
    const g = await post<Group>(planner, '/api/v1/groups', { name: '成渝与滇中', members: ['SC-1', 'YN-KM'] });
    assert.equal(g.status, 201, JSON.stringify(g.body));
    assert.match(g.body.code, /^G-\d+$/);
    assert.deepEqual([g.body.kind, g.body.members], ['other', ['SC-1', 'YN-KM']]);
    const listed = await request<{ items: Group[] }>(server.url, 'GET', '/api/v1/groups', { auth: planner });
    assert.deepEqual(listed.body.items.find((x) => x.code === g.body.code)?.members.sort(), ['SC-1', 'YN-KM']);
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select(['entity_key'])
      .where('entity', '=', 'org_group')
      .where('action', '=', 'create')
      .execute();
    assert.deepEqual(audit, [{ entity_key: g.body.code }]);
    const twin = await post<Failure>(planner, '/api/v1/groups', { name: '成渝与滇中', members: ['SC'] });
    assert.deepEqual([twin.status, twin.body.error.code], [409, 'NAME_TAKEN']);
    const unknown = await post<Failure>(planner, '/api/v1/groups', { name: '空组', members: ['NOPE'] });
    assert.deepEqual([unknown.status, unknown.body.error.code], [400, 'UNKNOWN_ORG_UNIT']);
  });

  it('leaves them to a manager of every plan: the FTZ plan’s manager is refused', async () => {
    const unit = await post<Failure>(ftz, '/api/v1/org-units', { name: '贵州省', kind: 'province' });
    assert.equal(unit.status, 403);
    const group = await post<Failure>(ftz, '/api/v1/groups', { name: '自贸组', members: ['YN-FTZ'] });
    assert.equal(group.status, 403);
  });

  it('lets the review put a target on the new city', async () => {
    const text = '成都市“十四五”发展规划\n到2025年，成都市地区生产总值达到2.5万亿元。\n';
    const draft = await request<{ id: number; result: ExtractionResult }>(
      server.url,
      'POST',
      '/api/v1/ingestion/drafts?fileName=chengdu.txt',
      { auth: planner, body: text, headers: { 'content-type': 'text/plain' } },
    );
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const c = draft.body.result.targets[0]!;
    const accepted = await post(planner, `/api/v1/ingestion/drafts/${draft.body.id}/accept`, {
      plan: { id: 'chengdu-2021-2025', title: '成都市发展规划', issuer: '成都市人民政府', periodStart: 2021, periodEnd: 2025 },
      newIndicators: [],
      targets: [
        { candidateId: c.id, indicator: 'GDP', orgUnit: 'SC-1', target: { year: 2025, comparator: 'at_least', value: '25000' } },
      ],
      tasks: [],
    });
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    const targets = await request<{ items: { orgUnit: { code: string } }[] }>(
      server.url,
      'GET',
      '/api/v1/targets?plan=chengdu-2021-2025',
      {
        auth: planner,
      },
    );
    assert.deepEqual(
      targets.body.items.map((t) => t.orgUnit.code),
      ['SC-1'],
    );
  });

  it('accepts a target added by hand and the two halves of a split candidate, each quoting its own passage', async () => {
    const text =
      '第一章 发展目标\n到2025年，成都市地区生产总值达到2.5万亿元，外贸进出口总额达到1万亿元。\n基本建成泛欧泛亚有重要影响力的国际门户枢纽城市。\n';
    const draft = await request<{ id: number; result: ExtractionResult }>(
      server.url,
      'POST',
      '/api/v1/ingestion/drafts?fileName=chengdu-split.txt',
      { auth: planner, body: text, headers: { 'content-type': 'text/plain' } },
    );
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const c = draft.body.result.targets[0]!;
    const passage = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const plan = { id: 'chengdu-split', title: '成都市发展规划', issuer: '成都市人民政府', periodStart: 2021, periodEnd: 2025 };
    const review = (added: { start: number; end: number }) => ({
      plan,
      newIndicators: [],
      targets: [
        {
          candidateId: c.id,
          span: passage('地区生产总值达到2.5万亿元'),
          indicator: 'GDP',
          orgUnit: 'SC-1',
          target: { year: 2025, comparator: 'at_least', value: '25000' },
        },
        {
          candidateId: `${c.id}-2`,
          span: passage('外贸进出口总额达到1万亿元'),
          indicator: 'TRADE_TOTAL',
          orgUnit: 'SC-1',
          target: { year: 2025, comparator: 'at_least', value: '10000' },
        },
        {
          candidateId: 'added-1',
          span: added,
          indicator: 'GDP',
          orgUnit: 'SC-1',
          target: { year: 2025, comparator: 'qualitative', text: '基本建成国际门户枢纽城市' },
        },
      ],
      tasks: [],
    });
    const outside = await post<Failure>(
      planner,
      `/api/v1/ingestion/drafts/${draft.body.id}/accept`,
      review({ start: 5, end: 5000 }),
    );
    assert.equal(outside.status, 400, JSON.stringify(outside.body));
    assert.match(outside.body.error.messageZh, /超出文本范围/);
    const accepted = await post(
      planner,
      `/api/v1/ingestion/drafts/${draft.body.id}/accept`,
      review(passage('基本建成泛欧泛亚有重要影响力的国际门户枢纽城市')),
    );
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    const targets = await request<{
      items: { indicator: { code: string }; source: { quote: string; section: string | null } }[];
    }>(server.url, 'GET', '/api/v1/targets?plan=chengdu-split', { auth: planner });
    assert.deepEqual(targets.body.items.map((t) => [t.indicator.code, t.source.quote]).sort(), [
      ['GDP', '地区生产总值达到2.5万亿元'],
      ['GDP', '基本建成泛欧泛亚有重要影响力的国际门户枢纽城市'],
      ['TRADE_TOTAL', '外贸进出口总额达到1万亿元'],
    ]);
  });
});
