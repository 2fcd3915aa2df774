import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bottomGrade,
  runPublishedNotice,
  supervisionReason,
  supervisionTask,
  unitResultNotice,
  type ResultRun,
  type ResultUnit,
} from './results-use.ts';

const run: ResultRun = {
  id: 7,
  year: 2024,
  scheme: { code: 'dev-zone-per-mu', name: '开发区亩均效益评价', nameEn: 'Per-mu evaluation' },
  // Deliberately not in cut-off order: the lowest grade is the smallest cut-off, wherever it stands.
  grades: [
    { label: '良好', labelEn: 'Good', minScore: 70 },
    { label: '优秀', labelEn: 'Excellent', minScore: 85 },
    { label: '待提升', labelEn: 'To improve', minScore: 0 },
    { label: '合格', labelEn: 'Pass', minScore: 55 },
  ],
  simulated: false,
};

const unit: ResultUnit = {
  code: 'ZN-LC-BORDER',
  name: '临沧边境经济合作区',
  nameEn: null,
  score: 48.123456,
  rank: 9,
  grade: '待提升',
  status: 'complete',
  vetoes: [],
  floors: [],
  explanation: { zh: '亩均税收低于同类园区。', en: 'Tax per mu below its peers.' },
};

describe('results use', () => {
  it('the bottom grade is the one with the smallest cut-off', () => {
    assert.equal(bottomGrade(run.grades), '待提升');
    assert.equal(bottomGrade([]), undefined);
  });

  it('a bottom grade, a veto or a floor calls for 督办; a middle grade or no grade does not', () => {
    assert.equal(supervisionReason(unit, run.grades), 'bottom_grade');
    assert.equal(supervisionReason({ ...unit, grade: '良好' }, run.grades), null);
    assert.equal(supervisionReason({ ...unit, grade: null, score: null }, run.grades), null);
    const vetoed = { ...unit, grade: '待提升', vetoes: [{ reason: '发生重大安全事故', reasonEn: null }] };
    assert.equal(supervisionReason(vetoed, run.grades), 'veto');
    // A veto counts even where the unit has no grade of its own.
    assert.equal(supervisionReason({ ...vetoed, grade: null }, run.grades), 'veto');
    const capped = { ...unit, grade: '合格', floors: [{ reason: '亩均低于600万元', reasonEn: null, maxGrade: '合格' }] };
    assert.equal(supervisionReason(capped, run.grades), 'floor');
  });

  it("tells a unit its grade, score to two decimals, rank among peers and the run's explanation, linked to its page", () => {
    const n = unitResultNotice(run, unit, 12);
    assert.equal(n.title.zh, '评价结果已发布：《开发区亩均效益评价》2024年 — 临沧边境经济合作区');
    assert.equal(n.body.zh, '临沧边境经济合作区等级待提升，得分 48.12，排名 9/12。亩均税收低于同类园区。');
    assert.equal(n.body.en, '临沧边境经济合作区: grade 待提升, score 48.12, rank 9/12. Tax per mu below its peers.');
    assert.equal(n.link, '#/evaluation/runs/7/units/ZN-LC-BORDER');
    assert.equal(n.dedupeKey, 'evaluation-published:7:ZN-LC-BORDER');
    const ungraded = unitResultNotice(run, { ...unit, grade: null, score: null, rank: null }, 12);
    assert.equal(ungraded.body.zh, '临沧边境经济合作区因缺数未评定等级。亩均税收低于同类园区。');
  });

  it('a simulated run says 模拟 in every notice and task', () => {
    const sim = { ...run, simulated: true };
    assert.match(unitResultNotice(sim, unit, 12).title.zh, /（模拟）/);
    assert.match(runPublishedNotice(sim, { units: 12, toSupervise: 2 }).title.en, /\(simulated\)/);
    assert.match(supervisionTask(sim, unit, 'bottom_grade').text, /（模拟）/);
  });

  it('the 督办 task is keyed by run and unit and says why', () => {
    const t = supervisionTask(run, { ...unit, vetoes: [{ reason: '发生重大安全事故', reasonEn: null }] }, 'veto');
    assert.equal(t.key, 'eval-7-ZN-LC-BORDER');
    assert.equal(
      t.text,
      '考核评价整改：临沧边境经济合作区在《开发区亩均效益评价》2024年评价中触发一票否决（待提升）：发生重大安全事故。请对照评价说明整改并按期回复。',
    );
    assert.match(t.notice, /亩均税收低于同类园区。请提出整改措施/);
  });
});
