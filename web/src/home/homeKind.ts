import type { Me } from '../api/types.ts';

/** Which home a user lands on after signing in (issue 19). */
export type HomeKind = 'leader' | 'planner' | 'reviewer' | 'reporter';

/**
 * The user's main job decides: plan managers (and administrators) see their plans, reviewers the
 * review queue, reporters 填报, viewers (leaders) the summary. Someone holding several roles gets the
 * first of that order.
 */
export function homeKind(me: Pick<Me, 'grants'>): HomeKind {
  const has = (role: string) => me.grants.some((g) => g.role === role);
  if (has('admin') || has('plan_manager')) return 'planner';
  if (has('reviewer')) return 'reviewer';
  if (has('reporter')) return 'reporter';
  return 'leader';
}
