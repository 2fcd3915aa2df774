import { createHash, randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { checkUpload } from '../../domain/attachments/file-type.ts';
import { AppError } from '../../errors/app-error.ts';
import {
  findAttachment,
  insertAttachment,
  submissionUnitOfAttachment,
  taskOfAttachment,
} from '../../repositories/attachment.repository.ts';
import { taskUnits } from '../../repositories/task-supervision.repository.ts';
import { presentAttachment } from '../../presenters/task-tracking.presenter.ts';
import type { AttachmentStore } from '../../storage/attachment-store.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { readScope } from '../read-scope.ts';
import { visibleIn } from './task-context.ts';

/**
 * Stores an upload after checking size, name, declared type and magic bytes. The bytes go to the
 * store under their sha256 (the same file twice is stored once); the row belongs to nobody until
 * an update, contribution or notice reply claims it.
 */
export async function uploadAttachment(
  database: Database,
  store: AttachmentStore,
  actor: Actor,
  input: { name: string; declaredType: string | null; bytes: Uint8Array; maxBytes: number },
) {
  const verdict = checkUpload(input);
  if (!verdict.ok) throw new AppError(verdict.code, verdict.message, verdict.messageZh);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  await store.put(sha256, input.bytes, verdict.mediaType);
  const id = randomUUID();
  await database.db.transaction().execute(async (trx) => {
    await insertAttachment(trx, {
      id,
      name: verdict.name,
      mediaType: verdict.mediaType,
      size: input.bytes.byteLength,
      sha256,
      uploadedBy: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'attachment.upload',
      entity: 'attachment',
      entityKey: id,
      after: { name: verdict.name, mediaType: verdict.mediaType, size: input.bytes.byteLength, sha256 },
    });
  });
  return presentAttachment((await findAttachment(database.db, id))!);
}

const missing = (id: string) => new AppError('NOT_FOUND', `attachment ${id} not found`, `未找到附件${id}`);

/**
 * An attachment's bytes, for someone who may read the task it belongs to; an unclaimed upload
 * only for its uploader. Anything else answers 404, so that ids do not leak.
 */
export async function downloadAttachment(database: Database, store: AttachmentStore, actor: Actor, id: string) {
  const a = await findAttachment(database.db, id);
  if (!a) throw missing(id);
  if (a.owner_kind === null) {
    if (actor.userId === null || a.uploaded_by !== actor.userId) throw missing(id);
  } else if (a.owner_kind === 'report_submission') {
    // A file sent with a statistics sheet: for whoever may read that unit's sheet (issue 18).
    const unitId = await submissionUnitOfAttachment(database.db, a);
    if (unitId === undefined || !visibleIn(await readScope(database.db, actor), [unitId])) throw missing(id);
  } else {
    const taskId = await taskOfAttachment(database.db, a);
    if (taskId === undefined) throw missing(id);
    const scope = await readScope(database.db, actor);
    if (
      !visibleIn(
        scope,
        (await taskUnits(database.db, taskId)).map((u) => u.id),
      )
    )
      throw missing(id);
  }
  const bytes = await store.get(a.storage_key);
  if (!bytes) throw new AppError('ATTACHMENT_GONE', 'the file is missing from storage', '附件文件已不在存储中');
  return { name: a.name, mediaType: a.media_type, bytes };
}
