import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryHash, GENESIS_HASH, type AuditEntry } from './hash-chain.ts';
import { checkSignature, createHeadCheck, parseSignedHead, signHead, type AuditHead } from './signed-head.ts';

const KEY = 'k'.repeat(40);

function chain(ids: number[]): (AuditEntry & { hash: string })[] {
  let prevHash = GENESIS_HASH;
  return ids.map((id) => {
    const entry: AuditEntry = {
      id,
      at: '2026-12-06T10:00:00.000Z',
      actorUserId: 1,
      actor: 'admin',
      via: 'cli',
      tokenId: null,
      ip: null,
      action: 'login',
      entity: 'user',
      entityKey: 'admin',
      before: null,
      after: { n: id },
      prevHash,
    };
    prevHash = entryHash(entry);
    return { ...entry, hash: prevHash };
  });
}

function headOf(entries: (AuditEntry & { hash: string })[]): AuditHead {
  const last = entries.at(-1)!;
  return { lastId: last.id, lastHash: last.hash, count: entries.length, at: '2026-12-06T10:05:00.000Z' };
}

function check(head: AuditHead, entries: (AuditEntry & { hash: string })[]) {
  const c = createHeadCheck(head);
  for (const e of entries) c.see(e);
  return c.result();
}

describe('signed audit head', () => {
  it('round-trips through JSON and verifies with the key that signed it', () => {
    const signed = signHead(headOf(chain([1, 2, 3])), KEY);
    const parsed = parseSignedHead(JSON.parse(JSON.stringify(signed)));
    assert.ok(parsed.ok);
    assert.equal(checkSignature(parsed.head, KEY), null);
  });

  it('refuses a head whose count or hash was changed after signing', () => {
    const signed = signHead(headOf(chain([1, 2, 3])), KEY);
    for (const forged of [
      { ...signed, count: 2 },
      { ...signed, lastId: 2 },
      { ...signed, at: '2030-01-01T00:00:00.000Z' },
    ]) {
      const r = checkSignature(forged, KEY);
      assert.equal(r?.kind, 'signature');
      assert.match(r!.reasonZh, /签名与内容不符/);
    }
  });

  it('tells a head signed with another key apart from a forged one', () => {
    const signed = signHead(headOf(chain([1])), 'another key of enough length, 32+ chars');
    assert.match(checkSignature(signed, KEY)!.reason, /another key/);
  });

  it('names the field of a file that is not a head', () => {
    const r = parseSignedHead({ format: 'plantrack-audit-head', version: 1, lastId: 'x' });
    assert.ok(!r.ok);
    assert.match(r.reason, /lastId/);
  });

  it('accepts the same chain and a chain that has grown since', () => {
    const entries = chain([1, 2, 3, 5, 6]);
    const head = headOf(entries.slice(0, 3));
    assert.deepEqual(check(head, entries.slice(0, 3)), { ok: true, entries: 3, headId: 3 });
    assert.deepEqual(check(head, entries), { ok: true, entries: 5, headId: 3 });
  });

  it('reports the newest entries deleted, naming the missing range', () => {
    const entries = chain([1, 2, 4, 7]);
    const r = check(headOf(entries), entries.slice(0, 2));
    assert.ok(!r.ok);
    assert.equal(r.kind, 'truncated');
    assert.deepEqual(r.missing, { fromId: 3, toId: 7, entries: 2 });
    assert.match(r.reasonZh, /第 3–7 条记录缺失/);
    assert.match(r.reason, /entries 3–7 are missing/);
  });

  it('reports truncation even when new entries were appended after the deletion', () => {
    const entries = chain([1, 2, 3]);
    const head = headOf(entries);
    // Entry 3 deleted, then the chain continued from entry 2 with a new id.
    const regrown = chain([1, 2, 8]);
    const r = check(head, regrown);
    assert.ok(!r.ok);
    assert.equal(r.kind, 'truncated');
    assert.deepEqual(r.missing, { fromId: 3, toId: 3, entries: 1 });
  });

  it('reports a chain rebuilt under the same ids', () => {
    const head = headOf(chain([1, 2, 3]));
    const other = chain([1, 2, 3]).map((e) => ({ ...e, hash: e.id === 3 ? '0'.repeat(63) + '1' : e.hash }));
    const r = check(head, other);
    assert.ok(!r.ok);
    assert.equal(r.kind, 'rewritten');
  });

  it('an empty chain’s head holds nothing to miss', () => {
    assert.deepEqual(check({ lastId: 0, lastHash: GENESIS_HASH, count: 0, at: 'x' }, []), { ok: true, entries: 0, headId: 0 });
  });
});
