import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changeOn } from './review-change.ts';

describe('change of a figure on an earlier one (review view)', () => {
  it('gives the difference and the percent change exactly, to one decimal half up', () => {
    assert.deepEqual(changeOn('160', '100'), { delta: '60', percent: '60.0' });
    assert.deepEqual(changeOn('0.3', '0.1'), { delta: '0.2', percent: '200.0' });
    assert.deepEqual(changeOn('98.2', '90'), { delta: '8.2', percent: '9.1' });
    // 1.0005 % rounds half up to 1.0; 2.25 % to 2.3
    assert.deepEqual(changeOn('101.0005', '100'), { delta: '1.0005', percent: '1.0' });
    assert.deepEqual(changeOn('102.25', '100'), { delta: '2.25', percent: '2.3' });
    assert.deepEqual(changeOn('90', '100'), { delta: '-10', percent: '-10.0' });
    assert.deepEqual(changeOn('99.99', '100'), { delta: '-0.01', percent: '0.0' });
  });

  it('has no percent against zero and nothing when a figure is missing', () => {
    assert.deepEqual(changeOn('5', '0'), { delta: '5', percent: null });
    assert.equal(changeOn(null, '100'), null);
    assert.equal(changeOn('100', null), null);
  });
});
