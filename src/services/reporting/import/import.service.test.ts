import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Database } from '../../../db/database.ts';
import type { FormMapping } from '../../../domain/reporting/table/form-mappings.ts';
import type { TableProblem, TableRecord } from '../../../domain/reporting/table/table.types.ts';
import type { NewReportImport, StagedValue } from '../../../repositories/import-staging.repository.ts';
import type { Executor } from '../../../repositories/transaction.ts';
import type { Actor } from '../../actor.ts';
import type { AuditChange } from '../../audit.service.ts';
import type { FormContext } from '../form-context.ts';
import { monthlyFormContext } from '../form-context.fixture.ts';
import { importValues, type ImportDeps, type ImportRequest } from './import.service.ts';

const actor: Actor = { userId: 5, label: 'zone-km', grants: [], roles: [] } as unknown as Actor;

const formContext = (rules: unknown[] = []): FormContext => monthlyFormContext({ monthsAfter: 1, rules });

/** Two units report the form; the uploader may report only for the first. */
const units = [
  { id: 21, code: 'ZN-KM', name: '昆明经济技术开发区', inScope: true },
  { id: 22, code: 'ZN-QJ', name: '曲靖经济技术开发区', inScope: false },
];

/** A wide sheet: one row per unit, the form's one item as a column. */
function upload(rows: [unit: string, value: string][], over: Partial<ImportRequest> = {}): ImportRequest {
  const grid = [['单位名称', '营业收入'], ...rows];
  return {
    form: 'F1',
    fileName: 'june.xlsx',
    format: 'xlsx',
    period: '2024-06',
    dryRun: false,
    rows: (async function* () {
      for (const [i, cells] of grid.entries()) yield { sheet: '月报', row: i + 1, cells };
    })(),
    sha256: () => 'abc123',
    ...over,
  };
}

interface Stored {
  counts?: { values: number; created: number; changed: number; unchanged: number };
  locked?: { org_unit: string; period: string; status: string; sheet: string; row_no: number }[];
  gate?: TableProblem[];
  rules?: unknown[];
  mappings?: FormMapping[];
}

/** In-memory stand-ins for the staging table and the audit: what was staged, written and audited is kept for the asserts. */
function fakes(stored: Stored = {}) {
  const staged: StagedValue[] = [];
  const calls: string[] = [];
  const audit: AuditChange[] = [];
  const imports: NewReportImport[] = [];
  const outcome = { commit: null as boolean | null };
  const step =
    <T>(name: string, value: T) =>
    async () => {
      calls.push(name);
      return value;
    };
  const counts = stored.counts ?? { values: 0, created: 0, changed: 0, unchanged: 0 };
  const deps: ImportDeps = {
    withBulkTransaction: async (_database, fn) => {
      const { result, commit } = await fn({} as Executor, null);
      outcome.commit = commit;
      return result;
    },
    loadFormContext: async () => formContext(stored.rules),
    formMappings: async () => stored.mappings ?? [],
    checkGrowthClaims: step('checkGrowthClaims', []),
    recordChecker: async () => ({
      unitId: (code: string) => units.find((u) => u.code === code)?.id,
      units: units.map(({ code, name, inScope }) => ({ code, name, aliases: [], inScope })),
      check(r: TableRecord) {
        const unit = units.find((u) => u.code === r.orgUnit)!;
        if (!unit.inScope)
          return {
            problem: {
              sheet: r.sheet,
              row: r.row,
              column: r.column,
              value: r.raw,
              code: 'outside_scope',
              reason: 'outside',
              reasonZh: '无权填报',
            },
          };
        return {
          value: {
            seq: staged.length + 1,
            sheet: r.sheet,
            row: r.row,
            column: r.column,
            unitId: unit.id,
            indicatorId: 11,
            period: r.period,
            periodKind: 'month',
            periodStart: '2024-06-01',
            periodEnd: '2024-06-30',
            dueDate: '2024-07-20',
            cumulative: r.cumulative,
            value: r.value!,
            raw: r.raw,
          },
        };
      },
    }),
    createStaging: step('createStaging', undefined),
    stager: () => ({
      add: async (v: StagedValue) => {
        staged.push(v);
      },
      flush: async () => {},
    }),
    stagedDuplicates: step('stagedDuplicates', { total: 0, rows: [] }),
    previousImport: step('previousImport', null),
    gateStaged: step('gateStaged', { problems: stored.gate ?? [], warnings: [] }),
    analyseStaging: step('analyseStaging', undefined),
    lockTouchedSubmissions: step('lockTouchedSubmissions', { submissions: 1, locked: stored.locked ?? [] }),
    diffStaging: step('diffStaging', undefined),
    stagingCounts: step('stagingCounts', counts),
    stagedChanges: step('stagedChanges', [
      {
        org_unit: 'ZN-KM',
        org_unit_name: '昆明经济技术开发区',
        indicator: 'REVENUE',
        indicator_name: '营业收入',
        unit: '万元',
        period: '2024-06',
        before: '10',
        after: '12',
        sheet: '月报',
        row_no: 2,
        col: 'B',
      },
    ]),
    submissionChanges: async function* () {
      calls.push('submissionChanges');
      yield { org_unit_id: 21, org_unit: 'ZN-KM', period: '2024-06', before: { REVENUE: '10' }, after: { REVENUE: '12' } };
    },
    applyStaging: step('applyStaging', counts.created + counts.changed),
    insertReportImport: async (_db, r) => {
      imports.push(r);
      return 77;
    },
    recordAudit: async (_db, _actor, change) => {
      audit.push(change);
    },
    recordAuditBatch: async (_db, _actor, changes) => {
      audit.push(...changes);
    },
  };
  return { deps, staged, calls, audit, imports, outcome };
}

const database = {} as Database;

describe('importValues (fast, no database)', () => {
  it('writes a changed figure as a draft, audits the submission and the upload, and commits', async () => {
    const f = fakes({ counts: { values: 1, created: 0, changed: 1, unchanged: 0 } });
    const result = await importValues(database, actor, upload([['昆明经济技术开发区', '12']]), f.deps);
    assert.deepEqual(
      f.staged.map((v) => [v.unitId, v.period, v.value, `${v.column}${v.row}`]),
      [[21, '2024-06', '12', 'B2']],
    );
    assert.equal(f.outcome.commit, true);
    assert.equal(result.committed, true);
    assert.equal(result.importId, 77);
    assert.deepEqual(result.counts, {
      values: 1,
      created: 0,
      changed: 1,
      unchanged: 0,
      notApplicable: 0,
      skippedRows: 0,
      submissions: 1,
    });
    assert.deepEqual(
      result.changes.map((c) => [c.orgUnit, c.before, c.after]),
      [['ZN-KM', '10', '12']],
    );
    assert.ok(f.calls.includes('applyStaging'));
    assert.deepEqual(f.imports, [
      {
        formId: 4,
        fileName: 'june.xlsx',
        sha256: 'abc123',
        format: 'xlsx',
        valuesRead: 1,
        valuesChanged: 1,
        submissions: 1,
        createdBy: 5,
      },
    ]);
    assert.deepEqual(
      f.audit.map((a) => [a.entity, a.entityKey]),
      [
        ['report_submission', 'F1/ZN-KM/2024-06'],
        ['report_import', '77'],
      ],
    );
  });

  it('a dry run shows the changes and writes nothing', async () => {
    const f = fakes({ counts: { values: 1, created: 1, changed: 0, unchanged: 0 } });
    const result = await importValues(database, actor, upload([['昆明经济技术开发区', '12']], { dryRun: true }), f.deps);
    assert.equal(f.outcome.commit, false);
    assert.equal(result.committed, false);
    assert.equal(result.changes.length, 1);
    assert.ok(!f.calls.includes('applyStaging'));
    assert.deepEqual(f.imports, []);
    assert.deepEqual(f.audit, []);
  });

  it('the same file again changes nothing and leaves no trace', async () => {
    const f = fakes({ counts: { values: 1, created: 0, changed: 0, unchanged: 1 } });
    const result = await importValues(database, actor, upload([['昆明经济技术开发区', '12']]), f.deps);
    assert.equal(f.outcome.commit, false);
    assert.equal(result.committed, false);
    assert.equal(result.counts.unchanged, 1);
    assert.ok(!f.calls.includes('applyStaging'));
    assert.deepEqual(f.audit, []);
  });

  it('a figure outside the uploader scope refuses the whole file before anything is compared', async () => {
    const f = fakes({ counts: { values: 2, created: 2, changed: 0, unchanged: 0 } });
    const result = await importValues(
      database,
      actor,
      upload([
        ['昆明经济技术开发区', '12'],
        ['曲靖经济技术开发区', '7'],
      ]),
      f.deps,
    );
    assert.equal(f.outcome.commit, false);
    assert.equal(result.committed, false);
    assert.equal(result.problemsTotal, 1);
    assert.deepEqual(
      result.problems.map((p) => `${p.column}${p.row} ${p.code}`),
      ['B3 outside_scope'],
    );
    assert.equal(result.counts.values, 0);
    assert.ok(!f.calls.includes('lockTouchedSubmissions'));
    assert.ok(!f.calls.includes('applyStaging'));
  });

  it('a submitted submission is locked against the import', async () => {
    const f = fakes({
      counts: { values: 1, created: 0, changed: 1, unchanged: 0 },
      locked: [{ org_unit: 'ZN-KM', period: '2024-06', status: 'submitted', sheet: '月报', row_no: 2 }],
    });
    const result = await importValues(database, actor, upload([['昆明经济技术开发区', '12']]), f.deps);
    assert.equal(f.outcome.commit, false);
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.row]),
      [['submission_locked', 2]],
    );
    assert.ok(!f.calls.includes('diffStaging'));
    assert.ok(!f.calls.includes('applyStaging'));
  });

  it('runs the rule gate only for a form with rules, and its hard findings refuse the upload', async () => {
    const plain = fakes({ counts: { values: 1, created: 1, changed: 0, unchanged: 0 } });
    await importValues(database, actor, upload([['昆明经济技术开发区', '12']]), plain.deps);
    assert.ok(!plain.calls.includes('gateStaged'));

    const hard: TableProblem = {
      sheet: '月报',
      row: 2,
      column: 'B',
      value: '12',
      code: 'rule_failed',
      reason: 'rule',
      reasonZh: '规则',
    };
    const gated = fakes({ counts: { values: 1, created: 1, changed: 0, unchanged: 0 }, rules: [{}], gate: [hard] });
    const result = await importValues(database, actor, upload([['昆明经济技术开发区', '12']]), gated.deps);
    assert.ok(gated.calls.includes('gateStaged'));
    assert.equal(gated.outcome.commit, false);
    assert.deepEqual(result.problems, [hard]);
    assert.equal(result.problemsTotal, 1);
    assert.ok(!gated.calls.includes('lockTouchedSubmissions'));
  });

  it('reads a unit name mapped once for this form as that unit', async () => {
    const f = fakes({
      counts: { values: 1, created: 1, changed: 0, unchanged: 0 },
      mappings: [{ kind: 'org_unit', text: '昆明经开区管委会', target: 'ZN-KM' }],
    });
    await importValues(database, actor, upload([['昆明经开区管委会', '12']]), f.deps);
    assert.deepEqual(
      f.staged.map((v) => [v.unitId, v.value]),
      [[21, '12']],
    );
    const unmapped = fakes({ counts: { values: 1, created: 1, changed: 0, unchanged: 0 } });
    const result = await importValues(database, actor, upload([['昆明经开区管委会', '12']]), unmapped.deps);
    assert.deepEqual(unmapped.staged, []);
    assert.equal(result.committed, false);
  });

  it('refuses a period the form does not have before reading a row', async () => {
    const f = fakes();
    await assert.rejects(
      importValues(database, actor, upload([['昆明经济技术开发区', '12']], { period: '2024-13' }), f.deps),
      (err: { code?: string }) => err.code === 'INVALID_PERIOD',
    );
    assert.deepEqual(f.staged, []);
  });
});
