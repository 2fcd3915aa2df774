import type { Database } from '../../db/database.ts';
import { derivedShortNames } from '../../domain/org-units/short-names.ts';
import { unitNameKey } from '../../domain/org-units/unit-name-key.ts';
import { AppError } from '../../errors/app-error.ts';
import {
  aliasesOfUnit,
  aliasesOfUnits,
  aliasHolder,
  allUnitNames,
  deleteAlias,
  dismissedAliases,
  findUnitByCode,
  insertAlias,
  insertSeededAliases,
} from '../../repositories/org-unit-alias.repository.ts';
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
  const unit = await findUnitByCode(db, code);
  if (!unit) throw new AppError('UNKNOWN_ORG_UNIT', `unknown org unit ${code}`, `未知组织单位 ${code}`);
  return unit;
}

export async function listUnitAliases(db: Executor, code: string): Promise<UnitAlias[]> {
  return aliasesOfUnit(db, (await unitByCode(db, code)).id);
}

/** Every alias of the given units, by unit id (the import's matcher reads them). */
export async function aliasesByUnit(db: Executor, unitIds: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const r of await aliasesOfUnits(db, unitIds)) out.set(r.org_unit_id, [...(out.get(r.org_unit_id) ?? []), r.alias]);
  return out;
}

/** The unit (code, name) whose own code or name folds to this key, if any: an alias may not shadow it. */
async function unitNamed(db: Executor, key: string): Promise<{ code: string; name: string } | undefined> {
  return (await allUnitNames(db)).find((u) => unitNameKey(u.code) === key || unitNameKey(u.name) === key);
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
    const row = await insertAlias(trx, { org_unit_id: unit.id, alias, match_key: key, kind, source: 'admin' });
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
    const row = await deleteAlias(trx, unit.id, id);
    if (!row) throw new AppError('ALIAS_NOT_FOUND', `${code} has no alias ${id}`, `${code}没有编号为 ${id} 的别名`);
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
  const units = await allUnitNames(db);
  const ownKeys = new Set(units.flatMap((u) => [unitNameKey(u.code), unitNameKey(u.name)]));
  const dismissed = await dismissedAliases(db);
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
  return insertSeededAliases(db, rows);
}
