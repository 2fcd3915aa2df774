import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { setUserEmail } from '../../repositories/notification.repository.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';

/** Sets (null: removes) where a user's notifications are e-mailed; audited like every change to a user. */
export async function setNotificationEmail(database: Database, actor: Actor, username: string, email: string | null) {
  if (email !== null && !/^[^@\s]+@[^@\s]+$/.test(email))
    throw new AppError('INVALID_EMAIL', `"${email}" is not an e-mail address`, `“${email}”不是有效的邮箱地址`);
  await database.db.transaction().execute(async (trx) => {
    if (!(await setUserEmail(trx, username, email)))
      throw new AppError('NOT_FOUND', `no user ${username}`, `用户 ${username} 不存在`);
    await recordAudit(trx, actor, { action: 'update', entity: 'user', entityKey: username, after: { email } });
  });
}
