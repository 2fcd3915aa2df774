import type { Database } from '../../db/database.ts';
import { freeCode } from '../../domain/org-units/free-code.ts';
import { unitNameKey } from '../../domain/org-units/unit-name-key.ts';
import { AppError } from '../../errors/app-error.ts';
import { presentOrgUnit, type OrgUnitResponse } from '../../presenters/org-unit.presenter.ts';
import { allCodes, childUnitNames, insertOrgUnit } from '../../repositories/org-unit-create.repository.ts';
import { findOrgUnit } from '../../repositories/org-unit.repository.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';

export interface NewOrgUnit {
  /** Left out: one is made from the parent's code (SC-1) or OU-1 for a unit without a parent. */
  code?: string;
  name: string;
  nameEn?: string;
  kind: string;
  /** Any unit, in Yunnan or not; left out for a new root such as 四川省. */
  parent?: string;
}

/**
 * Creates an org unit by hand (the review screen, when a plan names a unit the catalogue lacks),
 * audited. Refused when the code is taken or a unit of the same name already sits under the same parent.
 */
export async function createOrgUnit(database: Database, actor: Actor, input: NewOrgUnit): Promise<OrgUnitResponse> {
  const name = input.name.trim();
  if (!unitNameKey(name))
    throw new AppError('INVALID_REQUEST', 'the name has no letters or characters', '名称不能只含空格或标点');
  return database.db.transaction().execute(async (trx) => {
    const parent = input.parent === undefined ? undefined : await findOrgUnit(trx, input.parent);
    if (input.parent !== undefined && !parent)
      throw new AppError('UNKNOWN_ORG_UNIT', `unknown parent unit ${input.parent}`, `未知上级单位 ${input.parent}`);
    const key = unitNameKey(name);
    const twin = (await childUnitNames(trx, parent?.id ?? null)).find((n) => unitNameKey(n) === key);
    if (twin)
      throw new AppError(
        'NAME_TAKEN',
        `${parent ? parent.name : 'the top level'} already has a unit named ${twin}`,
        `${parent ? parent.name : '顶层'}下已有名为“${twin}”的单位`,
      );
    const code = input.code ?? freeCode(input.parent ?? 'OU', await allCodes(trx, 'org_unit'));
    const row = { code, name, name_en: input.nameEn?.trim() || null, kind: input.kind, parent_id: parent?.id ?? null };
    if (!(await insertOrgUnit(trx, row)))
      throw new AppError('CODE_TAKEN', `org unit code ${code} is already in use`, `组织单位代码 ${code} 已被使用`);
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'org_unit',
      entityKey: code,
      after: { code, name, nameEn: row.name_en, kind: input.kind, parent: input.parent ?? null },
    });
    return presentOrgUnit((await findOrgUnit(trx, code))!);
  });
}
