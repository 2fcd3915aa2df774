import { sql } from 'kysely';
import type { Indicator } from '../domain/model/indicator.schema.ts';
import { nameLike, nameLikePattern } from './name-search.ts';
import { codeToIdMap } from './org-unit.repository.ts';
import type { Executor } from './transaction.ts';

/** The columns a file's indicator states; an absent formula or description keeps the stored one. */
export function indicatorColumns(x: Indicator) {
  return {
    code: x.code,
    name: x.name,
    name_en: x.nameEn,
    unit: x.unit,
    direction: x.direction,
    nature: x.nature,
    aggregation: x.aggregation,
    measure: x.measure,
    synonyms: x.synonyms,
    ...(x.formula === undefined ? {} : { formula: x.formula }),
    ...(x.description === undefined ? {} : { description: x.description }),
  };
}

/** Stored indicators with the weight indicator's code and the plans whose targets use each. */
export async function storedIndicators(db: Executor) {
  const [rows, uses] = await Promise.all([
    db
      .selectFrom('indicator as i')
      .leftJoin('indicator as w', 'w.id', 'i.weight_indicator_id')
      .selectAll('i')
      .select('w.code as weight_code')
      .execute(),
    db
      .selectFrom('target as t')
      .innerJoin('indicator as i', 'i.id', 't.indicator_id')
      .select(['i.code', 't.plan_id'])
      .distinct()
      .execute(),
  ]);
  return new Map(rows.map((r) => [r.code, { ...r, plans: uses.filter((u) => u.code === r.code).map((u) => u.plan_id) }]));
}

export async function upsertIndicators(db: Executor, indicators: readonly Indicator[]): Promise<void> {
  for (const x of indicators) {
    const row = indicatorColumns(x);
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

/** Each indicator's nature by code. */
export async function indicatorNatures(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('indicator').select(['code', 'nature']).execute();
  return new Map(rows.map((r) => [r.code, r.nature]));
}

export async function listIndicators(db: Executor, f: { q?: string }, page: { limit: number; offset: number }) {
  let q = db.selectFrom('indicator as i').leftJoin('indicator as w', 'w.id', 'i.weight_indicator_id');
  if (f.q) {
    const like = `%${f.q}%`;
    const words = f.q;
    // Names and synonyms are stored as written: matched on their NFKC fold (name-search).
    q = q.where((eb) =>
      eb.or([
        nameLike('i.name', words),
        eb('i.code', 'ilike', like),
        nameLike('i.name_en', words),
        sql<boolean>`normalize(array_to_string(i.synonyms, ' '), NFKC) ilike ${nameLikePattern(words)}`,
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

/** The indicators a form names, with what reporting shows of them. */
export async function indicatorsByCodes(db: Executor, codes: readonly string[]) {
  return db
    .selectFrom('indicator')
    .select(['id', 'code', 'name', 'name_en', 'unit', 'synonyms'])
    .where('code', 'in', codes)
    .execute();
}
