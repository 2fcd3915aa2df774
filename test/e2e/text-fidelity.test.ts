import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closedPeriods } from '../../src/domain/reporting/forms/form-periods.ts';
import { addDays } from '../../src/domain/tasks/escalation.ts';
import type { NoticeResponse, TaskDetail } from '../../src/presenters/task-tracking.presenter.ts';
import type { EntrySheet } from '../../src/services/reporting/entry-sheet.service.ts';
import { catalogueChanges } from '../../src/services/catalogue-changes.ts';
import type { ImportResult } from '../../src/services/reporting/import/import.service.ts';
import { localToday } from '../../src/services/tasks/task-context.ts';
import { parsePlanFile } from '../../src/domain/plan-definition/parse-plan-file.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

/*
 * Issue 18, text fidelity: what people write is stored and shown character for character. Full-width
 * commas, digits and brackets are what Chinese users type; NFKC is for matching keys only.
 */
const PPRD = 'yunnan-pprd-2016';
const NOTICE = '请于１２月３１日前报送方案征求意见情况，逾期将通报（第２次）';
const REPLY = '已征求１２家单位意见，月底前定稿';
const COMMENT = '第３行固定资产投资与台账不符，请核实（１－１１月累计）';
const RULE_MESSAGE = '出口额（部分）不能大于进出口总额，请核实';
const EXPLANATION = '１－６月含补报（２家企业），已核实';

const today = new Date().toISOString().slice(0, 10);
const [PERIOD] = closedPeriods('month', '2021-01', today, 1) as [string];
const SHEET = `/api/v1/submissions/DEV_ZONE_MONTHLY/ZN-HH-MENGZI/${PERIOD}`;
const FIGURES = {
  REVENUE: '120.5',
  INDUSTRIAL_OUTPUT: '98.2',
  INDUSTRIAL_VA_ABOVE_SCALE: '25.1',
  FAI: '30',
  TAX_REVENUE: '6.4',
  TRADE_TOTAL: '12.3',
  LAND_AREA_MU: '15000',
  EMPLOYEES: '23000',
};

describe('user text round-trips unchanged (issue 18)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let planner: Session;
  let kjt: Session;
  before(async () => {
    server = await startTestServer('pglite');
    const created = await request(server.url, 'POST', '/api/v1/users', {
      body: {
        username: 'kjt.reporter',
        displayName: '科技厅填报员',
        orgUnit: 'DEPT-KJT',
        password: 'Tasks-Password-2025',
        grants: [{ role: 'reporter', orgUnit: 'DEPT-KJT' }],
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    planner = await loginAs(server.url, 'planner');
    kjt = await loginAs(server.url, 'kjt.reporter', 'Tasks-Password-2025');
  });
  after(() => server.close());

  it('keeps a 督办单, its reply and a 销号 reason as written', async () => {
    const notice = await request<NoticeResponse>(server.url, 'POST', `/api/v1/tasks/${PPRD}/task-02/notices`, {
      auth: planner,
      body: { orgUnit: 'DEPT-KJT', text: `  ${NOTICE}\n`, replyBy: addDays(localToday(), 3) },
    });
    assert.equal(notice.status, 201, JSON.stringify(notice.body));
    assert.equal(notice.body.body, NOTICE);
    const reply = await request<NoticeResponse>(server.url, 'POST', `/api/v1/task-notices/${notice.body.id}/reply`, {
      auth: kjt,
      body: { text: REPLY },
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.body.reply?.text, REPLY);
    const detail = await request<TaskDetail>(server.url, 'GET', `/api/v1/tasks/${PPRD}/task-02`, { auth: planner });
    const shown = detail.body.notices.find((n) => n.id === notice.body.id)!;
    assert.deepEqual([shown.body, shown.reply?.text], [NOTICE, REPLY]);
    const closed = await request<TaskDetail>(server.url, 'POST', `/api/v1/tasks/${PPRD}/task-02/close`, {
      auth: planner,
      body: { reason: '方案已印发，经核实销号（２０２６年）', version: detail.body.task.version },
    });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.task.closed?.reason, '方案已印发，经核实销号（２０２６年）');
  });

  it('keeps a returned report’s comment and the reporter’s 情况说明 as written on the sheet and in 我的填报', async () => {
    const reporter = await loginAs(server.url, 'mengzi.reporter');
    const reviewer = await loginAs(server.url, 'hh.reviewer');
    const saved = await request<EntrySheet>(server.url, 'PUT', `${SHEET}/values`, {
      auth: reporter,
      body: {
        values: Object.entries(FIGURES).map(([indicator, value]) => ({ indicator, value, expectedVersion: 0 })),
        explanations: { 'change-yoy/REVENUE': EXPLANATION },
      },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const submitted = await request<EntrySheet>(server.url, 'POST', `${SHEET}/submit`, {
      auth: reporter,
      body: { version: saved.body.submission.version },
    });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    const returned = await request<EntrySheet>(server.url, 'POST', `${SHEET}/return`, {
      auth: reviewer,
      body: { version: submitted.body.submission.version, comment: COMMENT },
    });
    assert.equal(returned.body.submission.reviewComment, COMMENT);
    const sheet = await request<EntrySheet>(server.url, 'GET', SHEET, { auth: reporter });
    assert.equal(sheet.body.submission.reviewComment, COMMENT);
    assert.equal(sheet.body.submission.explanations['change-yoy/REVENUE'], EXPLANATION, 'the 情况说明 as written');
    const work = await request<{ form: { code: string }; rows: { period: string; reviewComment: string | null }[] }[]>(
      server.url,
      'GET',
      '/api/v1/reporting/my-work',
      { auth: reporter },
    );
    const row = work.body.find((w) => w.form.code === 'DEV_ZONE_MONTHLY')!.rows.find((r) => r.period === PERIOD)!;
    assert.equal(row.reviewComment, COMMENT);
  });

  it('keeps a validation rule’s message as the plan manager wrote it', async () => {
    type Form = { version: number; rules: { id: string; message: { zh: string; en: string } }[] };
    const form = (await request<Form>(server.url, 'GET', '/api/v1/forms/BONDED_ZONE_MONTHLY')).body;
    const rules = form.rules.map((r) => (r.id === form.rules[1]!.id ? { ...r, message: { ...r.message, zh: RULE_MESSAGE } } : r));
    const put = await request<Form>(server.url, 'PUT', '/api/v1/forms/BONDED_ZONE_MONTHLY/rules', {
      auth: planner,
      body: { version: form.version, rules },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const again = (await request<Form>(server.url, 'GET', '/api/v1/forms/BONDED_ZONE_MONTHLY')).body;
    assert.equal(again.rules[1]!.message.zh, RULE_MESSAGE);
  });

  it('keeps names from catalogue and plan files as written, and still finds them by either width', async () => {
    type Page<T> = { items: T[]; total: number };
    type IndicatorRow = { code: string; name: string; synonyms: string[] };
    const search = async (q: string) =>
      (await request<Page<IndicatorRow>>(server.url, 'GET', `/api/v1/indicators?q=${encodeURIComponent(q)}`, { auth: planner }))
        .body.items;
    // The dataset's own catalogue (base.yaml) writes the name with full-width brackets.
    for (const q of ['土地供应率(供地率)', '土地供应率（供地率）']) {
      const land = (await search(q)).find((i) => i.code === 'LAND_SUPPLY_RATE');
      assert.equal(land?.name, '土地供应率（供地率）', `searched for ${q}`);
    }

    // A plan file: title, issuer, headings, a new indicator and a renamed form indicator, all as written.
    const file = `plan: { id: fidelity-2026, title: "示范规划（２０２６年修订）", issuer: "示范政府（办公厅）", periodStart: 2026, periodEnd: 2030 }
sections: [{ key: s1, kind: chapter, heading: "第一章\u3000发展目标（一）" }]
indicators:
  - { code: REVENUE, name: "营业收入（主营业务）", nameEn: Operating revenue, unit: 亿元, synonyms: [营业总收入, 主营业务收入] }
  - { code: FIDELITY_RATE, name: "用地效率（亩均）", nameEn: Land efficiency, unit: '%', synonyms: ["亩均效率（产出）"] }
targets:
  - key: t1
    section: s1
    indicator: FIDELITY_RATE
    orgUnit: YN
    target: { year: 2030, comparator: at_least, value: '90' }
    note: "以自然资源厅口径为准（年报）"
    source: { quote: 用地效率达到90% }
`;
    const imported = await request(server.url, 'POST', '/api/v1/plans/import', { body: file });
    assert.equal(imported.status, 201, JSON.stringify(imported.body));
    const plan = await request<{ title: string; issuer: string }>(server.url, 'GET', '/api/v1/plans/fidelity-2026', {
      auth: planner,
    });
    assert.deepEqual([plan.body.title, plan.body.issuer], ['示范规划（２０２６年修订）', '示范政府（办公厅）']);
    const sections = await request<Page<{ heading: string }>>(server.url, 'GET', '/api/v1/plans/fidelity-2026/sections', {
      auth: planner,
    });
    assert.deepEqual(
      sections.body.items.map((x) => x.heading),
      ['第一章\u3000发展目标（一）'],
    );
    const stored = await server.database.db
      .selectFrom('indicator')
      .select(['code', 'name', 'synonyms'])
      .where('code', 'in', ['REVENUE', 'FIDELITY_RATE'])
      .orderBy('code')
      .execute();
    assert.deepEqual(
      stored.map((r) => [r.code, r.name, r.synonyms]),
      [
        ['FIDELITY_RATE', '用地效率（亩均）', ['亩均效率（产出）']],
        ['REVENUE', '营业收入（主营业务）', ['营业总收入', '主营业务收入']],
      ],
    );
    const target = await server.database.db
      .selectFrom('target')
      .select('note')
      .where('plan_id', '=', 'fidelity-2026')
      .executeTakeFirstOrThrow();
    assert.equal(target.note, '以自然资源厅口径为准（年报）');
    assert.equal((await search('用地效率(亩均)'))[0]?.name, '用地效率（亩均）');

    // The same names written with half-width brackets are the same names: no catalogue change.
    const restated = parsePlanFile(
      file
        .replace(/（/g, '(')
        .replace(/）/g, ')')
        .replace(/fidelity-2026/, 'fidelity-2027'),
    );
    assert.ok(restated.ok, JSON.stringify(!restated.ok && restated.errors));
    const changes = await catalogueChanges(server.database.db, [{ name: 'restated', definition: restated.value }]);
    assert.deepEqual(
      changes.map((c) => [c.code, c.changed]),
      [
        ['REVENUE', false],
        ['FIDELITY_RATE', false],
      ],
    );

    // A workbook heading with half-width brackets names the indicator written with full-width ones.
    const reporter = await loginAs(server.url, 'hh.reporter');
    const [period] = closedPeriods('month', '2021-01', today, 3).slice(-1) as [string];
    const csv = new TextEncoder().encode('单位名称,营业收入(主营业务)\n河口边境经济合作区,12.5\n');
    const res = await request<ImportResult>(
      server.url,
      'POST',
      `/api/v1/forms/DEV_ZONE_MONTHLY/imports?fileName=hekou.csv&dryRun=true&period=${period}`,
      { auth: reporter, body: csv },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.changes.map((c) => [c.orgUnit, c.indicator, c.after]),
      [['ZN-HH-HEKOU', 'REVENUE', '12.5']],
    );
  });

  it('keeps a task’s text and a qualitative target’s text as written, and finds the task by either width', async () => {
    const file = `plan: { id: fidelity-tasks-2026, title: 示范规划, issuer: 示范政府, periodStart: 2026, periodEnd: 2030 }
indicators:
  - { code: FIDELITY_QUAL, name: 营商环境, nameEn: Business climate, unit: '-' }
targets:
  - key: q1
    indicator: FIDELITY_QUAL
    orgUnit: YN
    target: { year: 2030, comparator: qualitative, text: "营商环境进入全国前列（第１方阵）" }
    source: { quote: 营商环境进入全国前列 }
tasks:
  - key: k1
    text: "建设跨境电商综合试验区（第２批）"
    source: { quote: 建设跨境电商综合试验区 }
`;
    const imported = await request(server.url, 'POST', '/api/v1/plans/import', { body: file });
    assert.equal(imported.status, 201, JSON.stringify(imported.body));
    const db = server.database.db;
    const target = await db
      .selectFrom('target')
      .select('target_text')
      .where('plan_id', '=', 'fidelity-tasks-2026')
      .executeTakeFirstOrThrow();
    assert.equal(target.target_text, '营商环境进入全国前列（第１方阵）');
    const task = await db
      .selectFrom('task')
      .select('text')
      .where('plan_id', '=', 'fidelity-tasks-2026')
      .executeTakeFirstOrThrow();
    assert.equal(task.text, '建设跨境电商综合试验区（第２批）');
    for (const q of ['试验区(第2批)', '试验区（第２批）']) {
      const found = await request<{ items: { key: string; text: string }[] }>(
        server.url,
        'GET',
        `/api/v1/tasks?plan=fidelity-tasks-2026&q=${encodeURIComponent(q)}`,
        { auth: planner },
      );
      assert.equal(found.status, 200, JSON.stringify(found.body));
      assert.deepEqual(
        found.body.items.map((t) => [t.key, t.text]),
        [['k1', '建设跨境电商综合试验区（第２批）']],
        `searched for ${q}`,
      );
    }
    const tracked = await request<{ items: { key: string }[] }>(
      server.url,
      'GET',
      `/api/v1/tasks/tracking?plan=fidelity-tasks-2026&q=${encodeURIComponent('试验区(第2批)')}`,
      { auth: planner },
    );
    assert.equal(tracked.status, 200, JSON.stringify(tracked.body));
    assert.deepEqual(
      tracked.body.items.map((t) => t.key),
      ['k1'],
    );
  });

  it('keeps an org unit’s English name as written from a plan file, and finds it by either width', async () => {
    const file = `orgUnits:
  - { code: FIDELITY-UNIT, name: 示范园区, nameEn: "Demo Park（Phase ２）", kind: other }
`;
    const imported = await request(server.url, 'POST', '/api/v1/plans/import', { body: file });
    assert.equal(imported.status, 201, JSON.stringify(imported.body));
    const stored = await server.database.db
      .selectFrom('org_unit')
      .select('name_en')
      .where('code', '=', 'FIDELITY-UNIT')
      .executeTakeFirstOrThrow();
    assert.equal(stored.name_en, 'Demo Park（Phase ２）');
    for (const q of ['Park(Phase 2)', 'Park（Phase ２）']) {
      const found = await request<{ items: { code: string; nameEn: string | null }[] }>(
        server.url,
        'GET',
        `/api/v1/org-units?q=${encodeURIComponent(q)}`,
        { auth: planner },
      );
      assert.equal(found.status, 200, JSON.stringify(found.body));
      assert.deepEqual(
        found.body.items.map((u) => [u.code, u.nameEn]),
        [['FIDELITY-UNIT', 'Demo Park（Phase ２）']],
        `searched for ${q}`,
      );
    }
  });

  it('keeps a project’s name and description as written', async () => {
    const created = await request<{ name: string; description: string | null }>(server.url, 'POST', '/api/v1/projects', {
      body: {
        name: ' 绿色硅材一体化项目（二期） ',
        zone: 'ZN-KM-HIGHTECH',
        totalInvestment: '150000',
        description: '年产１０万吨，分两期建设',
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual([created.body.name, created.body.description], ['绿色硅材一体化项目（二期）', '年产１０万吨，分两期建设']);
  });
});
