import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { END_REASONS, notifies, planEpisodeChanges, type CurrentWarning, type OpenEpisode } from './warning-episodes.ts';

const behind = { zh: '进度滞后', en: 'behind schedule' };
const missing = { zh: '数据缺失', en: 'data missing' };
const ep = (id: number, targetKey: string, level: 'red' | 'yellow', reasons = [behind]): OpenEpisode => ({
  id,
  targetKey,
  level,
  reasons,
});
const now = (targetKey: string, level: CurrentWarning['level'], reasons = level === 'green' ? [] : [behind]) => ({
  targetKey,
  level,
  reasons,
});

describe('planEpisodeChanges', () => {
  it('opens an episode for a target that turns yellow or red, and nothing for green', () => {
    assert.deepEqual(planEpisodeChanges([], [now('a', 'yellow'), now('b', 'green'), now('c', 'red')]), [
      { kind: 'open', targetKey: 'a', level: 'yellow', reasons: [behind] },
      { kind: 'open', targetKey: 'c', level: 'red', reasons: [behind] },
    ]);
  });

  it('changes nothing when levels and reasons are unchanged (refreshing twice is idempotent)', () => {
    assert.deepEqual(planEpisodeChanges([ep(1, 'a', 'red')], [now('a', 'red')]), []);
  });

  it('escalates and de-escalates in place, keeping the episode', () => {
    assert.deepEqual(planEpisodeChanges([ep(1, 'a', 'yellow'), ep(2, 'b', 'red')], [now('a', 'red'), now('b', 'yellow')]), [
      { kind: 'escalate', episodeId: 1, targetKey: 'a', from: 'yellow', to: 'red', reasons: [behind] },
      { kind: 'de_escalate', episodeId: 2, targetKey: 'b', from: 'red', to: 'yellow', reasons: [behind] },
    ]);
  });

  it('refreshes the reasons when the level stays but the reasons change', () => {
    assert.deepEqual(planEpisodeChanges([ep(1, 'a', 'yellow')], [now('a', 'yellow', [behind, missing])]), [
      { kind: 'update_reasons', episodeId: 1, targetKey: 'a', reasons: [behind, missing] },
    ]);
  });

  it('closes an episode when the target recovers, and one whose target is gone', () => {
    assert.deepEqual(planEpisodeChanges([ep(1, 'a', 'red'), ep(2, 'gone', 'yellow')], [now('a', 'green')]), [
      { kind: 'close', episodeId: 1, targetKey: 'a', endReason: END_REASONS.recovered },
      { kind: 'close', episodeId: 2, targetKey: 'gone', endReason: END_REASONS.notMonitored },
    ]);
  });

  it('refuses two open episodes for one target', () => {
    assert.throws(() => planEpisodeChanges([ep(1, 'a', 'red'), ep(2, 'a', 'yellow')], []), /two open episodes/);
  });

  it('notifies new warnings and escalations only', () => {
    const changes = planEpisodeChanges(
      [ep(1, 'b', 'yellow'), ep(2, 'c', 'red'), ep(3, 'd', 'red')],
      [now('a', 'yellow'), now('b', 'red'), now('c', 'yellow'), now('d', 'green')],
    );
    assert.deepEqual(
      changes.filter(notifies).map((c) => c.kind),
      ['open', 'escalate'],
    );
  });
});
