import assert from 'node:assert/strict';
import { test } from 'node:test';
import { achievement, resolveTarget, trajectoryCheck, trajectoryShare } from './achievement.ts';
import type { TargetFacts } from './types.ts';

const base: Omit<TargetFacts, 'comparator' | 'target'> = {
  direction: 'higher_better',
  nature: 'expected',
  periodStart: 2021,
  periodEnd: 2025,
  baseline: { year: 2020, value: '100' },
};

test('resolves growth comparators to a level', () => {
  const g = resolveTarget({ ...base, comparator: 'annual_growth', target: { year: 2022, rate: '10' } });
  assert.equal(g?.level?.toString(), '121'); // 100 × 1.1²
  const c = resolveTarget({
    ...base,
    direction: 'lower_better',
    comparator: 'cumulative_change',
    target: { year: 2025, rate: '-13.5' },
  });
  assert.equal(c?.level?.toString(), '86.5');
  assert.equal(c?.sense, 'down');
  assert.equal(resolveTarget({ ...base, comparator: 'exceeds_growth_of', target: { year: 2025 } }), null);
  assert.equal(
    resolveTarget({ ...base, baseline: undefined, comparator: 'annual_growth', target: { year: 2025, rate: '5' } }),
    null,
  );
});

test('achievement against a level and a band', () => {
  const up = resolveTarget({ ...base, comparator: 'at_least', target: { year: 2025, value: '200' } })!;
  assert.deepEqual(achievement(up, '150', '100'), { met: false, completionRatio: 0.75, progressShare: 0.5 });
  assert.deepEqual(achievement(up, '90', '100'), { met: false, completionRatio: 0.45, progressShare: -0.1 });
  const band = resolveTarget({ ...base, comparator: 'range', target: { year: 2025, min: '3', max: '5' } })!;
  assert.equal(achievement(band, '6', '8').progressShare, 2 / 3); // (6 − 8) / (5 − 8)
  assert.equal(achievement(band, '6', '8').completionRatio, 5 / 6);
});

test('trajectory check', () => {
  const f: TargetFacts = {
    ...base,
    comparator: 'at_least',
    target: { year: 2025, value: '200' },
    trajectory: [{ year: 2023, value: '150' }],
  };
  const r = resolveTarget(f)!;
  assert.equal(trajectoryCheck(f, r, 2023, '150'), true);
  assert.equal(trajectoryCheck(f, r, 2023, '149'), false);
  assert.equal(trajectoryCheck(f, r, 2022, '1'), null);
  assert.equal(trajectoryShare(f, r, 2023), 0.5); // (150 − 100) / (200 − 100)
  assert.equal(trajectoryShare(f, r, 2022), null);
});
