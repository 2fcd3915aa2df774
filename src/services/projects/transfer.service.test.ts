import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Database } from '../../db/database.ts';
import type { ProjectRow } from '../../repositories/project.repository.ts';
import type { TransferAgreementRow } from '../../repositories/transfer.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { SYSTEM_ACTOR, type Actor } from '../actor.ts';
import type { AuditChange } from '../audit.service.ts';
import { endTransfer, insertAgreementWithMove, type AgreementInput, type TransferDeps } from './transfer.service.ts';

/** Two zones under one city; the project starts in ZA. */
const zones = {
  ZA: { id: 1, code: 'ZA', name: '甲园区', kind: 'zone', has_children: false },
  ZB: { id: 2, code: 'ZB', name: '乙园区', kind: 'zone', has_children: false },
  CITY: { id: 9, code: 'CITY', name: '市', kind: 'prefecture', has_children: true },
};
const parents = new Map<string, string | null>([
  ['ZA', 'CITY'],
  ['ZB', 'CITY'],
  ['CITY', null],
]);

const agreement = (over: Partial<TransferAgreementRow> = {}) =>
  ({
    id: 70,
    project_id: 50,
    from_zone_code: 'ZA',
    to_zone_code: 'ZB',
    start_month: '2024-03',
    end_month: null,
    status: 'active',
    version: 1,
    indicator_shares: [],
    created_at: new Date(0),
    ended_at: null,
    ...over,
  }) as unknown as TransferAgreementRow;

/** In-memory stand-ins: the stored project and agreements; what was written is kept for the asserts. */
function fakes(o: { projectZone?: 'ZA' | 'ZB'; agreements?: TransferAgreementRow[]; projectMoved?: boolean } = {}) {
  const zone = zones[o.projectZone ?? 'ZA'];
  const project = { id: 50, zone_id: zone.id, zone_code: zone.code, version: 3 } as unknown as ProjectRow;
  const inserted: Parameters<TransferDeps['insertAgreement']>[1][] = [];
  const moved: { id: number; version: number; zone: number | undefined }[] = [];
  const ended: { id: number; version: number; endMonth: string }[] = [];
  const changes: Parameters<TransferDeps['insertChange']>[1][] = [];
  const audit: AuditChange[] = [];
  const deps: TransferDeps = {
    parentLinks: async () => parents,
    findProject: async (_db, id) => (id === 50 ? project : undefined),
    zoneByCode: async (_db, code) => zones[code as keyof typeof zones],
    transferAgreements: async () => o.agreements ?? [],
    insertAgreement: async (_db, a) => {
      inserted.push(a);
      return 71;
    },
    endAgreement: async (_db, id, version, endMonth) => {
      ended.push({ id, version, endMonth });
      return true;
    },
    updateProject: async (_db, id, version, p) => {
      if (o.projectMoved) return false;
      moved.push({ id, version, zone: p.zone_id });
      return true;
    },
    insertChange: async (_db, c) => {
      changes.push(c);
    },
    recordAudit: async (_db, _actor, change) => {
      audit.push(change);
    },
  };
  return { deps, inserted, moved, ended, changes, audit };
}

const trx = {} as Executor;
const database = { db: { transaction: () => ({ execute: (fn: (t: Executor) => unknown) => fn(trx) }) } } as unknown as Database;
const planOffice = (scope: string | null): Actor => ({
  ...SYSTEM_ACTOR,
  userId: 4,
  label: 'plan office',
  via: 'session',
  grants: [{ role: 'plan_manager', scopeOrgUnit: scope, scopePlans: null }],
});
const input: AgreementInput = {
  project: 50,
  toZone: 'ZB',
  shares: { from: '40', to: '60' },
  startMonth: '2024-06',
  reference: '协议 7',
};

describe('insertAgreementWithMove (transfer)', () => {
  it('records the agreement, moves the project to the destination, logs and audits it', async () => {
    const f = fakes();
    const id = await insertAgreementWithMove(trx, planOffice('CITY'), input, f.deps);
    assert.equal(id, 71);
    assert.deepEqual(
      f.inserted.map((a) => [a.fromZoneId, a.toZoneId, a.fromShare, a.toShare, a.startMonth, a.endMonth, a.createdBy]),
      [[1, 2, '40', '60', '2024-06', null, 4]],
    );
    assert.deepEqual(f.moved, [{ id: 50, version: 3, zone: 2 }]);
    assert.deepEqual(f.changes[0]?.changes, { zone: { from: 'ZA', to: 'ZB' }, shares: { from: null, to: '40/60' } });
    assert.equal(f.changes[0]?.effectiveOn, '2024-06-01');
    assert.deepEqual(
      f.audit.map((a) => [a.action, a.entity, a.entityKey]),
      [['create', 'transfer_agreement', '71']],
    );
  });

  it('does not move a project already at the destination when the origin is named', async () => {
    const f = fakes({ projectZone: 'ZB' });
    await insertAgreementWithMove(trx, planOffice(null), { ...input, fromZone: 'ZA' }, f.deps);
    assert.equal(f.inserted.length, 1);
    assert.deepEqual(f.moved, []);
  });

  it('asks for the origin when the project is already at the destination', async () => {
    const f = fakes({ projectZone: 'ZB' });
    await assert.rejects(insertAgreementWithMove(trx, planOffice(null), input, f.deps), { code: 'INVALID_TRANSFER' });
    assert.deepEqual(f.inserted, []);
  });

  it('refuses a zone outside the plan office scope, writing nothing', async () => {
    const f = fakes();
    await assert.rejects(insertAgreementWithMove(trx, planOffice('ZA'), input, f.deps), { code: 'FORBIDDEN' });
    assert.deepEqual([f.inserted, f.moved, f.audit], [[], [], []]);
  });

  it('refuses an agreement overlapping an existing one for the project', async () => {
    const f = fakes({ agreements: [agreement({ start_month: '2024-01', end_month: '2024-12' })] });
    await assert.rejects(insertAgreementWithMove(trx, planOffice(null), input, f.deps), { code: 'TRANSFER_OVERLAP' });
    assert.deepEqual(f.inserted, []);
  });

  it('accepts an agreement after an ended period', async () => {
    const f = fakes({ agreements: [agreement({ start_month: '2023-01', end_month: '2024-05' })] });
    await insertAgreementWithMove(trx, planOffice(null), input, f.deps);
    assert.equal(f.inserted.length, 1);
  });

  it('reports a version conflict when the project changed meanwhile', async () => {
    const f = fakes({ projectMoved: true });
    await assert.rejects(insertAgreementWithMove(trx, planOffice(null), input, f.deps), { code: 'VERSION_CONFLICT' });
    assert.deepEqual(f.audit, []);
  });
});

describe('endTransfer', () => {
  const body = { version: 1, endMonth: '2024-09', reason: '项目迁回' };

  it('ends an active agreement, logging and auditing before and after', async () => {
    const f = fakes({ agreements: [agreement()] });
    await endTransfer(database, planOffice('CITY'), 70, body, f.deps);
    assert.deepEqual(f.ended, [{ id: 70, version: 1, endMonth: '2024-09' }]);
    assert.deepEqual(f.changes[0]?.changes, { endMonth: { from: null, to: '2024-09' } });
    assert.deepEqual(f.audit[0]?.before, { status: 'active', endMonth: null });
    assert.deepEqual(f.audit[0]?.after, { status: 'ended', endMonth: '2024-09', reason: '项目迁回' });
  });

  it('refuses an agreement already ended, and an end month before its start', async () => {
    const ended = fakes({ agreements: [agreement({ status: 'ended' })] });
    await assert.rejects(endTransfer(database, planOffice(null), 70, body, ended.deps), { code: 'TRANSFER_ENDED' });
    const early = fakes({ agreements: [agreement()] });
    await assert.rejects(endTransfer(database, planOffice(null), 70, { ...body, endMonth: '2024-02' }, early.deps), {
      code: 'INVALID_TRANSFER',
    });
    assert.deepEqual([ended.ended, early.ended], [[], []]);
  });
});
