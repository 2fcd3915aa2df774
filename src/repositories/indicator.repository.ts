import { sql } from 'kysely';
import type { Indicator } from '../domain/model/indicator.schema.ts';
import { codeToIdMap } from './org-unit.repository.ts';
import type { Executor } from './transaction.ts';

export async function upsertIndicators(db: Executor, indicators: readonly Indicator[]): Promise<void> {
  for (const x of indicators) {
    const row = {
      code: x.code,
      name: x.name,
      name_en: x.nameEn,
      unit: x.unit,
      direction: x.direction,
      nature: x.nature,
      aggregation: x.aggregation,
      formula: x.formula ?? null,
      synonyms: x.synonyms,
      description: x.description ?? null,
    };
    await db
      .insertInto('indicator')
      .values(row)
      .onConflict((oc) => oc.column('code').doUpdateSet(row))
      .execute();
  }
  const ids = await codeToIdMap(db, 'indicator');
  for (const x of indicators) {
    if (x.weightIndicator === undefined) continue;
    await db
      .updateTable('indicator')
      .set({ weight_indicator_id: ids.get(x.weightIndicator)! })
      .where('code', '=', x.code)
      .execute();
  }
}

export async function listIndicators(db: Executor, f: { q?: string }, page: { limit: number; offset: number }) {
  let q = db.selectFrom('indicator as i').leftJoin('indicator as w', 'w.id', 'i.weight_indicator_id');
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) =>
      eb.or([
        eb('i.name', 'ilike', like),
        eb('i.code', 'ilike', like),
        eb('i.name_en', 'ilike', like),
        sql<boolean>`array_to_string(i.synonyms, ' ') ilike ${like}`,
      ]),
    );
  }
  const rows = await q
    .selectAll('i')
    .select('w.code as weight_indicator_code')
    .orderBy('i.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: total.n };
}
