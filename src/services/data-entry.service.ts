import { parsePeriod, periodBounds } from '../domain/period/period.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import type { Database } from '../db/database.ts';
import { codeToIdMap } from '../repositories/org-unit.repository.ts';
import { deleteReportedValue, lockReportedValue, upsertReportedDraft } from '../repositories/data-value.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';
import type { CellConflict } from '../domain/reporting/workflow/cell-conflict.ts';

export interface DataValueInput {
  orgUnit: string;
  indicator: string;
  period: string;
  cumulative: boolean;
  value: string;
  /** The version the editor started from; 0 for a new value. Mismatch → 409, never a silent overwrite. */
  expectedVersion: number;
}

export interface ValueKey {
  unitId: number;
  indicatorId: number;
  /** Codes, for the audit entry and messages. */
  orgUnit: string;
  indicator: string;
  period: string;
  cumulative: boolean;
}

export type DraftWrite =
  | { ok: true; value: string | null; version: number; status: string | null; changed: boolean }
  | { ok: false; conflict: CellConflict };

/** What writeDraftValue needs: the repositories it calls, replaceable by fakes in its fast test. */
export interface DraftDeps {
  lockReportedValue: typeof lockReportedValue;
  deleteReportedValue: typeof deleteReportedValue;
  upsertReportedDraft: typeof upsertReportedDraft;
  recordAudit: typeof recordAudit;
}

const repositories: DraftDeps = { lockReportedValue, deleteReportedValue, upsertReportedDraft, recordAudit };

/**
 * Writes one reported figure as a draft inside the caller's transaction. Optimistic concurrency:
 * only if the stored version is the one the editor saw; submitted and approved figures are locked.
 * value null clears the cell (deletes the draft figure). Writing the value already stored changes nothing.
 */
export async function writeDraftValue(
  trx: Executor,
  actor: Actor,
  key: ValueKey,
  value: string | null,
  expectedVersion: number,
  deps: DraftDeps = repositories,
): Promise<DraftWrite> {
  const existing = await deps.lockReportedValue(trx, key);
  const currentVersion = existing?.version ?? 0;
  if (currentVersion !== expectedVersion)
    return { ok: false, conflict: { indicator: key.indicator, yours: value, theirs: existing?.value ?? null, currentVersion } };
  if (existing?.status === 'approved' || existing?.status === 'submitted')
    throw new AppError(
      'LOCKED',
      `the value is ${existing.status} and cannot be edited`,
      existing.status === 'approved' ? '该数值已审核通过并锁定' : '该数值已提交，等待审核',
    );
  const entityKey = `${key.orgUnit}/${key.indicator}/${key.period}${key.cumulative ? '/cumulative' : ''}`;
  const before = existing ? { value: existing.value, version: existing.version } : null;
  if (value === null) {
    if (!existing) return { ok: true, value: null, version: 0, status: null, changed: false };
    await deps.deleteReportedValue(trx, key);
    await deps.recordAudit(trx, actor, { action: 'delete', entity: 'data_value', entityKey, before, after: null });
    return { ok: true, value: null, version: 0, status: null, changed: true };
  }
  if (existing && existing.value === value)
    return { ok: true, value, version: existing.version, status: existing.status, changed: false };
  const period = parsePeriod(key.period)!;
  const row = await deps.upsertReportedDraft(trx, key, { kind: period.kind, ...periodBounds(period) }, value);
  await deps.recordAudit(trx, actor, {
    action: existing ? 'update' : 'create',
    entity: 'data_value',
    entityKey,
    before,
    after: { value: row.value, version: row.version, status: row.status },
  });
  return { ok: true, value: row.value, version: row.version, status: row.status, changed: true };
}

export function conflictError(conflicts: Extract<DraftWrite, { ok: false }>['conflict'][]): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    'someone else changed this value; reload and compare',
    '该数值已被他人修改，请刷新后比较两者再保存',
    conflicts.length === 1 ? conflicts[0] : { conflicts },
  );
}

/** A reporter's single draft figure (PUT /data-values/…). */
export async function saveDraftValue(database: Database, actor: Actor, input: DataValueInput) {
  if (!parsePeriod(input.period))
    throw new AppError('INVALID_PERIOD', `invalid period "${input.period}"`, `期间“${input.period}”格式无效`);
  return database.db.transaction().execute(async (trx) => {
    const unitId = (await codeToIdMap(trx, 'org_unit')).get(input.orgUnit);
    if (unitId === undefined) throw notFound('org unit', input.orgUnit);
    const indicatorId = (await codeToIdMap(trx, 'indicator')).get(input.indicator);
    if (indicatorId === undefined) throw notFound('indicator', input.indicator);
    const key = {
      unitId,
      indicatorId,
      orgUnit: input.orgUnit,
      indicator: input.indicator,
      period: input.period,
      cumulative: input.cumulative,
    };
    const result = await writeDraftValue(trx, actor, key, input.value, input.expectedVersion);
    if (!result.ok) throw conflictError([result.conflict]);
    return { value: result.value!, version: result.version, status: result.status! };
  });
}
