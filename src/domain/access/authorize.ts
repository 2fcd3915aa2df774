import { ACTION_ROLES, type Action, type RoleGrant } from './roles.ts';

/** The org-unit tree as parent links, enough to decide whether a unit lies in a subtree. */
export type ParentOf = (code: string) => string | null | undefined;

/**
 * What a request touches: org units and/or plans. Absent means "not tied to one"; a write naming
 * several (a transfer between two zones, a scheme over two plans) needs one grant covering all.
 */
export interface Resource {
  orgUnit?: string;
  plan?: string;
  orgUnits?: readonly string[];
  plans?: readonly string[];
  /** Touches data of every plan (e.g. a shared group, a scheme citing no plan): needs a grant not limited to some plans. */
  everyPlan?: boolean;
  /**
   * Touches units it does not name (a write whose body names no unit): needs a grant over the whole
   * tree, so a scoped role is refused before the body is validated and never learns its schema.
   */
  everyUnit?: boolean;
}

function plansOf(r: Resource): string[] {
  return [...(r.plan === undefined ? [] : [r.plan]), ...(r.plans ?? [])];
}

function unitsOf(r: Resource): string[] {
  return [...(r.orgUnit === undefined ? [] : [r.orgUnit]), ...(r.orgUnits ?? [])];
}

export function isInSubtree(unit: string, root: string, parentOf: ParentOf): boolean {
  const seen = new Set<string>();
  for (let u: string | null | undefined = unit; u; u = parentOf(u)) {
    if (u === root) return true;
    if (seen.has(u)) return false; // a cycle in bad data never loops forever
    seen.add(u);
  }
  return false;
}

function grantCovers(grant: RoleGrant, resource: Resource, parentOf: ParentOf): boolean {
  const scopePlans = grant.scopePlans;
  if (scopePlans !== null && resource.everyPlan) return false;
  if (scopePlans !== null && !plansOf(resource).every((p) => scopePlans.includes(p))) return false;
  const root = grant.scopeOrgUnit;
  if (root === null) return true;
  if (resource.everyUnit) return false;
  // An action not tied to a unit (e.g. list plans) is allowed for a scoped grant; lists are
  // then filtered to the scope. An action on units needs every one inside the subtree.
  return unitsOf(resource).every((u) => isInSubtree(u, root, parentOf));
}

/** Decides whether some grant allows the action on the resource. Pure: no I/O. */
export function authorize(grants: readonly RoleGrant[], action: Action, resource: Resource, parentOf: ParentOf): boolean {
  const roles = ACTION_ROLES[action];
  return grants.some((g) => roles.includes(g.role) && grantCovers(g, resource, parentOf));
}

/**
 * Org-unit subtrees whose data the user may read: null = everything. Used to filter lists so
 * that a 红河州 reporter sees only 红河州 units.
 */
export function readableRoots(grants: readonly RoleGrant[]): string[] | null {
  if (grants.some((g) => g.scopeOrgUnit === null)) return null;
  return [...new Set(grants.map((g) => g.scopeOrgUnit!))];
}

/**
 * Plans whose data the user may read: null = every plan. A grant limited to some plans reads only
 * those (as authorize decides for a request naming one plan); lists are filtered to them.
 */
export function readablePlans(grants: readonly RoleGrant[]): string[] | null {
  if (grants.some((g) => g.scopePlans === null)) return null;
  return [...new Set(grants.flatMap((g) => g.scopePlans!))];
}
