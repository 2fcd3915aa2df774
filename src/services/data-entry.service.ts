import { sql } from 'kysely';
import { parsePeriod, periodBounds } from '../domain/period/period.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import type { Database } from '../db/database.ts';
import { codeToIdMap } from '../repositories/org-unit.repository.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';

export interface DataValueInput {
  orgUnit: string;
  indicator: string;
  period: string;
  cumulative: boolean;
  value: string;
  /** The version the editor started from; 0 for a new value. Mismatch → 409, never a silent overwrite. */
  expectedVersion: number;
}

/**
 * A reporter's draft figure. Optimistic concurrency: the write succeeds only if the stored version
 * is the one the editor saw; approved figures are locked.
 */
export async function saveDraftValue(database: Database, actor: Actor, input: DataValueInput) {
  const period = parsePeriod(input.period);
  if (!period) throw new AppError(400, 'INVALID_PERIOD', `invalid period "${input.period}"`, `期间“${input.period}”格式无效`);
  return database.db.transaction().execute(async (trx) => {
    const unitId = (await codeToIdMap(trx, 'org_unit')).get(input.orgUnit);
    if (unitId === undefined) throw notFound('org unit', input.orgUnit);
    const indicatorId = (await codeToIdMap(trx, 'indicator')).get(input.indicator);
    if (indicatorId === undefined) throw notFound('indicator', input.indicator);
    const key = {
      org_unit_id: unitId,
      indicator_id: indicatorId,
      period: input.period,
      cumulative: input.cumulative,
      origin: 'reported',
    };
    const existing = await trx
      .selectFrom('data_value')
      .select(['value', 'version', 'status'])
      .where('org_unit_id', '=', unitId)
      .where('indicator_id', '=', indicatorId)
      .where('period', '=', input.period)
      .where('cumulative', '=', input.cumulative)
      .where('origin', '=', 'reported')
      .forUpdate()
      .executeTakeFirst();
    const currentVersion = existing?.version ?? 0;
    if (currentVersion !== input.expectedVersion) {
      throw new AppError(
        409,
        'VERSION_CONFLICT',
        'someone else changed this value; reload and compare',
        '该数值已被他人修改，请刷新后比较两者再保存',
        {
          yours: input.value,
          theirs: existing?.value ?? null,
          currentVersion,
        },
      );
    }
    if (existing?.status === 'approved' || existing?.status === 'submitted')
      throw new AppError(
        409,
        'LOCKED',
        `the value is ${existing.status} and cannot be edited`,
        existing.status === 'approved' ? '该数值已审核通过并锁定' : '该数值已提交，等待审核',
      );
    const bounds = periodBounds(period);
    const row = await trx
      .insertInto('data_value')
      .values({
        ...key,
        period_kind: period.kind,
        period_start: bounds.start,
        period_end: bounds.end,
        value: input.value,
        status: 'draft',
      })
      .onConflict((oc) =>
        oc.columns(['org_unit_id', 'indicator_id', 'period', 'cumulative', 'origin']).doUpdateSet({
          value: input.value,
          version: sql<number>`data_value.version + 1`,
          updated_at: sql<Date>`now()`,
        }),
      )
      .returning(['value', 'version', 'status'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: existing ? 'update' : 'create',
      entity: 'data_value',
      entityKey: `${input.orgUnit}/${input.indicator}/${input.period}${input.cumulative ? '/cumulative' : ''}`,
      before: existing ? { value: existing.value, version: existing.version } : null,
      after: { value: row.value, version: row.version, status: row.status },
    });
    return row;
  });
}
