import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPercentUnit, shareSeries } from './share-series.ts';

test('a share is 100 × numerator ÷ denominator, year by year, on the weaker origin', () => {
  // 2021: 1.9095 ÷ 77.33 × 100 = 2.469287 % (the bonded zone's processing trade in its total trade).
  const s = shareSeries(
    [
      { year: 2021, value: '1.9095', origin: 'plan', partial: false },
      { year: 2022, value: '12', origin: 'reported', partial: false },
      { year: 2023, value: '5', origin: 'synthetic', partial: false },
    ],
    [
      { year: 2021, value: '77.33', origin: 'plan', partial: false },
      { year: 2023, value: '100', origin: 'reported', partial: true },
    ],
  );
  assert.deepEqual(s, [
    { year: 2021, value: '2.469287', origin: 'plan', partial: false },
    { year: 2023, value: '5', origin: 'synthetic', partial: true },
  ]);
});

test('a zero denominator gives no share', () => {
  assert.deepEqual(
    shareSeries(
      [{ year: 2021, value: '1', origin: 'reported', partial: false }],
      [{ year: 2021, value: '0', origin: 'reported', partial: false }],
    ),
    [],
  );
});

test('percent units', () => {
  assert.equal(isPercentUnit('%'), true);
  assert.equal(isPercentUnit('％'), true);
  assert.equal(isPercentUnit('亿元'), false);
});
