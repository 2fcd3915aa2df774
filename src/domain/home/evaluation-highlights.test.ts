import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluationHighlight, latestPublished } from './evaluation-highlights.ts';

test('keeps the newest published run of each scheme, drafts ignored', () => {
  const runs = [
    { id: 1, scheme: 'b', year: 2023, status: 'published', publishedAt: '2024-01-01' },
    { id: 2, scheme: 'b', year: 2024, status: 'draft', publishedAt: null },
    { id: 3, scheme: 'a', year: 2024, status: 'published', publishedAt: '2025-01-01' },
    { id: 4, scheme: 'a', year: 2024, status: 'published', publishedAt: '2025-02-01' },
    { id: 5, scheme: 'b', year: 2022, status: 'published', publishedAt: '2025-06-01' },
  ];
  assert.deepEqual(
    latestPublished(runs).map((r) => r.id),
    [4, 1],
  );
});

test('names the first ranked units and counts the grades, never a withheld unit', () => {
  const h = evaluationHighlight(
    {
      id: 9,
      scheme: { code: 's', name: '亩均效益' },
      year: 2024,
      publishedAt: '2025-01-01',
      grades: [{ label: 'A' }, { label: 'B' }],
      units: [
        { name: '丙', rank: 3, grade: 'B', score: 60 },
        { name: '甲', rank: 1, grade: 'A', score: 90, withheld: true },
        { name: '乙', rank: 2, grade: 'A', score: 80 },
        { name: '丁', rank: null, grade: null, score: null },
      ],
    },
    1,
  );
  assert.deepEqual(h.top, [{ name: '乙', rank: 2, grade: 'A', score: 80 }]);
  assert.equal(h.ranked, 2);
  assert.deepEqual(h.grades, [
    { label: 'A', count: 1 },
    { label: 'B', count: 1 },
  ]);
});
