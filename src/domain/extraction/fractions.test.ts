import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findFractions } from './fractions.ts';

describe('findFractions', () => {
  it('reads Chinese and Arabic fractions and 过半 as percentages', () => {
    assert.deepEqual(
      findFractions('占比达到三分之一以上,力争1/4,企业过半,五分之二左右').map((f) => [f.percent, f.suffix]),
      [
        ['33.33', '以上'],
        ['25', undefined],
        ['50', '以上'],
        ['40', '左右'],
      ],
    );
  });
  it('leaves dates, ratios above one and longer numbers alone', () => {
    assert.deepEqual(findFractions('12/31日前完成,3/2,2023/12,100/3'), []);
  });
});
