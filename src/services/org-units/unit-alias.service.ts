import type { Database } from '../../db/database.ts';
import { derivedShortNames } from '../../domain/org-units/short-names.ts';
import { unitNameKey } from '../../domain/org-units/unit-name-key.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Executor } from '../../repositories/transaction.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';

export const ALIAS_KINDS = ['short', 'former', 'other'] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

export interface UnitAlias {
  id: number;
  alias: string;
  kind: string;
  source: string;
}

/** Kinds of unit whose statisticians write short forms (the zones and FTZ areas). */
const ZONE_KINDS = ['development_zone', 'ftz_area', 'linkage_zone', 'bonded_zone'];

async function unitByCode(db: Executor, code: string): Promise<{ id: number; name: string }> {
  const unit = await db.selectFrom('org_unit').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
  if (!unit) throw new AppError('UNKNOWN_ORG_UNIT', `unknown org unit ${code}`, `未知组织单位 ${code}`);
  return unit;
}

export async function listUnitAliases(db: Executor, code: string): Promise<UnitAlias[]> {
  const unit = await unitByCode(db, code);
  return db
    .selectFrom('org_unit_alias')
    .select(['id', 'alias', 'kind', 'source'])
    .where('org_unit_id', '=', unit.id)
    .orderBy('id')
    .execute();
}

/** Every alias of the given units, by unit id (the import's matcher reads them). */
export async function aliasesByUnit(db: Executor, unitIds: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (unitIds.length === 0) return out;
  const rows = await db
    .selectFrom('org_unit_alias')
    .select(['org_unit_id', 'alias'])
    .where('org_unit_id', 'in', [...unitIds])
    .orderBy('id')
    .execute();
  for (const r of rows) out.set(r.org_unit_id, [...(out.get(r.org_unit_id) ?? []), r.alias]);
  return out;
}

/** The unit (code, name) whose own code or name folds to this key, if any: an alias may not shadow it. */
async function unitNamed(db: Executor, key: string): Promise<{ code: string; name: string } | undefined> {
  const units = await db.selectFrom('org_unit').select(['code', 'name']).execute();
  return units.find((u) => unitNameKey(u.code) === key || unitNameKey(u.name) === key);
}

async function aliasHolder(db: Executor, key: string): Promise<{ code: string; name: string } | undefined> {
  return db
    .selectFrom('org_unit_alias as a')
    .innerJoin('org_unit as u', 'u.id', 'a.org_unit_id')
    .select(['u.code', 'u.name'])
    .where('a.match_key', '=', key)
    .executeTakeFirst();
}

/**
 * Adds a name the unit goes by, as written, audited. Refused when it is empty once folded or
 * already names a unit (its own name, another unit's name or alias): one name, one unit.
 */
export async function addUnitAlias(
  database: Database,
  actor: Actor,
  code: string,
  alias: string,
  kind: AliasKind,
): Promise<UnitAlias> {
  const key = unitNameKey(alias);
  if (!key) throw new AppError('INVALID_REQUEST', 'the alias has no letters or characters', '别名不能只含空格或标点');
  return database.db.transaction().execute(async (trx) => {
    const unit = await unitByCode(trx, code);
    const taken = (await unitNamed(trx, key)) ?? (await aliasHolder(trx, key));
    if (taken)
      throw new AppError(
        'ALIAS_TAKEN',
        `"${alias}" already names ${taken.name} (${taken.code})`,
        `“${alias}”已是${taken.name}（${taken.code}）的名称或别名`,
      );
    await trx.deleteFrom('org_unit_alias_dismissed').where('match_key', '=', key).execute();
    const row = await trx
      .insertInto('org_unit_alias')
      .values({ org_unit_id: unit.id, alias, match_key: key, kind, source: 'admin' })
      .returning(['id', 'alias', 'kind', 'source'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'org_unit_alias',
      entityKey: `${code}/${row.id}`,
      after: { unit: code, alias, kind },
    });
    return row;
  });
}

export async function removeUnitAlias(database: Database, actor: Actor, code: string, id: number): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const unit = await unitByCode(trx, code);
    const row = await trx
      .deleteFrom('org_unit_alias')
      .where('id', '=', id)
      .where('org_unit_id', '=', unit.id)
      .returning(['alias', 'match_key', 'kind', 'source'])
      .executeTakeFirst();
    if (!row) throw new AppError('ALIAS_NOT_FOUND', `${code} has no alias ${id}`, `${code}没有编号为 ${id} 的别名`);
    // A removed seeded form must not come back at the next start.
    if (row.source === 'derived')
      await trx
        .insertInto('org_unit_alias_dismissed')
        .values({ org_unit_id: unit.id, match_key: row.match_key })
        .onConflict((oc) => oc.doNothing())
        .execute();
    await recordAudit(trx, actor, {
      action: 'delete',
      entity: 'org_unit_alias',
      entityKey: `${code}/${id}`,
      before: { unit: code, alias: row.alias, kind: row.kind, source: row.source },
    });
  });
}

/**
 * Seeds the short forms derivable from the zones' official names (昆明高新技术产业开发区 → 昆明高新区)
 * as aliases administrators can see and remove. A form two zones share, or that is some unit's
 * own name, is left out, and so is one an administrator removed; existing keys are kept.
 * Idempotent: run at every start.
 */
export async function syncDerivedAliases(db: Executor): Promise<number> {
  const units = await db.selectFrom('org_unit').select(['id', 'code', 'name', 'kind']).execute();
  const ownKeys = new Set(units.flatMap((u) => [unitNameKey(u.code), unitNameKey(u.name)]));
  const dismissed = await db.selectFrom('org_unit_alias_dismissed').select(['org_unit_id', 'match_key']).execute();
  const removed = new Set(dismissed.map((d) => `${d.org_unit_id}|${d.match_key}`));
  const byKey = new Map<string, { unitId: number; alias: string }[]>();
  for (const u of units.filter((x) => ZONE_KINDS.includes(x.kind)))
    for (const alias of derivedShortNames(u.name)) {
      const key = unitNameKey(alias);
      if (!key || ownKeys.has(key) || removed.has(`${u.id}|${key}`)) continue;
      byKey.set(key, [...(byKey.get(key) ?? []), { unitId: u.id, alias }]);
    }
  const rows = [...byKey.entries()]
    .filter(([, list]) => new Set(list.map((l) => l.unitId)).size === 1)
    .map(([key, list]) => ({
      org_unit_id: list[0]!.unitId,
      alias: list[0]!.alias,
      match_key: key,
      kind: 'short',
      source: 'derived',
    }));
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('org_unit_alias')
    .values(rows)
    .onConflict((oc) => oc.column('match_key').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
