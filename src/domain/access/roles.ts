/** The five roles; a role holds in an org-unit subtree and optionally for some plans only. */
export const ROLES = ['admin', 'plan_manager', 'reviewer', 'reporter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  role: Role;
  /** Root of the subtree the grant covers; null = the whole tree. */
  scopeOrgUnit: string | null;
  /** Plans the grant covers; null = every plan. */
  scopePlans: readonly string[] | null;
}

/**
 * What a request wants to do. Reads need any role; the others need the roles listed in
 * ACTION_ROLES. `manage_users` and `backup` are administration.
 */
export const ACTIONS = ['read', 'define_plans', 'report', 'review', 'manage_users', 'read_audit', 'backup'] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_ROLES: Readonly<Record<Action, readonly Role[]>> = {
  read: ROLES,
  define_plans: ['admin', 'plan_manager'],
  report: ['admin', 'reporter'],
  review: ['admin', 'reviewer'],
  manage_users: ['admin'],
  read_audit: ['admin', 'plan_manager', 'reviewer'],
  backup: ['admin'],
};

export const ROLE_LABELS: Readonly<Record<Role, { zh: string; en: string }>> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  plan_manager: { zh: '规划管理员', en: 'Plan manager' },
  reviewer: { zh: '审核员', en: 'Reviewer' },
  reporter: { zh: '填报员', en: 'Reporter' },
  viewer: { zh: '查看者', en: 'Viewer' },
};
