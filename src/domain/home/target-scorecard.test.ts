import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  indicatorPrecision,
  scorecardGroups,
  targetScorecards,
  writtenDecimals,
  type ScorecardTarget,
} from './target-scorecard.ts';

function target(
  key: string,
  code: string,
  values: { baseline?: string; target?: string },
  yearly: string[] = [],
): ScorecardTarget {
  return {
    key,
    indicator: { code, name: code, unit: '亿元' },
    subject: { kind: 'org_unit', code: 'YN-HH', name: '红河州' },
    comparator: 'at_least',
    baseline: values.baseline === undefined ? null : { value: values.baseline },
    target: { year: 2025, value: values.target ?? null, min: null, max: null, rate: null, text: null },
    source: { section: null },
    judgement: { class: 'on_track', current: '2675.784321', dataYear: 2024 },
    warning: { level: 'green' },
    yearly: yearly.map((value, i) => ({ year: 2021 + i, value })),
  };
}

test('writtenDecimals counts the decimals a figure was written with, at most four', () => {
  assert.equal(writtenDecimals('2675.78'), 2);
  assert.equal(writtenDecimals('13.50'), 2);
  assert.equal(writtenDecimals('120'), 0);
  assert.equal(writtenDecimals('-7.5'), 1);
  assert.equal(writtenDecimals('0.123456'), 4);
  assert.equal(writtenDecimals(null), 0);
  assert.equal(writtenDecimals('不低于'), 0);
});

test("an indicator's precision is the most decimals any of its targets is written with", () => {
  const p = indicatorPrecision([
    target('a', 'GDP', { baseline: '2675.78', target: '3500' }),
    target('b', 'GDP', { target: '4000.5' }),
    target('c', 'GROWTH', { target: '7' }),
  ]);
  assert.equal(p.get('GDP'), 2);
  assert.equal(p.get('GROWTH'), 0);
});

test('every target gets a scorecard with its figure, precision, trend and sparkline', () => {
  const cards = targetScorecards([
    {
      plan: { id: 'p1', title: '规划一' },
      at: '2025',
      targets: [target('a', 'GDP', { baseline: '2675.78' }, ['10', '12']), target('b', 'GROWTH', { target: '7' })],
    },
    { plan: { id: 'p2', title: '规划二' }, at: '2025Q3', targets: [target('c', 'GDP', { target: '5' }, ['9'])] },
  ]);
  assert.deepEqual(
    cards.map((c) => [c.plan.id, c.key, c.decimals, c.trend?.direction ?? null, c.spark.length]),
    [
      ['p1', 'a', 2, 'up', 2],
      ['p1', 'b', 0, null, 0],
      ['p2', 'c', 2, null, 1],
    ],
  );
  assert.equal(cards[0]!.current, '2675.784321');
  assert.equal(cards[2]!.at, '2025Q3');
});

test("figures take the precision the other pages use when it is given, not only these plans' (issue 19)", () => {
  const plans = [{ plan: { id: 'p1', title: '规划一' }, at: '2025', targets: [target('a', 'GDP', { target: '3500' })] }];
  assert.equal(targetScorecards(plans)[0]!.decimals, 0);
  assert.equal(targetScorecards(plans, new Map([['GDP', 2]]))[0]!.decimals, 2);
});

test('one row per target, each indicator of a plan once with its targets together, each saying what it asks (issue 19)', () => {
  const growth = { ...target('g', 'TRADE', {}), comparator: 'annual_growth' };
  growth.target = { ...growth.target, rate: '10' };
  const cards = targetScorecards([
    {
      plan: { id: 'p1', title: '规划一' },
      at: '2025',
      targets: [
        target('t110', 'TRADE', { target: '110' }),
        target('gdp', 'GDP', { target: '3500' }),
        growth,
        { ...target('t160', 'TRADE', { target: '160' }), source: { section: '（一）进出口贸易总额持续增长' } },
      ],
    },
  ]);
  assert.deepEqual(
    cards.map((c) => c.key),
    ['t110', 'g', 't160', 'gdp'],
  );
  assert.equal(new Set(cards.map((c) => c.key)).size, cards.length);
  const groups = scorecardGroups(cards);
  assert.equal(groups.length, 1);
  assert.deepEqual(
    groups[0]!.groups.map((g) => [g.indicator.code, g.cards.map((c) => c.key)]),
    [
      ['TRADE', ['t110', 'g', 't160']],
      ['GDP', ['gdp']],
    ],
  );
  // Targets of one indicator and subject differ in what they ask: figure, kind, or the section stating it.
  const asks = groups[0]!.groups[0]!.cards.map((c) => JSON.stringify([c.goal, c.section]));
  assert.equal(new Set(asks).size, 3);
  assert.deepEqual(cards[1]!.goal, {
    year: 2025,
    comparator: 'annual_growth',
    value: null,
    min: null,
    max: null,
    rate: '10',
    text: null,
  });
});
