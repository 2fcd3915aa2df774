import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closedPeriods, dueDate } from '../../src/domain/reporting/forms/form-periods.ts';
import { request, startTestServer } from '../support/server.ts';

/*
 * Freshness through GET /api/v1/progress for a zone target whose indicator a reporting form collects:
 * 昆明高新区营业收入 (yunnan-parks-2021-2025, REVENUE of ZN-KM-HIGHTECH), collected monthly by
 * DEV_ZONE_MONTHLY (due on the 10th of the next month). No demo figures, so only what is approved here counts.
 */
const PLAN = 'yunnan-parks-2021-2025';
const TARGET = 'km-hightech-revenue-2025';
const UNIT = 'ZN-KM-HIGHTECH';
const FORM = 'DEV_ZONE_MONTHLY';
const DEADLINE = { monthsAfter: 1, day: 10 };
const today = new Date().toISOString().slice(0, 10);
/**
 * As of the latest month that is over (AT), freshness is judged the day after it: AT itself is not due
 * yet (due on the 10th of the next month), so the last period due is the month before (DUE).
 */
const [AT, DUE] = closedPeriods('month', '2021-01', today, 2) as [string, string];

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

interface Freshness {
  lastUpdated: string | null;
  lastPeriod: string | null;
  stale: boolean;
  owes: {
    orgUnit: string;
    orgUnitName: string;
    form: string;
    formName: string;
    formNameEn: string;
    period: string;
    dueDate: string;
  } | null;
}
interface Progress {
  targets: { key: string; subject: { kind: string; code: string }; indicator: { code: string }; freshness: Freshness }[];
}
interface Sheet {
  submission: { status: string; version: number };
  canSubmit: boolean;
  findings: unknown[];
}

describe('freshness of a target through the progress API', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  /** Just before the figures were first saved. */
  let savedFrom = 0;
  const sheet = `/api/v1/submissions/${FORM}/${UNIT}/${DUE}`;

  before(async () => {
    server = await startTestServer('pglite');
  });
  after(() => server.close());

  const freshness = async (): Promise<Freshness> => {
    const res = await request<Progress>(server.url, 'GET', `/api/v1/progress?plan=${PLAN}&at=${AT}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const t = res.body.targets.find((x) => x.key === TARGET);
    assert.ok(t, `${TARGET} is in the plan`);
    assert.deepEqual([t.subject.kind, t.subject.code, t.indicator.code], ['org_unit', UNIT, 'REVENUE']);
    return t.freshness;
  };

  it('is stale while the last period due is missing, and the zone owes its first month', async () => {
    const f = await freshness();
    assert.equal(f.stale, true);
    assert.ok(f.owes);
    assert.equal(f.owes.orgUnit, UNIT);
    assert.match(f.owes.orgUnitName, /高新/);
    assert.equal(f.owes.form, FORM);
    // Nothing reported yet: the first period of the form is owed, long overdue.
    assert.equal(f.owes.period, '2021-01');
    assert.equal(f.owes.dueDate, '2021-02-10');
    assert.ok(f.lastPeriod === null || !f.lastPeriod.includes('-'), `no monthly figure yet: ${f.lastPeriod}`);
  });

  it('does not count a figure until it is approved', async () => {
    savedFrom = Date.now() - 1000;
    const saved = await request<Sheet>(server.url, 'PUT', `${sheet}/values`, {
      body: { values: Object.entries(FIGURES).map(([indicator, value]) => ({ indicator, value, expectedVersion: 0 })) },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.canSubmit, true, JSON.stringify(saved.body.findings));
    const submitted = await request<Sheet>(server.url, 'POST', `${sheet}/submit`, {
      body: { version: saved.body.submission.version, comment: null },
    });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    assert.equal(submitted.body.submission.status, 'submitted');
    const f = await freshness();
    assert.equal(f.stale, true, 'a submitted figure is not yet a figure');
    assert.equal(f.owes?.period, '2021-01');
  });

  it('after approval: updated now, latest period the one approved, not stale, next month owed', async () => {
    const current = await request<Sheet>(server.url, 'GET', sheet);
    const approved = await request<Sheet>(server.url, 'POST', `${sheet}/approve`, {
      body: { version: current.body.submission.version, comment: null },
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.submission.status, 'approved');

    const f = await freshness();
    assert.equal(f.lastPeriod, DUE);
    assert.ok(f.lastUpdated, 'lastUpdated is set');
    // When the figure was saved or approved in this test, never before and never in the future.
    assert.ok(Date.parse(f.lastUpdated) >= savedFrom && Date.parse(f.lastUpdated) <= Date.now() + 1000, f.lastUpdated);
    assert.equal(f.stale, false);
    assert.deepEqual(f.owes && { ...f.owes, orgUnitName: undefined }, {
      orgUnit: UNIT,
      orgUnitName: undefined,
      form: FORM,
      // The form is named for the zh UI and the exports (issue 19), not only by its code.
      formName: '开发区主要经济指标月报',
      formNameEn: 'Development zone monthly key indicators',
      period: AT,
      dueDate: dueDate(AT, DEADLINE),
    });
  });

  it('names who owes the inputs of a derived indicator (亩均营业收入 = revenue ÷ land, both collected monthly)', async () => {
    const res = await request<Progress>(server.url, 'GET', `/api/v1/progress?plan=${PLAN}&at=${AT}`);
    const t = res.body.targets.find((x) => x.key === 'revenue-per-mu-provincial-2025');
    assert.ok(t, "the provincial zones' 亩均 target is in the plan");
    assert.equal(t.indicator.code, 'REVENUE_PER_MU');
    // No provincial zone has reported anything here: the first month is owed (by the first such zone found).
    assert.equal(t.freshness.stale, true);
    assert.equal(t.freshness.owes?.form, FORM);
    assert.equal(t.freshness.owes?.period, '2021-01');
    assert.equal(t.freshness.owes?.dueDate, dueDate('2021-01', DEADLINE));
  });
});
