import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runNames, type NamedRun } from './run-names.ts';

const run: NamedRun = {
  scheme: { name: '亩均效益评价', nameEn: null },
  indicators: [
    { code: 'tax', name: '亩均税收', nameEn: 'Tax per mu' },
    { code: 'rd', name: '研发投入强度', nameEn: null },
  ],
  grades: [
    { label: 'A', labelEn: 'Excellent' },
    { label: 'B', labelEn: null },
  ],
  groups: [{ code: 'g2', name: '山区组' }],
};

describe('names in a run', () => {
  it('uses the English name where one is stored, else the Chinese', () => {
    const en = runNames(run, 'en');
    assert.deepEqual(
      [en.indicator('tax'), en.indicator('rd'), en.grade('A'), en.grade('B'), en.scheme()],
      ['Tax per mu', '研发投入强度', 'Excellent', 'B', '亩均效益评价'],
    );
    assert.equal(en.unit({ name: '甲', nameEn: 'Jia' }), 'Jia');
    assert.equal(en.unit({ name: '乙', nameEn: null }), '乙');
  });

  it('uses the Chinese names in Chinese, and the code for what the run does not know', () => {
    const zh = runNames(run, 'zh');
    assert.deepEqual(
      [zh.indicator('tax'), zh.grade('A'), zh.group('g2'), zh.unit({ name: '甲', nameEn: 'Jia' })],
      ['亩均税收', 'A', '山区组', '甲'],
    );
    assert.deepEqual([zh.indicator('gone'), zh.group('g9'), runNames(run, 'en').grade('Z')], ['gone', 'g9', 'Z']);
  });
});
