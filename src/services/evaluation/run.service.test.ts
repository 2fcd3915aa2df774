import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Database } from '../../db/database.ts';
import type { ComputedRun, RunInput } from '../../domain/evaluation/compute-run.ts';
import type { StoredSchemeInput } from '../../domain/evaluation/stored-scheme.schema.ts';
import type { SchemeRow } from '../../repositories/evaluation.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { SYSTEM_ACTOR, type Actor } from '../actor.ts';
import type { AuditChange } from '../audit.service.ts';
import { createRun, publishRun, type RunDeps } from './run.service.ts';

const definition: StoredSchemeInput = {
  code: 'zones',
  name: '开发区亩均评价',
  indicators: [
    { code: 'OUT', name: '亩均产出', weight: 0.5 },
    { code: 'TAX', name: '亩均税收', weight: 0.5 },
  ],
  grades: [
    { label: '合格', minScore: 40 },
    { label: '不合格', minScore: 0 },
  ],
};

const scheme = (version: number, status: 'draft' | 'frozen' = 'draft', def: StoredSchemeInput = definition) =>
  ({ id: 100 + version, code: 'zones', version, status, definition: def, publishes: 'full' }) as unknown as SchemeRow;
/** Version 3 is the latest; 2 is an older one. */
const versions = new Map([
  [2, scheme(2, 'frozen')],
  [3, scheme(3)],
]);

const subject = (code: string, values: Record<string, string | null>) => ({
  code,
  name: `单位${code}`,
  nameEn: null,
  group: null,
  values,
});

type StoredRun = { id: number; scheme_id: number; status: string; input: RunInput; results: ComputedRun } & Record<
  string,
  unknown
>;

/** In-memory stand-ins for the evaluation repositories; what was stored, frozen and audited is kept for the asserts. */
function fakes(o: { stored?: StoredRun; alreadyPublished?: boolean } = {}) {
  const runs = new Map<number, StoredRun>(o.stored ? [[o.stored.id, o.stored]] : []);
  const asked: (number | undefined)[] = [];
  const frozen: number[] = [];
  const audit: AuditChange[] = [];
  const notifiedRuns: number[] = [];
  const deps: RunDeps = {
    findSchemeVersion: async (_db, _code, version) => {
      asked.push(version);
      return versions.get(version ?? 3);
    },
    findSchemeById: async (_db, id) => [...versions.values()].find((s) => s.id === id),
    gatherInput: async (_db, s, year) => ({
      scheme: { code: s.code, version: s.version, definition: s.definition },
      year,
      units: { OUT: '万元/亩', TAX: '万元/亩' },
      subjects: [
        subject('A', { OUT: '500', TAX: '30' }),
        subject('B', { OUT: '300', TAX: '20' }),
        subject('C', { OUT: null, TAX: '10' }),
      ],
    }),
    insertRun: async (_db, v) => {
      const run = {
        id: 7,
        scheme_id: v.schemeId,
        status: 'draft',
        year: v.year,
        seed: v.seed,
        samples: v.samples,
        data_hash: v.dataHash,
        input: v.input,
        results: v.results,
        created_at: new Date(0),
        published_at: null,
      };
      runs.set(7, run as unknown as StoredRun);
      return run as unknown as Awaited<ReturnType<RunDeps['insertRun']>>;
    },
    // A copy, as a database read is: the publish below must not change the row already read.
    findRun: async (_db, id) => {
      const run = runs.get(id);
      return (run && { ...run }) as unknown as Awaited<ReturnType<RunDeps['findRun']>>;
    },
    previousRun: async () => undefined,
    publishRunRow: async (_db, id) => {
      if (o.alreadyPublished) return false;
      runs.get(id)!.status = 'published';
      return true;
    },
    freezeScheme: async (_db, id) => {
      frozen.push(id);
    },
    parentLinks: async () => new Map(),
    recordAudit: async (_db, _actor, change) => {
      audit.push(change);
    },
    notifyPublished: async (_db, _actor, run) => {
      notifiedRuns.push(run.id);
      return 3;
    },
    runSupervisions: async () => new Map(),
  };
  return { deps, runs, asked, frozen, audit, notifiedRuns };
}

const trx = {} as Executor;
const database = {
  db: { transaction: () => ({ execute: (fn: (t: Executor) => unknown) => fn(trx) }) },
} as unknown as Database;
const admin: Actor = { ...SYSTEM_ACTOR, userId: 1, grants: [{ role: 'admin', scopeOrgUnit: null, scopePlans: null }] };

describe('createRun (evaluation run)', () => {
  it('runs the latest scheme version when none is named, and the named one otherwise', async () => {
    const latest = fakes();
    const view = await createRun(database, admin, { scheme: 'zones', year: 2024, samples: 50 }, latest.deps);
    assert.deepEqual([latest.asked, view.scheme.version, latest.runs.get(7)?.scheme_id], [[undefined], 3, 103]);
    const named = fakes();
    const older = await createRun(database, admin, { scheme: 'zones', version: 2, year: 2024, samples: 50 }, named.deps);
    assert.deepEqual([named.asked, older.scheme.version, named.runs.get(7)?.scheme_id], [[2], 2, 102]);
  });

  it('stores the run as a draft, counts a unit missing a required figure as incomplete, and audits it', async () => {
    const f = fakes();
    const view = await createRun(database, admin, { scheme: 'zones', year: 2024, samples: 50, seed: 5 }, f.deps);
    assert.equal(view.status, 'draft');
    const c = view.units.find((u) => u.code === 'C')!;
    assert.deepEqual([c.status, c.missing, c.score], ['incomplete', ['OUT'], null]);
    assert.equal(view.units.filter((u) => u.status === 'incomplete').length, 1);
    assert.deepEqual(f.audit[0]?.after, {
      scheme: 'zones',
      version: 3,
      year: 2024,
      samples: 50,
      seed: 5,
      dataHash: view.dataHash,
    });
  });

  it('refuses an unknown scheme version', async () => {
    const f = fakes();
    await assert.rejects(createRun(database, admin, { scheme: 'zones', version: 9, year: 2024 }, f.deps), { code: 'NOT_FOUND' });
    assert.equal(f.runs.size, 0);
  });
});

describe('publishRun', () => {
  const stored = async (def: StoredSchemeInput) => {
    const f = fakes();
    await createRun(database, admin, { scheme: 'zones', year: 2024, samples: 50 }, f.deps);
    const run = f.runs.get(7)!;
    run.input = { ...run.input, scheme: { ...run.input.scheme, definition: def } };
    return run;
  };

  it('publishes a draft, freezes the scheme version it used, tells the units and audits how many were told', async () => {
    const f = fakes({ stored: await stored(definition) });
    const view = await publishRun(database, admin, 7, f.deps);
    assert.equal(view.status, 'published');
    assert.deepEqual(f.frozen, [103]);
    assert.deepEqual(f.notifiedRuns, [7]);
    assert.deepEqual(f.audit[0]?.before, { status: 'draft', schemeStatus: 'draft' });
    assert.deepEqual(f.audit[0]?.after, {
      status: 'published',
      scheme: 'zones',
      version: 3,
      schemeStatus: 'frozen',
      notified: 3,
    });
  });

  it('refuses when the scheme version was edited after the run, freezing nothing', async () => {
    const f = fakes({ stored: await stored({ ...definition, name: '旧名称' }) });
    await assert.rejects(publishRun(database, admin, 7, f.deps), { code: 'SCHEME_CHANGED' });
    assert.deepEqual([f.frozen, f.audit], [[], []]);
  });

  it('refuses a run already published', async () => {
    const f = fakes({ stored: await stored(definition), alreadyPublished: true });
    await assert.rejects(publishRun(database, admin, 7, f.deps), { code: 'ALREADY_PUBLISHED' });
    assert.deepEqual([f.frozen, f.notifiedRuns], [[], []]);
  });
});
