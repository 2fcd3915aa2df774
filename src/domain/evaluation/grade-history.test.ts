import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { historyEntries, historyRuns } from './grade-history.ts';

describe('grade history of a run report (issue 16)', () => {
  const run = (id: number, year: number, status: string, publishedAt: string | null) => ({ id, year, status, publishedAt });

  it('takes published runs of earlier years only, the last published one per year, oldest first', () => {
    const picked = historyRuns(
      [
        run(9, 2024, 'published', '2025-03-02T00:00:00Z'), // the current run
        run(8, 2024, 'published', '2025-03-01T00:00:00Z'), // same year: not history of this run
        run(7, 2025, 'published', '2026-03-01T00:00:00Z'), // later year
        run(6, 2023, 'published', '2024-05-01T00:00:00Z'),
        run(5, 2023, 'published', '2024-03-01T00:00:00Z'), // replaced by 6, published later
        run(4, 2022, 'draft', null), // drafts are not history
        run(3, 2021, 'published', '2022-03-01T00:00:00Z'),
      ],
      { id: 9, year: 2024 },
    );
    assert.deepEqual(
      picked.map((r) => r.id),
      [3, 6],
    );
  });

  it('counts the ranked units of each comparison group for "rank of n"', () => {
    const e = historyEntries({
      units: [
        { code: 'a', group: null, grade: '优', score: 90, rank: 1, status: 'complete' },
        { code: 'b', group: null, grade: null, score: null, rank: null, status: 'incomplete' },
        { code: 'c', group: 'g', grade: '良', score: 70, rank: 1, status: 'complete' },
        { code: 'd', group: 'g', grade: '中', score: 60, rank: 2, status: 'complete', withheld: true },
      ],
    });
    assert.deepEqual(
      Object.entries(e).map(([k, v]) => [k, v.rank, v.of, v.withheld]),
      [
        ['a', 1, 1, false],
        ['b', null, 1, false],
        ['c', 1, 2, false],
        ['d', 2, 2, true],
      ],
    );
  });
});
