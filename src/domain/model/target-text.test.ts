import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { targetText } from './target-text.ts';

describe('targetText', () => {
  it('writes each comparator in one short line', () => {
    assert.equal(targetText({ comparator: 'at_least', value: '2675.78' }), '≥ 2675.78');
    assert.equal(targetText({ comparator: 'range', min: '3', max: '5' }), '3–5');
    assert.equal(targetText({ comparator: 'annual_growth', rate: '7' }), '年均增长 7%');
    assert.equal(targetText({ comparator: 'cumulative_change', rate: '-13.5' }), '累计变化 -13.5%');
    assert.equal(targetText({ comparator: 'qualitative', text: '基本建成' }), '基本建成');
  });
  it('marks an extracted exact figure as approximate when asked', () => {
    assert.equal(targetText({ comparator: 'exactly', value: '5.5' }), '= 5.5');
    assert.equal(targetText({ comparator: 'exactly', value: '5.5' }, '≈'), '≈ 5.5');
  });
});
