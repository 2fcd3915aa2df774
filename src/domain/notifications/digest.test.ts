import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDigest, type DigestItem } from './digest.ts';

const item = (kind: DigestItem['kind'], zh: string, dueOn: string | null = null, link: string | null = null): DigestItem => ({
  kind,
  title: { zh, en: `EN ${zh}` },
  body: { zh: `${zh}说明`, en: `about ${zh}` },
  link,
  dueOn,
});
const base = { recipientName: '蒙自填报员', today: '2026-11-23', deadlineWithinDays: 3, appUrl: null };

describe('buildDigest', () => {
  it('sends nothing when nothing is pending', () => {
    assert.equal(buildDigest({ ...base, items: [] }), null);
  });

  it('groups warnings, near deadlines and overdue reports, Chinese first and English below', () => {
    const d = buildDigest({
      ...base,
      appUrl: 'https://plantrack.example',
      items: [
        item('report_overdue', '开发区月报 2026-09', '2026-10-15'),
        item('new_warning', '红色预警：营业收入', null, '#/monitor'),
        item('deadline_approaching', '开发区月报 2026-10', '2026-11-25'),
        item('deadline_approaching', '年报 2026', '2027-03-31'),
      ],
    })!;
    assert.deepEqual(d.counts, { warnings: 1, deadlines: 1, overdue: 1, workflow: 0 });
    assert.match(d.subject, /^PlanTrack 每日提醒 2026-11-23：新增预警1条、即将到期1项、逾期1项 \/ Daily digest/);
    const lines = d.text.split('\n');
    assert.equal(lines[0], '蒙自填报员，您好：');
    assert.ok(lines.includes('一、新增预警（1）'));
    assert.ok(lines.includes('  1. 红色预警：营业收入：红色预警：营业收入说明 https://plantrack.example#/monitor'));
    assert.ok(lines.includes('二、3日内到期的报送（1）'));
    assert.ok(lines.includes('  1. 开发区月报 2026-10（截止 2026-11-25，还剩2天）'));
    assert.ok(lines.includes('三、逾期未报（1）'));
    assert.ok(lines.includes('  1. 开发区月报 2026-09（截止 2026-10-15，已逾期39天）'));
    assert.ok(!d.text.includes('年报 2026'), 'a deadline months away waits for a later digest');
    assert.ok(d.text.indexOf('一、新增预警') < d.text.indexOf('New warnings (1)'), 'Chinese comes first');
    assert.ok(lines.includes('  1. EN 开发区月报 2026-10 (due 2026-11-25, 2 day(s) left)'));
    assert.ok(lines.includes('请登录平台查看详情：https://plantrack.example#/inbox'));
  });

  it('numbers sections by what is present', () => {
    const d = buildDigest({ ...base, items: [item('report_overdue', '季报', '2026-10-31')] })!;
    assert.ok(d.text.includes('一、逾期未报（1）'));
    assert.deepEqual(d.counts, { warnings: 0, deadlines: 0, overdue: 1, workflow: 0 });
  });

  it('drops deadlines already past: their overdue notice covers them', () => {
    assert.equal(buildDigest({ ...base, items: [item('deadline_approaching', '月报', '2026-11-20')] }), null);
  });

  it('lists the workflow’s notices with the reviewer’s comment as written (issue 18)', () => {
    const returned: DigestItem = {
      kind: 'report_returned',
      title: { zh: '已退回修改：蒙自经开区《开发区月报》2026年10月', en: 'Returned: Mengzi, Nov 2026' },
      body: { zh: '红河审核员已退回。审核意见：第３行与台账不符，请核实', en: 'Reviewer’s comment: 第３行与台账不符，请核实' },
      link: '#/reporting/DEV_ZONE_MONTHLY/ZN-HH-MENGZI/2026-10',
      dueOn: null,
    };
    const d = buildDigest({ ...base, items: [item('report_overdue', '季报', '2026-10-31'), returned] })!;
    assert.deepEqual(d.counts, { warnings: 0, deadlines: 0, overdue: 1, workflow: 1 });
    const lines = d.text.split('\n');
    assert.ok(lines.includes('二、报送审核（1）'));
    assert.ok(lines.includes(`  1. ${returned.title.zh}：${returned.body.zh}`));
    assert.match(d.subject, /逾期1项、报送审核1项 \/ Daily digest/);
  });
});
