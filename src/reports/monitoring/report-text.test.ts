import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIXTURE_PROGRESS as P } from './monitoring-report.fixture.ts';
import { behindIntro, freshnessIntro, overviewParagraphs, suggestions } from './report-text.ts';

describe('monitoring report sentences', () => {
  it('summarises classes, time share, half-time test and warnings from the figures', () => {
    const [classes, time, warnings, note] = overviewParagraphs(P);
    assert.equal(
      classes,
      '截至2024年第二季度，《中国（云南）自由贸易试验区发展规划》（2021—2025年）共监测目标3项，其中快于预期1项、滞后1项、数据不足1项。',
    );
    assert.equal(
      time,
      '规划期时序进度为60%。按“时间过半、任务过半”要求评价目标2项，达到要求1项，未达到1项（进出口总额（亿元））。',
    );
    assert.equal(warnings, '预警情况：红色预警1项，黄色预警1项，绿色1项。');
    assert.match(note!, /模拟/);
  });
  it('builds suggestions only from what the figures show', () => {
    const s = suggestions(P);
    assert.match(s[0]!, /^加快推进滞后指标。进出口总额（亿元）（完成56%，需年均增长33.6%，已实现年均增长11.9%）/);
    assert.match(s[1]!, /1项目标未达到时序进度/);
    assert.match(s[2]!, /单位GDP能耗共1项指标数据不足/);
    assert.match(s[3]!, /昆明市（州市区域协调发展主要指标年报，2024，截止2025-03-31）/);
    assert.match(s[4]!, /提前实现和快于预期的目标共1项/);
  });
  it('says so when nothing is behind or owed', () => {
    const calm = {
      ...P,
      summary: { ...P.summary, halfTimeFail: 0, byClass: { ...P.summary.byClass, behind: 0, insufficient_data: 0, ahead: 0 } },
      targets: [],
    };
    assert.equal(behindIntro(calm), '本期无滞后指标。');
    assert.equal(freshnessIntro(calm), '各项指标数据均已按期更新。');
    assert.deepEqual(suggestions(calm), ['各项目标总体符合预期，建议保持当前推进力度，按期报送监测数据。']);
  });
});
