import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, entryHash, GENESIS_HASH, verifyChain, type AuditEntry } from './hash-chain.ts';

function chain(n: number) {
  const out: (AuditEntry & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let id = 1; id <= n; id++) {
    const entry: AuditEntry = {
      id,
      at: new Date(Date.UTC(2026, 0, id)).toISOString(),
      actorUserId: 1,
      actor: 'admin',
      via: 'session',
      tokenId: null,
      ip: '127.0.0.1',
      action: 'update',
      entity: 'data_value',
      entityKey: `YN-HH/GDP/2024-0${id}`,
      before: { value: String(id) },
      after: { value: String(id + 1), note: '修正' },
      prevHash: prev,
    };
    const hash = entryHash(entry);
    out.push({ ...entry, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('canonical JSON ignores key order', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }),
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });
  it('verifies an intact chain', () => {
    assert.deepEqual(verifyChain(chain(5)), { ok: true, entries: 5 });
  });
  it('names an edited entry', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, after: { value: '999' } };
    const r = verifyChain(c);
    assert.ok(!r.ok && r.entryId === 3 && /edited/.test(r.reason));
  });
  it('names the entry after a deleted one', () => {
    const c = chain(5);
    c.splice(1, 1);
    const r = verifyChain(c);
    assert.ok(!r.ok && r.entryId === 3 && /removed/.test(r.reason));
  });
});
