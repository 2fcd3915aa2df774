import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { atWithData } from '../../web/src/monitor/defaults.ts';
import { asOfChoices } from '../../web/src/monitor/periods.ts';

const target = (dataYear: number | null, lastPeriod: string | null = null) => ({
  judgement: { dataYear } as never,
  freshness: { lastPeriod } as never,
});

describe('a past plan opens at the latest year with figures (issue 19)', () => {
  const choices = asOfChoices(2021, 2025, '2026-12-06');

  it('moves from the plan’s end year to the latest year any target has a figure for', () => {
    assert.equal(choices[0], '2025');
    assert.equal(atWithData(choices, '2025', [target(2020), target(2021), target(null)]), '2021');
    // A figure the engine could not judge on (no baseline) still counts through its last period.
    assert.equal(atWithData(choices, '2025', [target(null, '2023'), target(2021)]), '2023');
  });

  it('stays when the year has figures, when nothing has any, or when that year is not a choice', () => {
    assert.equal(atWithData(choices, '2025', [target(2025), target(2021)]), null);
    assert.equal(atWithData(choices, '2025', [target(null), target(null)]), null);
    assert.equal(atWithData(choices, '2025', [target(2019)]), null);
  });
});
