import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closedPeriods } from '../../src/domain/reporting/forms/form-periods.ts';
import { OPEN_PERIODS, RECENT_PERIODS } from '../../src/domain/reporting/workflow/work-periods.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

type WorkRow = { orgUnit: { code: string }; period: string; timeliness: string; status: string | null };
type Work = { form: { code: string }; rows: WorkRow[] }[];
type Completeness = { units: { orgUnit: { code: string }; timeliness: string }[] };

const today = new Date().toISOString().slice(0, 10);
const OPEN = closedPeriods('month', '2021-01', today, OPEN_PERIODS.month);

/*
 * Issue 18: a reporter did not see the months that are overdue in 填报 although 报送情况 and 导入
 * showed them. Without demo data nothing has been sent, so every open month is overdue for 蒙自.
 */
describe('我的填报 lists every period still owed (issue 18)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let reporter: Session;
  before(async () => {
    server = await startTestServer('pglite');
    reporter = await loginAs(server.url, 'mengzi.reporter');
  });
  after(() => server.close());

  it('shows an overdue month older than the recent ones, as 报送情况 classifies it', async () => {
    const old = OPEN[RECENT_PERIODS.month + 2]!;
    const completeness = await request<Completeness>(
      server.url,
      'GET',
      `/api/v1/forms/DEV_ZONE_MONTHLY/completeness?period=${old}`,
    );
    const standing = completeness.body.units.find((u) => u.orgUnit.code === 'ZN-HH-MENGZI')!;
    assert.equal(standing.timeliness, 'overdue');

    const work = await request<Work>(server.url, 'GET', '/api/v1/reporting/my-work', { auth: reporter });
    const monthly = work.body.find((w) => w.form.code === 'DEV_ZONE_MONTHLY')!;
    const row = monthly.rows.find((r) => r.period === old);
    assert.ok(row, `${old} is overdue and must be listed in 填报`);
    assert.equal(row.timeliness, standing.timeliness);
    // Every open month is owed here, so every one is listed, newest first.
    assert.deepEqual(
      monthly.rows.map((r) => r.period),
      OPEN,
    );

    const overdue = await request<{ form: { code: string }; orgUnit: { code: string }; period: string }[]>(
      server.url,
      'GET',
      '/api/v1/reporting/overdue',
      { auth: reporter },
    );
    const listed = new Set(
      overdue.body.filter((o) => o.form.code === 'DEV_ZONE_MONTHLY' && o.orgUnit.code === 'ZN-HH-MENGZI').map((o) => o.period),
    );
    assert.deepEqual(
      new Set(monthly.rows.filter((r) => r.timeliness === 'overdue').map((r) => r.period)),
      listed,
      'the overdue list and 填报 agree',
    );
  });
});
