import assert from 'node:assert/strict';
import { test } from 'node:test';
import { averageChange, chainRates, yearOnYearRates } from './rate-series.ts';

test('yearly rates chain into levels from the starting level and stop at a gap', () => {
  const levels = chainRates({ year: 2020, value: '100' }, [
    { year: 2021, value: '10' },
    { year: 2022, value: '-5' },
    { year: 2024, value: '3' },
  ]);
  assert.deepEqual(levels, [
    { year: 2020, value: '100' },
    { year: 2021, value: '110' },
    { year: 2022, value: '104.5' },
  ]);
});

test('year-on-year rates are the inverse of the chain', () => {
  const rates = yearOnYearRates([
    { year: 2021, value: '110' },
    { year: 2020, value: '100' },
    { year: 2022, value: '104.5' },
    { year: 2024, value: '1' },
  ]);
  assert.deepEqual(rates, [
    { year: 2021, value: '10' },
    { year: 2022, value: '-5' },
  ]);
});

test('average change over a span agrees for levels and for the rates behind them', () => {
  const fromLevels = averageChange(
    [
      { year: 2020, value: '100' },
      { year: 2022, value: '121' },
    ],
    'level',
    2020,
    2022,
  );
  const fromRates = averageChange(
    [
      { year: 2021, value: '12' },
      { year: 2022, value: '8.0357142857142857' },
    ],
    'annual_change',
    2020,
    2022,
  );
  assert.equal(fromLevels!.toDecimalPlaces(6).toString(), '10');
  assert.equal(fromRates!.toDecimalPlaces(6).toString(), '10');
  assert.equal(averageChange([{ year: 2021, value: '5' }], 'annual_change', 2020, 2022), null);
});
