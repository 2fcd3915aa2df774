import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closedPeriods } from '../../src/domain/reporting/forms/form-periods.ts';
import type { EntrySheet } from '../../src/services/reporting/entry-sheet.service.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

const today = new Date().toISOString().slice(0, 10);
const [PERIOD, PREVIOUS, EARLIER, FOURTH] = closedPeriods('month', '2021-01', today, 4) as [string, string, string, string];
const sheetPath = (period: string) => `/api/v1/submissions/DEV_ZONE_MONTHLY/ZN-HH-MENGZI/${period}`;
const FIGURES = {
  REVENUE: '100',
  INDUSTRIAL_OUTPUT: '90',
  INDUSTRIAL_VA_ABOVE_SCALE: '22',
  FAI: '28',
  TAX_REVENUE: '6',
  TRADE_TOTAL: '11',
  LAND_AREA_MU: '15000',
  EMPLOYEES: '14000',
};

/*
 * Issue 18: the reviewer saw 上期 as "—" until the previous month was approved, though the unit had
 * sent it. It is shown as submitted, marked pending (待审), and final once approved.
 */
describe('上期 beside a sheet under review (issue 18)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let reporter: Session;
  let reviewer: Session;
  before(async () => {
    server = await startTestServer('pglite');
    reporter = await loginAs(server.url, 'mengzi.reporter');
    reviewer = await loginAs(server.url, 'hh.reviewer');
  });
  after(() => server.close());

  const revenuePrevious = async (auth: Session) => {
    const sheet = await request<EntrySheet>(server.url, 'GET', sheetPath(PERIOD), { auth });
    assert.equal(sheet.status, 200, JSON.stringify(sheet.body));
    return sheet.body.items.find((i) => i.indicator === 'REVENUE')!.previous;
  };

  it('shows the previous month as submitted, marked pending, then as approved', async () => {
    const saved = await request<EntrySheet>(server.url, 'PUT', `${sheetPath(PREVIOUS)}/values`, {
      auth: reporter,
      body: { values: Object.entries(FIGURES).map(([indicator, value]) => ({ indicator, value, expectedVersion: 0 })) },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    // A draft is not stated yet: nothing beside the cell.
    assert.deepEqual(await revenuePrevious(reviewer), { period: PREVIOUS, value: null, origin: null, pending: false });

    const submitted = await request<EntrySheet>(server.url, 'POST', `${sheetPath(PREVIOUS)}/submit`, {
      auth: reporter,
      body: { version: saved.body.submission.version },
    });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    assert.deepEqual(await revenuePrevious(reviewer), { period: PREVIOUS, value: '100', origin: 'reported', pending: true });
    assert.equal((await revenuePrevious(reporter)).pending, true);

    const approved = await request<EntrySheet>(server.url, 'POST', `${sheetPath(PREVIOUS)}/approve`, {
      auth: reviewer,
      body: { version: submitted.body.submission.version },
    });
    assert.equal(approved.body.submission.status, 'approved');
    assert.deepEqual(await revenuePrevious(reviewer), { period: PREVIOUS, value: '100', origin: 'reported', pending: false });
  });

  type Inbox = { items: { kind: string; title: { zh: string }; body: { zh: string }; link: string | null }[] };
  const inbox = async (auth: Session, kind: string) =>
    (await request<Inbox>(server.url, 'GET', '/api/v1/inbox', { auth })).body.items.filter((i) => i.kind === kind);

  it('tells the reviewers of a submission and the reporter of a return (with the comment) and an approval', async () => {
    const comment = '第３行固定资产投资与台账不符，请核实（１－１１月累计）';
    const link = `#/reporting/DEV_ZONE_MONTHLY/ZN-HH-MENGZI/${PERIOD}`;
    // Reviewers are led to the review view, reporters to the entry grid.
    const reviewLink = `#/reporting/review/DEV_ZONE_MONTHLY/ZN-HH-MENGZI/${PERIOD}`;
    const values = Object.entries(FIGURES).map(([indicator, value]) => ({ indicator, value, expectedVersion: 0 }));
    let res = await request<EntrySheet>(server.url, 'PUT', `${sheetPath(PERIOD)}/values`, { auth: reporter, body: { values } });
    const before = (await inbox(reviewer, 'report_submitted')).length;
    res = await request<EntrySheet>(server.url, 'POST', `${sheetPath(PERIOD)}/submit`, {
      auth: reporter,
      body: { version: res.body.submission.version },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const toReview = (await inbox(reviewer, 'report_submitted')).filter((n) => n.link === reviewLink);
    assert.equal(toReview.length, 1, 'the reviewer is told once');
    assert.equal((await inbox(reviewer, 'report_submitted')).length, before + 1);
    assert.match(toReview[0]!.title.zh, /^待审核：蒙自.*《.*》\d{4}年\d{1,2}月$/);
    assert.equal((await inbox(reporter, 'report_submitted')).length, 0, 'the one who acted is not told');

    res = await request<EntrySheet>(server.url, 'POST', `${sheetPath(PERIOD)}/return`, {
      auth: reviewer,
      body: { version: res.body.submission.version, comment },
    });
    assert.equal(res.body.submission.status, 'returned');
    const returned = (await inbox(reporter, 'report_returned')).filter((n) => n.link === link);
    assert.equal(returned.length, 1);
    assert.ok(returned[0]!.body.zh.endsWith(`审核意见：${comment}`), returned[0]!.body.zh);
    // The comment names 固定资产投资: the returned sheet shows it at that cell (issue 18).
    assert.deepEqual(res.body.submission.commentCells, ['FAI']);
    const audit = res.body.history.find((h) => h.action === 'return')!;
    // The unit's reporters (蒙自's own and any over it, such as 红河州's) were told; the audit says how many.
    assert.ok(((audit.after as { notified?: number }).notified ?? 0) >= 1, 'the audit records who was told');

    // Resubmitted: the reviewer is told again (a new version); approved: the reporter is told.
    res = await request<EntrySheet>(server.url, 'POST', `${sheetPath(PERIOD)}/submit`, {
      auth: reporter,
      body: { version: res.body.submission.version },
    });
    assert.equal((await inbox(reviewer, 'report_submitted')).filter((n) => n.link === reviewLink).length, 2);
    assert.deepEqual(res.body.submission.commentCells, [], 'only a returned sheet shows the comment at cells');
    res = await request<EntrySheet>(server.url, 'POST', `${sheetPath(PERIOD)}/approve`, {
      auth: reviewer,
      body: { version: res.body.submission.version },
    });
    assert.equal(res.body.submission.status, 'approved');
    const approved = (await inbox(reporter, 'report_approved')).filter((n) => n.link === link);
    assert.equal(approved.length, 1);
    assert.match(approved[0]!.title.zh, /^已审核通过：/);
  });
  it('returns with comments at cells: the reporter sees each at its cell, as written, until resubmitted (issue 18)', async () => {
    const values = Object.entries(FIGURES).map(([indicator, value]) => ({ indicator, value, expectedVersion: 0 }));
    let res = await request<EntrySheet>(server.url, 'PUT', `${sheetPath(EARLIER)}/values`, { auth: reporter, body: { values } });
    res = await request<EntrySheet>(server.url, 'POST', `${sheetPath(EARLIER)}/submit`, {
      auth: reporter,
      body: { version: res.body.submission.version },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const version = res.body.submission.version;

    const stray = await request<{ error: { code: string; details: { unknown: string[] } } }>(
      server.url,
      'POST',
      `${sheetPath(EARLIER)}/return`,
      { auth: reviewer, body: { version, comment: '请核实', cellComments: { GDP: '核实' } } },
    );
    assert.equal(stray.status, 422);
    assert.deepEqual([stray.body.error.code, stray.body.error.details.unknown], ['NOT_ON_FORM', ['GDP']]);
    const withApproval = await request<{ error: { code: string } }>(server.url, 'POST', `${sheetPath(EARLIER)}/approve`, {
      auth: reviewer,
      body: { version, cellComments: { FAI: '好' } },
    });
    assert.equal(withApproval.body.error.code, 'INVALID_REQUEST');

    const atCells = { FAI: '与月度调度数不符，请附台账（１－１１月）', EMPLOYEES: '  较上期增幅过大 ' };
    res = await request<EntrySheet>(server.url, 'POST', `${sheetPath(EARLIER)}/return`, {
      auth: reviewer,
      body: { version, comment: '', cellComments: { ...atCells, REVENUE: '   ' } },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const seen = await request<EntrySheet>(server.url, 'GET', sheetPath(EARLIER), { auth: reporter });
    assert.equal(seen.body.submission.status, 'returned');
    assert.deepEqual(seen.body.submission.cellComments, atCells, 'kept as written; the blank one dropped');
    assert.equal(seen.body.submission.reviewComment, `固定资产投资：${atCells.FAI}；从业人员：${atCells.EMPLOYEES.trim()}`);
    const returned = (await inbox(reporter, 'report_returned')).filter((n) => n.link?.endsWith(`/${EARLIER}`));
    assert.ok(returned[0]!.body.zh.includes(atCells.FAI), returned[0]!.body.zh);
    const audit = seen.body.history.find((h) => h.action === 'return')!;
    assert.deepEqual((audit.after as { cellComments?: unknown }).cellComments, atCells);

    res = await request<EntrySheet>(server.url, 'POST', `${sheetPath(EARLIER)}/submit`, {
      auth: reporter,
      body: { version: seen.body.submission.version },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.submission.cellComments, {}, 'a resubmitted sheet carries no comments at cells');
  });
  it('lists the files a reporter attaches to a sheet, readable by the reviewer, and none once submitted (issue 18)', async () => {
    type Uploaded = { id: string; name: string; url: string };
    const upload = await request<Uploaded>(
      server.url,
      'POST',
      `/api/v1/attachments?name=${encodeURIComponent('台账一至三月.txt')}`,
      {
        auth: reporter,
        body: new TextEncoder().encode('固定资产投资台账'),
        headers: { 'content-type': 'text/plain' },
      },
    );
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    const attached = await request<EntrySheet>(server.url, 'POST', `${sheetPath(FOURTH)}/attachments`, {
      auth: reporter,
      body: { attachments: [upload.body.id] },
    });
    assert.equal(attached.status, 200, JSON.stringify(attached.body));
    const seen = await request<EntrySheet>(server.url, 'GET', sheetPath(FOURTH), { auth: reviewer });
    assert.deepEqual(
      seen.body.attachments.map((a) => [a.id, a.name]),
      [[upload.body.id, '台账一至三月.txt']],
      'listed, named as uploaded',
    );
    assert.equal(seen.body.history[0]!.action, 'attach');
    const file = await request<string>(server.url, 'GET', upload.body.url, { auth: reviewer });
    assert.equal(file.status, 200);
    // The same upload cannot be attached twice, and another user's upload not at all.
    const again = await request<{ error: { code: string } }>(server.url, 'POST', `${sheetPath(FOURTH)}/attachments`, {
      auth: reporter,
      body: { attachments: [upload.body.id] },
    });
    assert.equal(again.body.error.code, 'ATTACHMENT_NOT_AVAILABLE');

    const values = Object.entries(FIGURES).map(([indicator, value]) => ({ indicator, value, expectedVersion: 0 }));
    let res = await request<EntrySheet>(server.url, 'PUT', `${sheetPath(FOURTH)}/values`, { auth: reporter, body: { values } });
    res = await request<EntrySheet>(server.url, 'POST', `${sheetPath(FOURTH)}/submit`, {
      auth: reporter,
      body: { version: res.body.submission.version },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const late = await request<Uploaded>(server.url, 'POST', '/api/v1/attachments?name=late.txt', {
      auth: reporter,
      body: new TextEncoder().encode('迟到的附件'),
      headers: { 'content-type': 'text/plain' },
    });
    const locked = await request<{ error: { code: string } }>(server.url, 'POST', `${sheetPath(FOURTH)}/attachments`, {
      auth: reporter,
      body: { attachments: [late.body.id] },
    });
    assert.equal(locked.status, 409);
    assert.equal(locked.body.error.code, 'LOCKED');
  });
});
