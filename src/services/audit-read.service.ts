import { authorize } from '../domain/access/authorize.ts';
import { auditRefusal, auditSubject, redactAuditEntry, type AuditSubject } from '../domain/audit/audit-visibility.ts';
import { AppError } from '../errors/app-error.ts';
import { auditHistory } from '../repositories/audit.repository.ts';
import { findOrgUnit } from '../repositories/org-unit.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import type { Actor } from './actor.ts';
import { readScope } from './read-scope.ts';
import { loadTask } from './tasks/task-context.ts';

/**
 * A record's history as the actor may see it. A record the actor may not see is refused as its own
 * route refuses it (auditRefusal): 404 for a figure or task outside the scope, the same answer as
 * for a key never written; 403 for accounts, logins and backups. Request addresses are blanked for
 * everyone but administrators.
 */
export async function readAuditHistory(db: Executor, actor: Actor, entity: string, key: string, limit: number) {
  const subject = auditSubject(entity, key);
  const refusal = auditRefusal(actor.grants, subject, await readable(db, actor, subject));
  if (refusal === 404) throw new AppError('NOT_FOUND', `${entity} "${key}" not found`, `未找到记录“${key}”`);
  if (refusal === 403)
    throw new AppError('FORBIDDEN', `you may not read the history of this ${entity}`, '无权查看该记录的修改历史');
  return (await auditHistory(db, entity, key, limit)).map((e) => redactAuditEntry(e, actor.grants));
}

/** The scope of the subject's own read route, asked of the same code that route uses. */
async function readable(db: Executor, actor: Actor, subject: AuditSubject): Promise<boolean> {
  switch (subject.kind) {
    case 'administration':
      return false;
    case 'org_unit': {
      // The filter GET /data-values applies (read-scope.ts).
      const scope = await readScope(db, actor);
      if (scope === null) return true;
      const unit = await findOrgUnit(db, subject.orgUnit);
      return unit !== undefined && scope.includes(unit.id);
    }
    case 'task':
      // The check GET /tasks/:plan/:key applies: a task it answers 404 to has no readable history.
      try {
        await loadTask(db, actor, subject.plan, subject.key);
        return true;
      } catch (err) {
        if (err instanceof AppError && err.status === 404) return false;
        throw err;
      }
    case 'plan':
      // A grant limited to some plans reads only their history.
      return authorize(actor.grants, 'read_audit', { plan: subject.plan }, () => undefined);
  }
}
