import { authorize, type ParentOf } from './authorize.ts';
import type { RoleGrant } from './roles.ts';

/**
 * One catalogue entry (org unit, group, indicator) a plan or catalogue file would write, as the
 * import service found it against the stored catalogue.
 */
export interface CatalogueChange {
  kind: 'orgUnit' | 'group' | 'indicator';
  code: string;
  /** Where the entry sits in the file, e.g. orgUnits.0. */
  field: string;
  exists: boolean;
  /** False when the file restates the stored entry: restating is no change and needs no right. */
  changed: boolean;
  /** An existing org unit the file puts under another parent. */
  move?: { from: string | null; to: string };
  /** Plans the entry belongs to: its stored source plan or the plans whose targets use it; for a new entry the file's. */
  plans: readonly string[];
  /** Org units the entry touches: the unit itself (or a new unit's parent), a group's members. */
  orgUnits: readonly string[];
}

export interface CatalogueProblem {
  field: string;
  code: string;
  message: string;
  messageZh: string;
}

const LABEL = {
  orgUnit: { en: 'org unit', zh: '组织单位' },
  group: { en: 'group', zh: '分组' },
  indicator: { en: 'indicator', zh: '指标' },
} as const;

/**
 * Which catalogue changes the actor may not make. Moving an org unit (a new parent) is an
 * administrator's act, since it moves every figure, task and grant below it into another subtree.
 * Any other change needs a plan-manager grant covering every plan and unit the entry touches; an
 * entry that belongs to no plan (a shared base unit, an unused indicator) needs a grant for all plans.
 */
export function catalogueChangeProblems(
  changes: readonly CatalogueChange[],
  grants: readonly RoleGrant[],
  parentOf: ParentOf,
): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const allPlans = grants.some((g) => (g.role === 'admin' || g.role === 'plan_manager') && g.scopePlans === null);
  for (const c of changes) {
    if (!c.changed) continue;
    const label = LABEL[c.kind];
    if (c.move) {
      const units = [c.code, c.move.to, ...(c.move.from === null ? [] : [c.move.from])];
      const admin = grants.some((g) => g.role === 'admin' && authorize([g], 'manage_users', { orgUnits: units }, parentOf));
      if (!admin)
        problems.push({
          field: `${c.field}.parent`,
          code: c.code,
          message: `moving org unit ${c.code} from ${c.move.from ?? '(none)'} to ${c.move.to} is for an administrator`,
          messageZh: `将组织单位 ${c.code} 从 ${c.move.from ?? '（无）'} 移到 ${c.move.to} 下须由系统管理员操作`,
        });
    }
    const covered =
      (c.plans.length > 0 || allPlans) && authorize(grants, 'define_plans', { plans: c.plans, orgUnits: c.orgUnits }, parentOf);
    if (!covered)
      problems.push({
        field: c.field,
        code: c.code,
        message: `${c.exists ? 'changing' : 'creating'} ${label.en} ${c.code} is outside your plans or org units${
          c.plans.length ? ` (it belongs to ${c.plans.join(', ')})` : ' (it belongs to no plan of yours)'
        }`,
        messageZh: `${c.exists ? '修改' : '新建'}${label.zh} ${c.code} 超出您管辖的规划或组织单位范围${
          c.plans.length ? `（属于 ${c.plans.join('、')}）` : '（不属于您管辖的规划）'
        }`,
      });
  }
  return problems;
}
