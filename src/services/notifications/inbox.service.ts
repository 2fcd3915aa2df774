import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { countUnread, listNotifications, markAllRead, markRead } from '../../repositories/notification.repository.ts';
import type { Actor } from '../actor.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const date = (d: Date | string | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

/** The signed-in user's own notifications, newest first. System and CLI actors have none. */
export async function listInbox(database: Database, actor: Actor, q: { unreadOnly?: boolean; limit?: number } = {}) {
  if (actor.userId === null) return { unread: 0, items: [] };
  const [unread, rows] = await Promise.all([
    countUnread(database.db, actor.userId),
    listNotifications(database.db, actor.userId, { unreadOnly: q.unreadOnly ?? false, limit: q.limit ?? 100 }),
  ]);
  return {
    unread,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: { zh: r.title_zh, en: r.title_en },
      body: { zh: r.body_zh, en: r.body_en },
      link: r.link,
      dueOn: date(r.due_on),
      createdAt: iso(r.created_at)!,
      readAt: iso(r.read_at),
      emailedAt: iso(r.emailed_at),
    })),
  };
}

/** Marks one notification read; someone else's notification is reported as not found. */
export async function markNotificationRead(database: Database, actor: Actor, id: number): Promise<{ unread: number }> {
  if (actor.userId === null || !(await markRead(database.db, actor.userId, id)))
    throw new AppError('NOT_FOUND', `notification ${id} not found`, `未找到通知 ${id}`);
  return { unread: await countUnread(database.db, actor.userId) };
}

export async function markInboxRead(database: Database, actor: Actor): Promise<{ unread: number }> {
  if (actor.userId !== null) await markAllRead(database.db, actor.userId);
  return { unread: 0 };
}
