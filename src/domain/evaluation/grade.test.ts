import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { competitionRanks, gradeIndex } from './grade.ts';

const bands = [
  { label: 'A', minScore: 90 },
  { label: 'B', minScore: 75 },
  { label: 'C', minScore: 60 },
  { label: 'D', minScore: -Infinity },
];

describe('grades and ranks', () => {
  it('maps scores to bands at their boundaries', () => {
    assert.deepEqual(
      [95, 90, 89.99, 75, 60, 10].map((s) => gradeIndex(s, bands)),
      [0, 0, 1, 1, 2, 3],
    );
  });
  it('ranks ties with competition ranking and skips missing scores', () => {
    assert.deepEqual(competitionRanks([80, 90, 80, NaN, 70]), [2, 1, 2, null, 4]);
  });
});
