import type { Executor } from './transaction.ts';

export type AttachmentOwnerKind = 'task_update' | 'task_contribution' | 'notice_reply' | 'report_submission';

export async function insertAttachment(
  db: Executor,
  a: { id: string; name: string; mediaType: string; size: number; sha256: string; uploadedBy: number | null },
): Promise<void> {
  await db
    .insertInto('attachment')
    .values({
      id: a.id,
      name: a.name,
      media_type: a.mediaType,
      size_bytes: a.size,
      sha256: a.sha256,
      storage_key: a.sha256,
      uploaded_by: a.uploadedBy,
    })
    .execute();
}

const columns = [
  'id',
  'name',
  'media_type',
  'size_bytes',
  'sha256',
  'storage_key',
  'uploaded_by',
  'uploaded_at',
  'owner_kind',
  'owner_id',
] as const;

export async function findAttachment(db: Executor, id: string) {
  return db.selectFrom('attachment').select(columns).where('id', '=', id).executeTakeFirst();
}
export type AttachmentRow = NonNullable<Awaited<ReturnType<typeof findAttachment>>>;

/**
 * Gives unclaimed uploads of this user to an owner. Returns how many were claimed: fewer than
 * asked means some id is unknown, someone else's, or already attached elsewhere.
 */
export async function claimAttachments(
  db: Executor,
  ids: readonly string[],
  uploadedBy: number | null,
  owner: { kind: AttachmentOwnerKind; id: number },
): Promise<number> {
  if (ids.length === 0) return 0;
  let q = db
    .updateTable('attachment')
    .set({ owner_kind: owner.kind, owner_id: owner.id })
    .where('id', 'in', [...ids])
    .where('owner_kind', 'is', null);
  q = uploadedBy === null ? q.where('uploaded_by', 'is', null) : q.where('uploaded_by', '=', uploadedBy);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function attachmentsOf(db: Executor, kind: AttachmentOwnerKind, ownerIds: readonly number[]) {
  if (ownerIds.length === 0) return [];
  return db
    .selectFrom('attachment')
    .select(columns)
    .where('owner_kind', '=', kind)
    .where('owner_id', 'in', [...ownerIds])
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

/** The task an owned attachment belongs to, through its owner. */
export async function taskOfAttachment(db: Executor, a: { owner_kind: AttachmentOwnerKind | null; owner_id: number | null }) {
  if (a.owner_kind === null || a.owner_id === null || a.owner_kind === 'report_submission') return undefined;
  const table =
    a.owner_kind === 'task_update' ? 'task_update' : a.owner_kind === 'task_contribution' ? 'task_contribution' : 'task_notice';
  const r = await db.selectFrom(table).select('task_id').where('id', '=', a.owner_id).executeTakeFirst();
  return r?.task_id;
}

/** The org unit of the submission an attachment belongs to (issue 18: files sent with a sheet). */
export async function submissionUnitOfAttachment(
  db: Executor,
  a: { owner_kind: AttachmentOwnerKind | null; owner_id: number | null },
) {
  if (a.owner_kind !== 'report_submission' || a.owner_id === null) return undefined;
  const r = await db.selectFrom('report_submission').select('org_unit_id').where('id', '=', a.owner_id).executeTakeFirst();
  return r?.org_unit_id;
}
