import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lowerIsBetter, sparkline, trendOf } from './trend.ts';

const s = (...pairs: [number, string][]) => pairs.map(([year, value]) => ({ year, value }));

test('compares the last year with the one before, whatever the input order', () => {
  const t = trendOf(s([2024, '110'], [2022, '90'], [2023, '100']), false);
  assert.deepEqual(t, { direction: 'up', improving: true, year: 2024, previousYear: 2023, change: 0.1 });
});

test('a fall is good news for a target that asks for less', () => {
  assert.equal(trendOf(s([2023, '10'], [2024, '8']), true)?.improving, true);
  assert.equal(trendOf(s([2023, '10'], [2024, '8']), false)?.improving, false);
  assert.equal(trendOf(s([2023, '10'], [2024, '8']), true)?.direction, 'down');
});

test('tiny moves are flat and neither better nor worse', () => {
  const t = trendOf(s([2023, '1000'], [2024, '1000.5']), false);
  assert.equal(t?.direction, 'flat');
  assert.equal(t?.improving, null);
});

test('no arrow with fewer than two years; a rise from zero has no relative change', () => {
  assert.equal(trendOf(s([2024, '5']), false), null);
  assert.equal(trendOf([], false), null);
  assert.deepEqual(trendOf(s([2023, '0'], [2024, '3']), false), {
    direction: 'up',
    improving: true,
    year: 2024,
    previousYear: 2023,
    change: null,
  });
});

test('which targets read lower as better', () => {
  assert.equal(lowerIsBetter('at_most', null), true);
  assert.equal(lowerIsBetter('cumulative_change', '-13.5'), true);
  assert.equal(lowerIsBetter('cumulative_change', '20'), false);
  assert.equal(lowerIsBetter('at_least', null), false);
});

test('the sparkline keeps the last n years, oldest first', () => {
  const pts = sparkline(s([2020, '1'], [2023, '4'], [2021, '2'], [2022, '3']), 3);
  assert.deepEqual(pts, [
    { year: 2021, value: 2 },
    { year: 2022, value: 3 },
    { year: 2023, value: 4 },
  ]);
});
