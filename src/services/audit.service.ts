import { createChainVerifier, entryHash, GENESIS_HASH, type AuditEntry, type ChainCheck } from '../domain/audit/hash-chain.ts';
import { checkSignature, createHeadCheck, signHead, type HeadCheck, type SignedHead } from '../domain/audit/signed-head.ts';
import {
  auditChainHead,
  auditEntries,
  insertAuditEntries,
  lastAuditHash,
  lockAuditChain,
  nextAuditIds,
} from '../repositories/audit.repository.ts';
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
  await recordAuditBatch(trx, actor, [change]);
}

/** Appends many entries in order, with the same guarantees as recordAudit, in a few statements. */
export async function recordAuditBatch(trx: Executor, actor: Actor, changes: readonly AuditChange[]): Promise<void> {
  if (changes.length === 0) return;
  await lockAuditChain(trx);
  const ids = await nextAuditIds(trx, changes.length);
  let prevHash = (await lastAuditHash(trx)) ?? GENESIS_HASH;
  const at = new Date().toISOString();
  const entries = changes.map((change, i) => {
    const entry: AuditEntry = {
      id: ids[i]!,
      at,
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
      prevHash,
    };
    prevHash = entryHash(entry);
    return { entry, hash: prevHash };
  });
  await insertAuditEntries(trx, entries);
}

export async function verifyAuditChain(db: Executor): Promise<ChainCheck> {
  const verifier = createChainVerifier();
  for await (const e of auditEntries(db)) {
    const failure = verifier.check(e);
    if (failure) return failure;
  }
  return verifier.result();
}

/** The chain's head now, signed with the audit key: to keep outside the database (docs/security.md). */
export async function signedAuditHead(db: Executor, key: string): Promise<SignedHead> {
  const h = await auditChainHead(db);
  return signHead({ lastId: h.lastId, lastHash: h.lastHash ?? GENESIS_HASH, count: h.count, at: new Date().toISOString() }, key);
}

export type HeadVerification = { chain: ChainCheck; head: HeadCheck | null };

/**
 * Verifies the chain and, against a head kept outside the table, that none of the entries the head
 * vouches for was removed from the end. The head is checked only when the chain itself is intact
 * (a broken link is named first, as without a head).
 */
export async function verifyAuditChainWithHead(db: Executor, head: SignedHead, key: string): Promise<HeadVerification> {
  const forged = checkSignature(head, key);
  if (forged) return { chain: await verifyAuditChain(db), head: forged };
  const verifier = createChainVerifier();
  const check = createHeadCheck(head);
  for await (const e of auditEntries(db)) {
    const failure = verifier.check(e);
    if (failure) return { chain: failure, head: null };
    check.see(e);
  }
  return { chain: verifier.result(), head: check.result() };
}
