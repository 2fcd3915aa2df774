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
      '甲：得分 103.0，排名第 1 位，等级「优秀」。贡献最大的是地区生产总值增速（50.0 分）；相对最弱的是地区生产总值增速（标准化值 1.00）。加分 3.0，扣分 0.0。',
    );
    assert.match(explain(r[1]!, scheme, 'en'), /^乙: score [\d.]+, rank 3, grade "Fair"\..*Parks had no data/);
  });
  it('explains a veto and an incomplete unit', () => {
    assert.match(explain(r[3]!, scheme, 'zh'), /一票否决：重大污染事件/);
    assert.match(explain(r[3]!, scheme, 'en'), /Veto: major pollution/);
    assert.equal(explain(r[4]!, scheme, 'zh'), '戊：缺少必填指标（地区生产总值增速）的数据，未计分、未排名、未定级。');
  });
});
