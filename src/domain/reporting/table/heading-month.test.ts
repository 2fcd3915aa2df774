import assert from 'node:assert/strict';
import { it } from 'node:test';
import { monthWithoutYear, placeHeadingMonth } from './heading-month.ts';

it('reads the month of a heading without a year', () => {
  assert.equal(monthWithoutYear('营业收入1-5月累计'), 5);
  assert.equal(monthWithoutYear('营业收入（亿元）１－６月'), 6);
  assert.equal(monthWithoutYear('12月份'), 12);
  assert.equal(monthWithoutYear('营业收入2024年1-6月累计'), null);
  assert.equal(monthWithoutYear('本月'), null);
  assert.equal(monthWithoutYear('13月'), null);
});

it('places it in the sheet’s year, in the form’s frequency', () => {
  assert.deepEqual(placeHeadingMonth(5, '2024-06', 'month'), { period: '2024-05' });
  assert.deepEqual(placeHeadingMonth(6, '2024Q2', 'quarter'), { period: '2024Q2' });
  assert.deepEqual(placeHeadingMonth(5, '2024Q2', 'quarter'), { misfit: '2024年5月' });
  assert.deepEqual(placeHeadingMonth(12, '2023', 'year'), { period: '2023' });
  assert.equal(placeHeadingMonth(5, null, 'month'), null);
});
