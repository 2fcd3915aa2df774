import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closedPeriods } from '../../src/domain/reporting/forms/form-periods.ts';
import type { EntrySheet } from '../../src/services/reporting/entry-sheet.service.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };
const today = new Date().toISOString().slice(0, 10);
/** The latest month that is over, so it is open for entry whatever day the tests run. */
const [PERIOD, PREVIOUS] = closedPeriods('month', '2021-01', today, 2) as [string, string];
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

describe('statistical reporting workflow through the API', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let reporter: Session;
  let reviewer: Session;
  before(async () => {
    server = await startTestServer('pglite');
    reporter = await loginAs(server.url, 'mengzi.reporter');
    reviewer = await loginAs(server.url, 'hh.reviewer');
  });
  after(() => server.close());

  const sheet = async (auth: Session) => (await request<EntrySheet>(server.url, 'GET', SHEET, { auth })).body;
  const save = (
    auth: Session,
    values: { indicator: string; value: string | null; expectedVersion: number }[],
    explanations?: Record<string, string>,
  ) => request<EntrySheet & ErrorBody>(server.url, 'PUT', `${SHEET}/values`, { auth, body: { values, explanations } });
  const transition = (auth: Session, name: string, version: number, comment?: string) =>
    request<EntrySheet & ErrorBody>(server.url, 'POST', `${SHEET}/${name}`, { auth, body: { version, comment } });

  it('lists the forms with their rules and the reporter’s own work', async () => {
    const forms = await request<{ code: string; rules: unknown[] }[]>(server.url, 'GET', '/api/v1/forms');
    assert.deepEqual(
      forms.body.map((f) => f.code),
      [
        'BONDED_ZONE_ANNUAL_SCALE',
        'BONDED_ZONE_MONTHLY',
        'BONDED_ZONE_PLAN_OFFICE_ANNUAL',
        'DEV_ZONE_ANNUAL',
        'DEV_ZONE_MONTHLY',
        'DIANZHONG_COUNTY_ANNUAL',
        'FTZ_AREA_QUARTERLY',
        'FTZ_PLAN_OFFICE_ANNUAL',
        'PARKS_PLAN_OFFICE_ANNUAL',
        'PREFECTURE_ANNUAL',
        'REGIONAL_PLAN_OFFICE_ANNUAL',
      ],
    );
    const work = await request<{ form: { code: string }; rows: { orgUnit: { code: string }; period: string }[] }[]>(
      server.url,
      'GET',
      '/api/v1/reporting/my-work',
      { auth: reporter },
    );
    assert.deepEqual(
      work.body.map((w) => w.form.code),
      // The zone owes its monthly report and, since issue 15, the annual 开发区发展年报.
      ['DEV_ZONE_ANNUAL', 'DEV_ZONE_MONTHLY'],
    );
    const monthly = work.body.find((w) => w.form.code === 'DEV_ZONE_MONTHLY')!;
    assert.deepEqual(new Set(monthly.rows.map((r) => r.orgUnit.code)), new Set(['ZN-HH-MENGZI']));
    assert.equal(monthly.rows[0]!.period, PERIOD);
  });

  it('refuses submission with missing figures, then saves drafts and shows comparisons', async () => {
    const empty = await sheet(reporter);
    assert.equal(empty.submission.status, 'draft');
    assert.equal(empty.items.find((i) => i.indicator === 'REVENUE')!.previous.period, PREVIOUS);
    const refused = await transition(reporter, 'submit', 0);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.code, 'SUBMISSION_INVALID');
    assert.ok((refused.body.error.details!.missing as string[]).includes('REVENUE'));

    const saved = await save(
      reporter,
      Object.entries(FIGURES).map(([indicator, value]) => ({ indicator, value, expectedVersion: 0 })),
    );
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.items.find((i) => i.indicator === 'REVENUE')!.value, '120.5');
    assert.equal(saved.body.canSubmit, true, JSON.stringify(saved.body.findings));
  });

  it('blocks a hard-rule failure and never overwrites a concurrent edit silently', async () => {
    const bad = await save(reporter, [{ indicator: 'INDUSTRIAL_VA_ABOVE_SCALE', value: '200', expectedVersion: 1 }]);
    assert.equal(bad.status, 200);
    const finding = bad.body.findings.find((f) => f.ruleId === 'va-within-output');
    assert.ok(finding && finding.severity === 'error');
    assert.match(finding.message.zh, /规上工业增加值不能大于工业总产值/);
    assert.equal(bad.body.canSubmit, false);
    const refused = await transition(reporter, 'submit', bad.body.submission.version);
    assert.equal(refused.status, 422);

    // A second editor still holding version 1 of the cell gets both values back.
    const stale = await save(reporter, [{ indicator: 'INDUSTRIAL_VA_ABOVE_SCALE', value: '24', expectedVersion: 1 }]);
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
    assert.deepEqual([stale.body.error.details!.yours, stale.body.error.details!.theirs], ['24', '200']);
    const fixed = await save(reporter, [{ indicator: 'INDUSTRIAL_VA_ABOVE_SCALE', value: '25.1', expectedVersion: 2 }]);
    assert.equal(fixed.body.canSubmit, true);
  });

  it('goes submit → return with a comment → correct → resubmit → approve, audited, then locked', async () => {
    let s = await sheet(reporter);
    let res = await transition(reporter, 'submit', s.submission.version);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.submission.status, 'submitted');
    const firstSubmittedAt = res.body.submission.firstSubmittedAt;

    const locked = await save(reporter, [{ indicator: 'FAI', value: '31', expectedVersion: 1 }]);
    assert.equal([locked.status, locked.body.error.code].join(), '409,LOCKED');
    const queue = await request<{ orgUnit: { code: string }; period: string }[]>(
      server.url,
      'GET',
      '/api/v1/reporting/review-queue',
      {
        auth: reviewer,
      },
    );
    assert.ok(queue.body.some((q) => q.orgUnit.code === 'ZN-HH-MENGZI' && q.period === PERIOD));
    assert.equal((await transition(reporter, 'approve', res.body.submission.version)).status, 403);

    const noComment = await transition(reviewer, 'return', res.body.submission.version);
    assert.equal(noComment.body.error.code, 'COMMENT_REQUIRED');
    res = await transition(reviewer, 'return', res.body.submission.version, '固定资产投资与月度调度数不符，请核实');
    assert.equal(res.body.submission.status, 'returned');
    assert.equal(res.body.submission.reviewComment, '固定资产投资与月度调度数不符，请核实');

    s = await sheet(reporter);
    const fai = s.items.find((i) => i.indicator === 'FAI')!;
    assert.equal((await save(reporter, [{ indicator: 'FAI', value: '31.2', expectedVersion: fai.version }])).status, 200);
    s = await sheet(reporter);
    res = await transition(reporter, 'submit', s.submission.version);
    assert.equal(res.body.submission.status, 'submitted');
    assert.equal(res.body.submission.firstSubmittedAt, firstSubmittedAt, 'timeliness counts from the first submission');
    res = await transition(reviewer, 'approve', res.body.submission.version);
    assert.equal(res.body.submission.status, 'approved');
    assert.deepEqual(
      res.body.history.map((h) => h.action),
      ['approve', 'submit', 'return', 'submit'],
    );
    const afterApproval = await save(reporter, [{ indicator: 'FAI', value: '1', expectedVersion: 2 }]);
    assert.equal(afterApproval.body.error.code, 'LOCKED');
    const stale = await transition(reviewer, 'reopen', res.body.submission.version - 1, '更正');
    assert.equal(stale.status, 409);
    const reopened = await transition(reviewer, 'reopen', res.body.submission.version, '统计局反馈数据更正');
    assert.equal(reopened.body.submission.status, 'returned');
  });

  it('keeps reporters to their own units and reports completeness', async () => {
    const other = await request<ErrorBody>(server.url, 'GET', `/api/v1/submissions/DEV_ZONE_MONTHLY/ZN-KM-HIGHTECH/${PERIOD}`, {
      auth: reporter,
    });
    assert.equal(other.status, 404);
    const wrongForm = await request<ErrorBody>(
      server.url,
      'GET',
      `/api/v1/submissions/BONDED_ZONE_MONTHLY/ZN-HH-MENGZI/${PERIOD}`,
      {
        auth: reporter,
      },
    );
    assert.equal(wrongForm.body.error.code, 'NOT_A_REPORTER');
    const c = await request<{
      dueDate: string;
      summary: { units: number; onTime: number; late: number; overdue: number; pending: number };
      units: { orgUnit: { code: string }; timeliness: string }[];
    }>(server.url, 'GET', `/api/v1/forms/DEV_ZONE_MONTHLY/completeness?period=${PERIOD}`);
    // Every development_zone of the dataset (the two 综合保税区 report their own form).
    assert.equal(c.body.summary.units, 61);
    const mine = c.body.units.find((u) => u.orgUnit.code === 'ZN-HH-MENGZI')!;
    assert.equal(mine.timeliness, today <= c.body.dueDate ? 'on_time' : 'late');
    const { onTime, late, overdue, pending } = c.body.summary;
    assert.equal(onTime + late, 1);
    assert.equal(overdue + pending, 60);
    assert.equal(today > c.body.dueDate ? overdue : pending, 60);
  });
});
