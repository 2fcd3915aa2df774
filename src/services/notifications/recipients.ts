import { isInSubtree } from '../../domain/access/authorize.ts';
import type { Role } from '../../domain/access/roles.ts';
import { parentLinks } from '../../repositories/org-unit.repository.ts';
import { activeGrants } from '../../repositories/notification.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';

/**
 * Who answers for a unit: active users holding one of the roles in a subtree that contains the unit
 * (or the whole tree), for the plan when one is given. A group target (unit null) is answered
 * at province level: only grants over the whole tree cover it.
 */
export interface RecipientFinder {
  /** wholeTree: 'exclude' leaves out grants over the whole tree, 'only' keeps just those (default: both). */
  (q: { orgUnit: string | null; roles: readonly Role[]; plan?: string; wholeTree?: 'exclude' | 'only' }): number[];
}

export async function recipientFinder(db: Executor): Promise<RecipientFinder> {
  const [grants, parents] = await Promise.all([activeGrants(db), parentLinks(db)]);
  const parentOf = (c: string) => parents.get(c);
  return ({ orgUnit, roles, plan, wholeTree }) => {
    const users = new Set<number>();
    for (const g of grants) {
      if (!roles.includes(g.role as Role)) continue;
      if ((wholeTree === 'exclude' && g.scope_code === null) || (wholeTree === 'only' && g.scope_code !== null)) continue;
      if (plan !== undefined && g.scope_plan_ids && !g.scope_plan_ids.includes(plan)) continue;
      const covers = g.scope_code === null || (orgUnit !== null && isInSubtree(orgUnit, g.scope_code, parentOf));
      if (covers) users.add(g.user_id);
    }
    return [...users].sort((a, b) => a - b);
  };
}
