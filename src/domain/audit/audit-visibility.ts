import type { RoleGrant } from '../access/roles.ts';

/**
 * What an audit entry is about, as far as reading it goes. Each kind is read under the scope of
 * the entity's own read route; anything not named here is administration and only an
 * administrator reads it (deny by default: a new entity stays hidden until someone decides).
 */
export type AuditSubject =
  | { kind: 'administration' }
  | { kind: 'org_unit'; orgUnit: string }
  | { kind: 'task'; plan: string; key: string }
  | { kind: 'plan'; plan: string };

/** Entities about accounts and the system itself: logins, users, tokens, backups and restores. */
export const ADMINISTRATION_ENTITIES = ['user', 'api_token', 'database', 'login_attempt', 'audit'] as const;

/** Reads the subject from the entity name and key as the services write them (`recordAudit` calls). */
export function auditSubject(entity: string, key: string): AuditSubject {
  const parts = key.split('/');
  switch (entity) {
    // `ORG_UNIT/INDICATOR/PERIOD[/cumulative]`; the bulk key 'synthetic' names no unit.
    case 'data_value':
      return parts.length >= 3 && parts[0] ? { kind: 'org_unit', orgUnit: parts[0] } : { kind: 'administration' };
    // `FORM/ORG_UNIT/PERIOD`
    case 'report_submission':
      return parts.length === 3 && parts[1] ? { kind: 'org_unit', orgUnit: parts[1] } : { kind: 'administration' };
    // `PLAN/TASK_KEY`
    case 'task': {
      const slash = key.indexOf('/');
      return slash > 0 && slash < key.length - 1
        ? { kind: 'task', plan: key.slice(0, slash), key: key.slice(slash + 1) }
        : { kind: 'administration' };
    }
    case 'plan':
      return key ? { kind: 'plan', plan: key } : { kind: 'administration' };
    default:
      return { kind: 'administration' };
  }
}

/** An administrator of the whole system: an admin grant limited to no subtree and no plans. */
export function isSystemAdministrator(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => g.role === 'admin' && g.scopeOrgUnit === null && g.scopePlans === null);
}

/**
 * Whether the reader may see entries about this subject. `readable` answers the scope question
 * for the subject's own read route (the caller asks the repositories); administration needs a
 * system administrator whatever the scope says.
 */
export function mayReadAuditOf(grants: readonly RoleGrant[], subject: AuditSubject, readable: boolean): boolean {
  if (isSystemAdministrator(grants)) return true;
  if (subject.kind === 'administration') return false;
  return readable;
}

export interface AuditView {
  ip: string | null;
}

/** What of an entry a reader sees: where a request came from (IP address) is for administrators only. */
export function redactAuditEntry<T extends AuditView>(entry: T, grants: readonly RoleGrant[]): T {
  return isSystemAdministrator(grants) ? entry : { ...entry, ip: null };
}

/**
 * How a request for one entity's history is refused when the reader may not see it: as the
 * entity's own route answers. A figure, submission or task outside the reader's scope does not exist
 * for the reader (404, the same as a key never written); accounts, logins and backups are
 * administration (403), and so is the history of a plan whose documents the reader does read but
 * whose grant covers other plans. null = readable.
 */
export function auditRefusal(grants: readonly RoleGrant[], subject: AuditSubject, readable: boolean): 403 | 404 | null {
  if (mayReadAuditOf(grants, subject, readable)) return null;
  return subject.kind === 'org_unit' || subject.kind === 'task' ? 404 : 403;
}
