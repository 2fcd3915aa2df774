import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate } from './evaluate.ts';
import { scheme, units } from './demo.fixture.ts';
import { explain } from './explain.ts';

describe('explain', () => {
  const r = evaluate(scheme, units);
  it('explains a scored unit in Chinese and English', () => {
    assert.equal(
      explain(r[0]!, scheme, 'zh'),
      // Every indicator at full marks: no "weakest" to name (it would repeat the largest contribution).
      '甲：得分 103.0，排名第 1 位，等级「优秀」。贡献最大的是地区生产总值增速（50.0 分）。加分 3.0，扣分 0.0。',
    );
    assert.match(explain(r[2]!, scheme, 'zh'), /；相对最弱的是/);
    // 乙 lacks the optional parks figure: scored on the rest, not ranked, graded on the data it has.
    assert.match(
      explain(r[1]!, scheme, 'en'),
      /^乙: missing data \(Parks\); score on the available indicators [\d.]+, not ranked; grade "Poor"\..*The grade rests on 52\.8/,
    );
  });
  it('does not say a weight-0 (veto-only) indicator had its weight shared out', () => {
    const vetoOnly = { ...scheme, indicators: scheme.indicators.map((i) => (i.code === 'park' ? { ...i, weight: 0 } : i)) };
    const b = evaluate(vetoOnly, units)[1]!;
    assert.doesNotMatch(explain(b, vetoOnly, 'en'), /Parks/);
  });
  it('explains a veto and an incomplete unit', () => {
    assert.match(explain(r[3]!, scheme, 'zh'), /一票否决：重大污染事件/);
    assert.match(explain(r[3]!, scheme, 'en'), /Veto: major pollution/);
    assert.equal(explain(r[4]!, scheme, 'zh'), '戊：缺少指标（地区生产总值增速、园区数量）的数据，未计分、未排名、未定级。');
  });
});
