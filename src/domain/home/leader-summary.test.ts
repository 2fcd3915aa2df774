import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countWarnings } from '../warnings/warning-tally.ts';
import {
  homeAsOf,
  laggardSentence,
  summarizeLeaderHome,
  worstLaggards,
  type HomeTarget,
  type JudgedPlan,
} from './leader-summary.ts';

function target(
  key: string,
  over: Partial<HomeTarget['judgement']> & { level?: 'red' | 'yellow' | 'green'; stale?: boolean; updated?: string } = {},
): HomeTarget {
  const { level = 'green', stale = false, updated = null, ...judgement } = over as typeof over & { updated: string | null };
  return {
    key,
    indicator: { code: 'REVENUE', name: '营业收入', unit: '亿元' },
    subject: { kind: 'org_unit', code: 'YN-HH', name: '红河州' },
    comparator: 'at_least',
    target: { rate: null },
    judgement: {
      class: 'on_track',
      progressShare: 0.5,
      achievementRatio: null,
      timeElapsedShare: 0.8,
      explanation: { zh: `2024年${key}完成目标的50%，判定滞后。` },
      ...judgement,
    },
    freshness: { lastUpdated: updated, stale },
    warning: { level },
    yearly: [
      { year: 2023, value: '10' },
      { year: 2024, value: '9' },
    ],
  };
}

const plan = (id: string, targets: HomeTarget[]): JudgedPlan => ({ plan: { id, title: id }, at: '2025', targets });

test('laggards: 滞后 first, then red before yellow, then the largest shortfall; a target without a figure is no laggard', () => {
  const plans = [
    plan('p1', [
      target('fine'),
      target('behind-small', { class: 'behind', progressShare: 0.7 }),
      target('yellow', { level: 'yellow', class: 'on_track' }),
    ]),
    plan('p2', [target('behind-big', { class: 'behind', progressShare: 0.1 }), target('red', { level: 'red', class: 'behind' })]),
  ];
  plans[1]!.targets = [
    ...plans[1]!.targets,
    target('no-data', { level: 'red', class: 'insufficient_data', progressShare: null }),
  ];
  const keys = worstLaggards(plans).map((l) => l.key);
  assert.deepEqual(keys, ['red', 'behind-big', 'behind-small', 'yellow']);
  assert.equal(worstLaggards(plans, 2).length, 2);
});

test('each laggard carries one sentence naming its unit, and a trend against the year before', () => {
  const [l] = worstLaggards([plan('p', [target('x', { class: 'behind' })])]);
  assert.equal(l?.sentence, '红河州：2024年x完成目标的50%，判定滞后。');
  assert.equal(l?.trend?.direction, 'down');
  assert.equal(l?.trend?.improving, false);
  assert.deepEqual(l?.spark, [
    { year: 2023, value: 10 },
    { year: 2024, value: 9 },
  ]);
  assert.equal(
    laggardSentence({ subject: { kind: 'org_unit', code: 'A', name: '昆明市' }, judgement: target('y').judgement }).startsWith(
      '昆明市：',
    ),
    true,
  );
});

test('warning counts are the one tally, per plan and in total; stale figures and the last update', () => {
  const p1 = [target('a', { level: 'red', stale: true, updated: '2025-03-01T00:00:00Z' }), target('b', { level: 'yellow' })];
  const p2 = [target('c', { level: 'yellow', class: 'insufficient_data', stale: true, updated: '2025-05-01T00:00:00Z' })];
  const s = summarizeLeaderHome([plan('p1', p1), plan('p2', p2)]);
  assert.deepEqual(s.plans[0]?.warnings, countWarnings(p1));
  assert.deepEqual(s.totals.warnings, countWarnings([...p1, ...p2]));
  assert.equal(s.totals.byClass.insufficient_data, 1);
  assert.equal(s.totals.byClass.on_track, 2);
  assert.deepEqual(s.freshness, { total: 3, stale: 2, lastUpdated: '2025-05-01T00:00:00Z' });
  assert.deepEqual(
    s.plans.map((p) => p.stale),
    [1, 1],
  );
});

test('the home judges a plan at its latest period that is over, as the overview opens', () => {
  assert.equal(homeAsOf(2021, 2025, '2026-12-06'), '2025');
  assert.equal(homeAsOf(2021, 2025, '2025-08-15'), '2025Q2');
  assert.equal(homeAsOf(2026, 2030, '2026-02-01'), '2026');
});
