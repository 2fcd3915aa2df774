import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterLines } from './filter-lines.ts';

describe('the filtered workbook’s 说明 lines', () => {
  const subjects = [
    { code: 'YN-HH', name: '红河州' },
    { code: 'YN-FTZ', name: '云南自贸试验区' },
  ];
  it('names the responsible subject as the plan does, never by its code', () => {
    const lines = filterLines({ subject: 'YN-HH', warning: 'red', sort: '-completion' }, subjects);
    assert.deepEqual(lines, ['预警为红色', '责任主体为红河州', '按完成程度降序排列']);
  });
  it('quotes a code no target carries, saying so', () => {
    assert.deepEqual(filterLines({ subject: 'YN-XX' }, subjects), ['责任主体为“YN-XX”（本规划无此责任主体）']);
  });
});
