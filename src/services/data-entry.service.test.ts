import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Executor } from '../repositories/transaction.ts';
import type { ReportedKey } from '../repositories/data-value.repository.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import type { AuditChange } from './audit.service.ts';
import { writeDraftValue, type DraftDeps, type ValueKey } from './data-entry.service.ts';

type Stored = { value: string; version: number; status: string };

/** In-memory stand-ins for the repositories: the decisions of the use case, without a database. */
function fakes(initial?: Stored) {
  let row: Stored | undefined = initial && { ...initial };
  const audit: AuditChange[] = [];
  const deps: DraftDeps = {
    lockReportedValue: async () => row && { ...row },
    deleteReportedValue: async () => {
      row = undefined;
    },
    upsertReportedDraft: async (_db: Executor, _k: ReportedKey, _p: unknown, value: string) => {
      row = { value, version: (row?.version ?? 0) + 1, status: 'draft' };
      return { ...row };
    },
    recordAudit: async (_db, _actor, change) => {
      audit.push(change);
    },
  };
  return { deps, audit, row: () => row };
}

const trx = {} as Executor;
const key: ValueKey = { unitId: 1, indicatorId: 2, orgUnit: 'ZN-KM', indicator: 'REVENUE', period: '2024-06', cumulative: true };

describe('writeDraftValue (data entry)', () => {
  it('stores a new figure at version 1 and records its creation', async () => {
    const f = fakes();
    const r = await writeDraftValue(trx, SYSTEM_ACTOR, key, '12.5', 0, f.deps);
    assert.deepEqual(r, { ok: true, value: '12.5', version: 1, status: 'draft', changed: true });
    assert.deepEqual(
      f.audit.map((a) => [a.action, a.entityKey]),
      [['create', 'ZN-KM/REVENUE/2024-06/cumulative']],
    );
  });

  it('refuses to overwrite a figure changed since the editor loaded it, writing nothing', async () => {
    const f = fakes({ value: '10', version: 3, status: 'draft' });
    const r = await writeDraftValue(trx, SYSTEM_ACTOR, key, '11', 2, f.deps);
    assert.deepEqual(r, { ok: false, conflict: { indicator: 'REVENUE', yours: '11', theirs: '10', currentVersion: 3 } });
    assert.equal(f.row()?.value, '10');
    assert.deepEqual(f.audit, []);
  });

  it('keeps submitted and approved figures locked', async () => {
    for (const status of ['submitted', 'approved']) {
      const f = fakes({ value: '10', version: 1, status });
      await assert.rejects(writeDraftValue(trx, SYSTEM_ACTOR, key, '11', 1, f.deps), { code: 'LOCKED' });
      assert.equal(f.row()?.value, '10');
    }
  });

  it('changes nothing, and records nothing, when the same value is saved again', async () => {
    const f = fakes({ value: '10', version: 4, status: 'draft' });
    const r = await writeDraftValue(trx, SYSTEM_ACTOR, key, '10', 4, f.deps);
    assert.deepEqual(r, { ok: true, value: '10', version: 4, status: 'draft', changed: false });
    assert.deepEqual(f.audit, []);
  });

  it('clears a draft on null, with the old value in the audit entry', async () => {
    const f = fakes({ value: '10', version: 2, status: 'draft' });
    const r = await writeDraftValue(trx, SYSTEM_ACTOR, key, null, 2, f.deps);
    assert.equal(r.ok && r.changed, true);
    assert.equal(f.row(), undefined);
    assert.deepEqual(f.audit[0]?.before, { value: '10', version: 2 });
  });
});
