import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workflowNotice, type WorkflowEvent } from './workflow-notice.ts';

const base: WorkflowEvent = {
  transition: 'submit',
  form: { code: 'DEV_ZONE_MONTHLY', name: '开发区月报', nameEn: 'Development zone monthly' },
  unit: { code: 'ZN-HH-MENGZI', name: '蒙自经开区', nameEn: 'Mengzi ETDZ' },
  period: '2026-11',
  periodLabel: { zh: '2026年11月', en: 'Nov 2026' },
  actorName: '蒙自填报员',
  comment: null,
  version: 3,
};

describe('workflowNotice', () => {
  it('tells the reviewers of a submission, linked to its review view', () => {
    const n = workflowNotice(base);
    assert.equal(n.kind, 'report_submitted');
    assert.equal(n.audience, 'reviewer');
    assert.equal(n.title.zh, '待审核：蒙自经开区《开发区月报》2026年11月');
    assert.equal(n.link, '#/reporting/review/DEV_ZONE_MONTHLY/ZN-HH-MENGZI/2026-11');
    assert.equal(n.dedupeKey, 'report_submitted:DEV_ZONE_MONTHLY:ZN-HH-MENGZI:2026-11:v3');
  });

  it('tells the reporters of a return with the comment exactly as written', () => {
    const comment = '第３行与台账不符，请核实（１－１１月）';
    const n = workflowNotice({ ...base, transition: 'return', actorName: '红河审核员', comment, version: 4 });
    assert.equal(n.kind, 'report_returned');
    assert.equal(n.audience, 'reporter');
    assert.ok(n.body.zh.endsWith(`审核意见：${comment}`));
    assert.ok(n.body.en.endsWith(comment));
  });

  it('tells the reporters of an approval and of a reopening', () => {
    assert.deepEqual(
      [workflowNotice({ ...base, transition: 'approve' }).kind, workflowNotice({ ...base, transition: 'approve' }).audience],
      ['report_approved', 'reporter'],
    );
    const reopened = workflowNotice({ ...base, transition: 'reopen', comment: '统计局反馈数据更正' });
    assert.equal(reopened.kind, 'report_returned');
    assert.match(reopened.title.zh, /^已退回更正：/);
  });

  it('tells again after a resubmission (a new version), never twice for one', () => {
    assert.notEqual(workflowNotice(base).dedupeKey, workflowNotice({ ...base, version: 5 }).dedupeKey);
  });
});
