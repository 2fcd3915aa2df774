import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkGrowth } from './check-growth.ts';

test('a stated 同比 that the figures give agrees, within its rounding', () => {
  // 12.5 on 11.54: +8.318…%
  assert.deepEqual(checkGrowth('8.3', '12.5', '11.54'), { kind: 'agrees', computed: '8.3' });
  assert.deepEqual(checkGrowth('8', '12.5', '11.54'), { kind: 'agrees', computed: '8.3' });
  assert.deepEqual(checkGrowth('-20.0', '8', '10'), { kind: 'agrees', computed: '-20.0' });
});

test('one that the figures do not give differs, with the growth they give', () => {
  assert.deepEqual(checkGrowth('12.5', '12.5', '11.54'), { kind: 'differs', computed: '8.3' });
  assert.deepEqual(checkGrowth('8.5', '12.5', '11.54'), { kind: 'differs', computed: '8.3' });
});

test('without a figure or last year’s it cannot be checked', () => {
  assert.deepEqual(checkGrowth('8.3', null, '11'), { kind: 'unchecked', reason: 'no_figure' });
  assert.deepEqual(checkGrowth('8.3', '12', null), { kind: 'unchecked', reason: 'no_last_year' });
  assert.deepEqual(checkGrowth('8.3', '12', '0'), { kind: 'unchecked', reason: 'zero_last_year' });
});
