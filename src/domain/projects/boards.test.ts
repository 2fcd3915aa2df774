import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { projectBoards, type BoardProject } from './boards.ts';

const p = (id: number, stage: BoardProject['stage'], extra: Partial<BoardProject> = {}): BoardProject => ({
  id,
  stage,
  zone: 'Z1',
  chain: 'GREEN_SILICON',
  totalInvestment: '100',
  stalled: false,
  ...extra,
});

describe('projectBoards', () => {
  it('gives a column per stage, the three battle maps first, stalled and larger projects on top', () => {
    const cols = projectBoards([
      p(1, 'planning'),
      p(2, 'planning', { totalInvestment: '500.5' }),
      p(3, 'planning', { stalled: true, totalInvestment: '1' }),
      p(4, 'construction'),
    ]);
    assert.deepEqual(
      cols.map((c) => [c.stage, c.battleMap, c.count]),
      [
        ['planning', true, 3],
        ['packaging', true, 0],
        ['reserve', true, 0],
        ['signed', false, 0],
        ['construction', false, 1],
        ['production', false, 0],
      ],
    );
    assert.deepEqual(
      cols[0]!.projects.map((x) => x.id),
      [3, 2, 1],
    );
    assert.equal(cols[0]!.totalInvestment, '601.5');
    assert.equal(cols[0]!.stalledCount, 1);
  });
  it('filters by zone and chain', () => {
    const all = [p(1, 'reserve'), p(2, 'reserve', { zone: 'Z2' }), p(3, 'reserve', { chain: 'BIOMEDICINE' })];
    assert.deepEqual(
      projectBoards(all, { zones: ['Z1'], chain: 'GREEN_SILICON' })[2]!.projects.map((x) => x.id),
      [1],
    );
  });
});
