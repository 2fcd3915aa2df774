import { createHash } from 'node:crypto';

/** One audit entry as hashed; `at` is an ISO timestamp with millisecond precision. */
export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: number | null;
  actor: string;
  via: 'session' | 'token' | 'cli' | 'system';
  tokenId: number | null;
  ip: string | null;
  action: string;
  entity: string;
  entityKey: string;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so that jsonb's reordering never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(entry: AuditEntry): string {
  return createHash('sha256').update(entry.prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; entryId: number; reason: string; reasonZh: string };

/**
 * Walks the chain in id order: each entry must name the previous entry's hash and hash to the
 * stored value. The first entry that fails is named: an edited row fails its own hash, a deleted
 * row breaks the link of the entry after it.
 */
export function verifyChain(entries: Iterable<AuditEntry & { hash: string }>): ChainCheck {
  const verifier = createChainVerifier();
  for (const e of entries) {
    const failure = verifier.check(e);
    if (failure) return failure;
  }
  return verifier.result();
}

/** Incremental form of verifyChain, for entries streamed from the database. */
export function createChainVerifier() {
  let prev = GENESIS_HASH;
  let count = 0;
  return {
    check(e: AuditEntry & { hash: string }): Extract<ChainCheck, { ok: false }> | null {
      const { hash, ...entry } = e;
      if (entry.prevHash !== prev)
        return {
          ok: false,
          entryId: entry.id,
          reason: 'link to the previous entry is broken (an entry was removed or reordered)',
          reasonZh: '与上一条记录的链接断开（有记录被删除或调换）',
        };
      if (entryHash(entry) !== hash)
        return {
          ok: false,
          entryId: entry.id,
          reason: 'content does not match its hash (the entry was edited)',
          reasonZh: '内容与哈希不符（该记录被篡改）',
        };
      prev = hash;
      count++;
      return null;
    },
    result: (): ChainCheck => ({ ok: true, entries: count }),
  };
}
