import { createChainVerifier, entryHash, GENESIS_HASH, type AuditEntry, type ChainCheck } from '../domain/audit/hash-chain.ts';
import { auditEntries, insertAuditEntry, lastAuditHash, lockAuditChain, nextAuditId } from '../repositories/audit.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import type { Actor } from './actor.ts';

export interface AuditChange {
  action: string;
  entity: string;
  entityKey: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the hash chain. Call it inside the transaction that makes the change, so
 * the change and its record commit or roll back together.
 */
export async function recordAudit(trx: Executor, actor: Actor, change: AuditChange): Promise<void> {
  await lockAuditChain(trx);
  const entry: AuditEntry = {
    id: await nextAuditId(trx),
    at: new Date().toISOString(),
    actorUserId: actor.userId,
    actor: actor.label,
    via: actor.via,
    tokenId: actor.tokenId,
    ip: actor.ip,
    action: change.action,
    entity: change.entity,
    entityKey: change.entityKey,
    before: change.before ?? null,
    after: change.after ?? null,
    prevHash: (await lastAuditHash(trx)) ?? GENESIS_HASH,
  };
  await insertAuditEntry(trx, entry, entryHash(entry));
}

export async function verifyAuditChain(db: Executor): Promise<ChainCheck> {
  const verifier = createChainVerifier();
  for await (const e of auditEntries(db)) {
    const failure = verifier.check(e);
    if (failure) return failure;
  }
  return verifier.result();
}
