import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { AuditEntry } from './hash-chain.ts';

/**
 * The head of the audit chain, signed so that it can be kept outside the table (in a backup, in the
 * server log, in a file the operator saves). The chain alone proves that no entry was edited or
 * removed from the middle; only a head kept elsewhere proves that none was removed from the end.
 */
export const HEAD_FORMAT = 'plantrack-audit-head';

export interface AuditHead {
  /** Id of the newest entry (0 for an empty chain). */
  lastId: number;
  /** Its hash (GENESIS_HASH for an empty chain). */
  lastHash: string;
  /** Entries in the chain up to and including lastId. */
  count: number;
  /** When the head was taken (ISO). */
  at: string;
}

export const signedHeadSchema = z.object({
  format: z.literal(HEAD_FORMAT),
  version: z.literal(1),
  lastId: z.number().int().nonnegative(),
  lastHash: z.string().regex(/^[0-9a-f]{64}$/),
  count: z.number().int().nonnegative(),
  at: z.string(),
  /** First 16 hex digits of sha256(key): names the key without revealing it, so a wrong key is told apart from a forgery. */
  keyId: z.string(),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SignedHead = z.infer<typeof signedHeadSchema>;

export function keyId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** The signed bytes: fixed field order, so the signature does not depend on how a file was re-serialised. */
function signedText(h: AuditHead): string {
  return `${HEAD_FORMAT}\n1\n${h.lastId}\n${h.lastHash}\n${h.count}\n${h.at}`;
}

function hmac(key: string, h: AuditHead): string {
  return createHmac('sha256', key).update(signedText(h)).digest('hex');
}

export function signHead(head: AuditHead, key: string): SignedHead {
  return { format: HEAD_FORMAT, version: 1, ...head, keyId: keyId(key), signature: hmac(key, head) };
}

export type HeadParse = { ok: true; head: SignedHead } | { ok: false; reason: string; reasonZh: string };

export function parseSignedHead(value: unknown): HeadParse {
  const parsed = signedHeadSchema.safeParse(value);
  if (parsed.success) return { ok: true, head: parsed.data };
  const field = parsed.error.issues[0]?.path.join('.') || '(top level)';
  return {
    ok: false,
    reason: `not an audit head file: field ${field} ${parsed.error.issues[0]?.message ?? 'is invalid'}`,
    reasonZh: `不是审计链头文件：字段 ${field} 无效`,
  };
}

export type HeadCheck =
  | { ok: true; entries: number; headId: number }
  | {
      ok: false;
      kind: 'signature' | 'truncated' | 'rewritten';
      reason: string;
      reasonZh: string;
      /** Ids the head vouches for that the table no longer holds (truncated). */
      missing?: { fromId: number; toId: number; entries: number };
    };

/** Whether the head was signed with this key; a wrong key and a forged head are told apart by keyId. */
export function checkSignature(head: SignedHead, key: string): Extract<HeadCheck, { ok: false }> | null {
  if (head.keyId !== keyId(key))
    return {
      ok: false,
      kind: 'signature',
      reason: `the head was signed with another key (key id ${head.keyId}, this server's is ${keyId(key)}); set PLANTRACK_AUDIT_KEY to the key that signed it`,
      reasonZh: `该链头由另一把密钥签名（密钥标识 ${head.keyId}，本服务器为 ${keyId(key)}）；请将 PLANTRACK_AUDIT_KEY 设为签名时的密钥`,
    };
  const expected = Buffer.from(hmac(key, head), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(head.signature, 'hex')))
    return {
      ok: false,
      kind: 'signature',
      reason: 'the head’s signature does not match its content (the head file was altered)',
      reasonZh: '链头签名与内容不符（链头文件被改动）',
    };
  return null;
}

/**
 * Compares the table with a head, fed the entries in id order after the chain itself has been
 * checked (createChainVerifier). An intact chain whose entry `lastId` still carries `lastHash`
 * holds exactly the signed prefix (each hash covers everything before it); the table may have grown
 * since. If that entry is gone, the newest entries were removed: the missing ids are named.
 */
export function createHeadCheck(head: AuditHead) {
  let entries = 0;
  let upToHead = 0;
  let lastBeforeHead = 0;
  let atHead: string | undefined;
  return {
    see(e: Pick<AuditEntry, 'id'> & { hash: string }): void {
      entries++;
      if (e.id <= head.lastId) upToHead++;
      if (e.id < head.lastId) lastBeforeHead = e.id;
      if (e.id === head.lastId) atHead = e.hash;
    },
    result(): HeadCheck {
      if (head.lastId === 0 || (atHead === head.lastHash && upToHead === head.count))
        return { ok: true, entries, headId: head.lastId };
      if (atHead === undefined) {
        const gone = Math.max(head.count - upToHead, 1);
        return {
          ok: false,
          kind: 'truncated',
          missing: { fromId: lastBeforeHead + 1, toId: head.lastId, entries: gone },
          reason:
            `entries ${lastBeforeHead + 1}–${head.lastId} are missing: the head of ${head.at} vouches for ${head.count} entries ` +
            `up to entry ${head.lastId}, the table holds ${upToHead} (the newest entries were deleted)`,
          reasonZh:
            `第 ${lastBeforeHead + 1}–${head.lastId} 条记录缺失：${head.at} 的链头确认截至第 ${head.lastId} 条共 ${head.count} 条，` +
            `表中仅有 ${upToHead} 条（最新的记录被删除）`,
        };
      }
      return {
        ok: false,
        kind: 'rewritten',
        reason: `entry ${head.lastId} is not the one the head of ${head.at} vouches for (the chain up to it was rewritten)`,
        reasonZh: `第 ${head.lastId} 条记录与 ${head.at} 的链头不符（截至该条的审计链被重写）`,
      };
    },
  };
}
