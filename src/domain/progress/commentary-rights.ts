import { authorize, type ParentOf } from '../access/authorize.ts';
import type { RoleGrant } from '../access/roles.ts';

/** A target's commentary is short: a few sentences, as a scorecard holds (issue 19). */
export const COMMENTARY_MAX_LENGTH = 500;

/**
 * Who writes a target's commentary for a period: the plan's managers (and administrators), and the
 * reporters and reviewers of the target's responsible unit (a grant whose subtree holds it). A
 * group target has no single responsible unit, so only the plan's managers write for it. Viewers
 * never write.
 */
export function mayWriteCommentary(
  grants: readonly RoleGrant[],
  target: { plan: string; owner: string | null },
  parentOf: ParentOf,
): boolean {
  // A plan manager limited to a subtree answers for the targets of units inside it; a group target
  // (no single unit) needs a plan manager over the whole tree.
  if (target.owner === null) return authorize(grants, 'define_plans', { plan: target.plan, everyUnit: true }, parentOf);
  const resource = { plan: target.plan, orgUnit: target.owner };
  return (
    authorize(grants, 'define_plans', resource, parentOf) ||
    authorize(grants, 'report', resource, parentOf) ||
    authorize(grants, 'review', resource, parentOf)
  );
}
