import type { Database } from '../../db/database.ts';
import { freeCode } from '../../domain/org-units/free-code.ts';
import { unitNameKey } from '../../domain/org-units/unit-name-key.ts';
import { AppError } from '../../errors/app-error.ts';
import { presentGroup, type GroupResponse } from '../../presenters/org-unit.presenter.ts';
import { upsertGroupMember } from '../../repositories/group-member.repository.ts';
import { allCodes, groupNames, insertGroup } from '../../repositories/org-unit-create.repository.ts';
import { codeToIdMap } from '../../repositories/org-unit.repository.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';

/** Kinds a group made by hand may have: 主体功能区 types are the regional plan's (a unit belongs to one only). */
export const NEW_GROUP_KINDS = ['bloc', 'zone_level', 'other'] as const;

export interface NewGroup {
  /** Left out: G-1, G-2, … */
  code?: string;
  name: string;
  nameEn?: string;
  kind: (typeof NEW_GROUP_KINDS)[number];
  members: readonly string[];
}

/**
 * Creates a group of units by hand (e.g. 成渝地区 for a plan of another province), audited. Its
 * memberships are stamped as assigned, so a re-seed of the dataset keeps them.
 */
export async function createGroup(database: Database, actor: Actor, input: NewGroup): Promise<GroupResponse> {
  const name = input.name.trim();
  if (!unitNameKey(name))
    throw new AppError('INVALID_REQUEST', 'the name has no letters or characters', '名称不能只含空格或标点');
  const members = [...new Set(input.members)].sort();
  return database.db.transaction().execute(async (trx) => {
    const unitIds = await codeToIdMap(trx, 'org_unit');
    const unknown = members.filter((m) => !unitIds.has(m));
    if (unknown.length)
      throw new AppError('UNKNOWN_ORG_UNIT', `unknown org unit: ${unknown.join(', ')}`, `未知组织单位：${unknown.join('、')}`, {
        units: unknown,
      });
    const key = unitNameKey(name);
    const twin = (await groupNames(trx)).find((n) => unitNameKey(n) === key);
    if (twin) throw new AppError('NAME_TAKEN', `a group named ${twin} exists`, `已有名为“${twin}”的分组`);
    const code = input.code ?? freeCode('G', await allCodes(trx, 'org_group'));
    const nameEn = input.nameEn?.trim() || null;
    const id = await insertGroup(trx, { code, name, name_en: nameEn, kind: input.kind });
    if (id === undefined) throw new AppError('CODE_TAKEN', `group code ${code} is already in use`, `分组代码 ${code} 已被使用`);
    const assignment = {
      assigned_at: new Date().toISOString(),
      assigned_by_user_id: actor.userId,
      assigned_by: actor.label,
      reason: 'created with the group',
    };
    for (const m of members) await upsertGroupMember(trx, id, unitIds.get(m)!, assignment);
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'org_group',
      entityKey: code,
      after: { code, name, nameEn, kind: input.kind, members },
    });
    return presentGroup({
      code,
      name,
      name_en: nameEn,
      kind: input.kind,
      members,
      source_plan_id: null,
      source_section: null,
      source_quote: null,
    });
  });
}
