import type { Me, Role } from '../api/types.ts';
import { managesScheme } from '../../../src/domain/evaluation/publication.ts';
import { schemeOwners } from '../../../src/domain/evaluation/scheme-plans.ts';

/*
 * What the interface offers to whom. This only hides controls a user could not use: the server
 * checks every request itself (src/domain/access/roles.ts holds the authoritative table).
 */

const AUDIT_READERS: readonly Role[] = ['admin', 'plan_manager', 'reviewer'];

function hasRole(me: Me, roles: readonly Role[]): boolean {
  return me.grants.some((g) => roles.includes(g.role));
}

/** 修改记录 (audit history): administrators, plan managers and reviewers. (API tokens: everybody.) */
export const canReadAudit = (me: Me): boolean => hasRole(me, AUDIT_READERS);

const PLAN_DEFINERS: readonly Role[] = ['admin', 'plan_manager'];

/** 导入规划 (upload a plan document, review its candidates, merge them into a plan). */
export const canDefinePlans = (me: Me): boolean => hasRole(me, PLAN_DEFINERS);

/** 评价方案: edit, run and publish a scheme — administrators and the managers of the plans it cites (issue 21). */
export const canManageScheme = (me: Me, definition: unknown): boolean => managesScheme(me.grants, schemeOwners(definition));

const REPORTERS: readonly Role[] = ['admin', 'reporter'];
const REVIEWERS: readonly Role[] = ['admin', 'reviewer'];

/** 填报: enter and submit figures for the units of one's grants. */
export const canReport = (me: Me): boolean => hasRole(me, REPORTERS);

/** 审核: approve, return or reopen submissions in one's scope. */
export const canReview = (me: Me): boolean => hasRole(me, REVIEWERS);

/** The 填报 pages: reporters, reviewers and readers (every role may read completeness and forms). */
export const canSeeReporting = (me: Me): boolean => me.grants.length > 0;

/** 单位别名: add, remove and import the names units go by (administrators; the server checks the unit's scope). */
export const canManageAliases = (me: Me): boolean => hasRole(me, ['admin']);
