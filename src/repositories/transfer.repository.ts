import { sql } from 'kysely';
import type { Executor } from './transaction.ts';

/** Every transfer agreement with its per-indicator shares (the table is small: one row per transferred project). */
export async function transferAgreements(db: Executor, f: { projectId?: number; zoneIds?: readonly number[] } = {}) {
  let q = db
    .selectFrom('transfer_agreement as a')
    .innerJoin('project as p', 'p.id', 'a.project_id')
    .innerJoin('org_unit as fz', 'fz.id', 'a.from_zone_id')
    .innerJoin('org_unit as tz', 'tz.id', 'a.to_zone_id')
    .select([
      'a.id',
      'a.project_id',
      'p.name as project_name',
      'p.synthetic',
      'a.from_zone_id',
      'fz.code as from_zone_code',
      'fz.name as from_zone_name',
      'a.to_zone_id',
      'tz.code as to_zone_code',
      'tz.name as to_zone_name',
      sql<string>`a.from_share::text`.as('from_share'),
      sql<string>`a.to_share::text`.as('to_share'),
      'a.start_month',
      'a.end_month',
      'a.reference',
      'a.status',
      'a.created_at',
      'a.ended_at',
      'a.end_reason',
      'a.version',
      sql<{ indicator: string; from: string; to: string }[]>`coalesce((
        select json_agg(json_build_object('indicator', s.indicator_code, 'from', s.from_share::text, 'to', s.to_share::text)
                        order by s.indicator_code)
        from transfer_agreement_share s where s.agreement_id = a.id), '[]'::json)`.as('indicator_shares'),
    ]);
  if (f.projectId !== undefined) q = q.where('a.project_id', '=', f.projectId);
  if (f.zoneIds)
    q = q.where((eb) => eb.or([eb('a.from_zone_id', 'in', [-1, ...f.zoneIds!]), eb('a.to_zone_id', 'in', [-1, ...f.zoneIds!])]));
  return q.orderBy('a.id').execute();
}
export type TransferAgreementRow = Awaited<ReturnType<typeof transferAgreements>>[number];

/** Whether any agreement exists: progress reads skip the figure query when none does. */
export async function hasTransferAgreements(db: Executor): Promise<boolean> {
  return (await db.selectFrom('transfer_agreement').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Monthly figures of some projects up to a month (inclusive). */
export async function projectMonthFigures(db: Executor, projectIds: readonly number[], untilMonth?: string) {
  if (projectIds.length === 0) return [];
  let q = db
    .selectFrom('project_month_figure')
    .select([
      'project_id',
      'month',
      sql<string | null>`investment::text`.as('investment'),
      sql<string | null>`output::text`.as('output'),
      sql<string | null>`tax::text`.as('tax'),
      'origin',
      'updated_at',
    ])
    .where('project_id', 'in', [...projectIds]);
  if (untilMonth !== undefined) q = q.where('month', '<=', untilMonth);
  return q.orderBy('project_id').orderBy('month').execute();
}

export async function insertAgreement(
  db: Executor,
  a: {
    projectId: number;
    fromZoneId: number;
    toZoneId: number;
    fromShare: string;
    toShare: string;
    startMonth: string;
    endMonth: string | null;
    reference: string;
    createdBy: number | null;
    indicatorShares: { indicator: string; from: string; to: string }[];
  },
): Promise<number> {
  const { id } = await db
    .insertInto('transfer_agreement')
    .values({
      project_id: a.projectId,
      from_zone_id: a.fromZoneId,
      to_zone_id: a.toZoneId,
      from_share: a.fromShare,
      to_share: a.toShare,
      start_month: a.startMonth,
      end_month: a.endMonth,
      reference: a.reference,
      created_by: a.createdBy,
      end_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (a.indicatorShares.length)
    await db
      .insertInto('transfer_agreement_share')
      .values(
        a.indicatorShares.map((s) => ({ agreement_id: id, indicator_code: s.indicator, from_share: s.from, to_share: s.to })),
      )
      .execute();
  return id;
}

/** Ends an agreement at a month if its version is the one given; false when it changed meanwhile. */
export async function endAgreement(
  db: Executor,
  id: number,
  version: number,
  endMonth: string,
  reason: string,
): Promise<boolean> {
  const r = await db
    .updateTable('transfer_agreement')
    .set({ status: 'ended', end_month: endMonth, end_reason: reason, ended_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
