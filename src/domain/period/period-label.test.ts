import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { periodLabel } from './period-label.ts';

describe('periodLabel', () => {
  it('names months, quarters and years in Chinese and English', () => {
    assert.deepEqual(
      ['2026-03', '2025Q2', '2024'].map((p) => [periodLabel(p, 'zh'), periodLabel(p, 'en')]),
      [
        ['2026年3月', 'Mar 2026'],
        ['2025年第2季度', '2025 Q2'],
        ['2024年', '2024'],
      ],
    );
  });
  it('leaves text that is not a period unchanged', () => {
    assert.equal(periodLabel('上期', 'zh'), '上期');
  });
});
