import { authorize } from '../../domain/access/authorize.ts';
import { mappingKey, type FormMapping } from '../../domain/reporting/table/form-mappings.ts';
import { matchKey } from '../../domain/reporting/table/header-words.ts';
import { unitNameKey } from '../../domain/org-units/unit-name-key.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { deleteMapping, insertMapping, mappingOfKey, mappingsOfForm } from '../../repositories/form-mapping.repository.ts';
import { parentLinks } from '../../repositories/org-unit.repository.ts';
import { reportingUnits } from '../../repositories/submission.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { aliasesByUnit } from '../org-units/unit-alias.service.ts';
import { loadFormContext, type FormContext } from './form-context.ts';

/**
 * "A mapping chosen once is remembered for that form" (issue 18): a reporter maps a unit name or a
 * column heading the import did not recognise to a unit or indicator of the form; every later
 * import of that form reads it so. Adding and removing are audited as report_form_mapping.
 */

export interface StoredMapping extends FormMapping {
  id: number;
  targetName: string;
  createdBy: string | null;
  createdAt: string;
}

/** The remembered mappings of a form, for the import (no names needed). */
export async function formMappings(db: Executor, formId: number): Promise<FormMapping[]> {
  return (await mappingsOfForm(db, formId)).map((m) => ({
    kind: m.kind as FormMapping['kind'],
    text: m.source_text,
    target: m.target_code,
  }));
}

async function reporterUnits(db: Executor, actor: Actor, ctx: FormContext) {
  const units = await reportingUnits(db, ctx.form.reporters);
  const parents = await parentLinks(db);
  const mayReport = (code: string) => authorize(actor.grants, 'report', { orgUnit: code }, (c) => parents.get(c));
  return { units, mayReport };
}

/** A form's mappings with their targets' names, and the units the actor may map a name to (the picker's choices). */
export async function listFormMappings(database: Database, actor: Actor, form: string) {
  const db = database.db;
  const ctx = await loadFormContext(db, form);
  const { units, mayReport } = await reporterUnits(db, actor, ctx);
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  const rows = await mappingsOfForm(db, ctx.id);
  const mappings: StoredMapping[] = rows
    // A unit mapping is shown to those who may report for the unit; indicator mappings to every reader of the form.
    .filter((m) => m.kind === 'indicator' || mayReport(m.target_code))
    .map((m) => ({
      id: m.id,
      kind: m.kind as FormMapping['kind'],
      text: m.source_text,
      target: m.target_code,
      targetName:
        m.kind === 'indicator'
          ? (ctx.indicators.get(m.target_code)?.name ?? m.target_code)
          : (unitName.get(m.target_code) ?? m.target_code),
      createdBy: m.created_by_name,
      createdAt: new Date(m.created_at as unknown as Date | string).toISOString(),
    }));
  return {
    mappings,
    units: units.filter((u) => mayReport(u.code)).map((u) => ({ code: u.code, name: u.name })),
  };
}

function taken(text: string, what: string, whatEn: string): AppError {
  return new AppError(
    'MAPPING_TAKEN',
    `"${text}" already names ${whatEn} on this form; no mapping is needed or it would make the name ambiguous`,
    `“${text}”在本报表中已对应${what}，无需再设对应关系`,
  );
}

/**
 * Remembers that `text` means `target` on this form. A unit must report the form and lie in the
 * actor's reporting scope; an indicator must be on the form. Refused when the text already names a
 * unit or indicator of the form (by code, name, alias or synonym) or is already mapped.
 */
export async function addFormMapping(database: Database, actor: Actor, form: string, input: FormMapping) {
  const key = mappingKey(input.kind, input.text);
  if (!key) throw new AppError('INVALID_REQUEST', 'the name has no letters or characters', '名称不能只含空格或标点');
  const text = input.text.trim();
  return database.db.transaction().execute(async (trx) => {
    const ctx = await loadFormContext(trx, form);
    let targetName: string;
    if (input.kind === 'org_unit') {
      const { units, mayReport } = await reporterUnits(trx, actor, ctx);
      const target = units.find((u) => u.code === input.target);
      if (!target)
        throw new AppError(
          'NOT_A_REPORTER',
          `${input.target} does not report form ${ctx.form.code}`,
          `${input.target}不是报表${ctx.form.name}的填报单位`,
        );
      if (!mayReport(target.code))
        throw new AppError('FORBIDDEN', `you may not report for ${target.name}`, `您无权为${target.name}填报`);
      const aliases = await aliasesByUnit(
        trx,
        units.map((u) => u.id),
      );
      const holder = units.find((u) =>
        [u.code, u.name, u.name_en ?? '', ...(aliases.get(u.id) ?? [])].some((n) => n && unitNameKey(n) === key),
      );
      if (holder) throw taken(text, `单位“${holder.name}”`, `the unit ${holder.name} (${holder.code})`);
      targetName = target.name;
    } else {
      const item = ctx.indicators.get(input.target);
      if (!item || !ctx.form.items.some((i) => i.indicator === input.target))
        throw new AppError(
          'INVALID_REQUEST',
          `${input.target} is not an indicator of form ${ctx.form.code}`,
          `${input.target}不是报表${ctx.form.name}的指标`,
        );
      const holder = ctx.form.items.find((i) => {
        const info = ctx.indicators.get(i.indicator)!;
        return [info.code, info.name, info.nameEn, ...info.synonyms, ...i.synonyms].some((n) => matchKey(n) === key);
      });
      if (holder) {
        const info = ctx.indicators.get(holder.indicator)!;
        throw taken(text, `指标“${info.name}”`, `the indicator ${info.nameEn} (${info.code})`);
      }
      targetName = item.name;
    }
    const existing = await mappingOfKey(trx, ctx.id, input.kind, key);
    if (existing)
      throw new AppError(
        'MAPPING_TAKEN',
        `"${text}" is already mapped to ${existing.target_code} on this form`,
        `“${text}”在本报表中已设对应关系（${existing.target_code}）`,
      );
    const row = await insertMapping(trx, {
      form_id: ctx.id,
      kind: input.kind,
      source_text: text,
      match_key: key,
      target_code: input.target,
      created_by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'report_form_mapping',
      entityKey: `${ctx.form.code}/${row.id}`,
      after: { form: ctx.form.code, kind: input.kind, text, target: input.target },
    });
    return { id: row.id, kind: input.kind, text, target: input.target, targetName };
  });
}

/** Forgets a mapping; a unit mapping only by someone who may report for that unit. */
export async function removeFormMapping(database: Database, actor: Actor, form: string, id: number): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const ctx = await loadFormContext(trx, form);
    const { mayReport } = await reporterUnits(trx, actor, ctx);
    const visible = (await mappingsOfForm(trx, ctx.id)).find((m) => m.id === id);
    if (!visible || (visible.kind === 'org_unit' && !mayReport(visible.target_code)))
      throw new AppError(
        'MAPPING_NOT_FOUND',
        `form ${ctx.form.code} has no mapping ${id}`,
        `报表${ctx.form.name}没有编号为 ${id} 的对应关系`,
      );
    const row = await deleteMapping(trx, ctx.id, id);
    await recordAudit(trx, actor, {
      action: 'delete',
      entity: 'report_form_mapping',
      entityKey: `${ctx.form.code}/${id}`,
      before: { form: ctx.form.code, kind: row?.kind, text: row?.source_text, target: row?.target_code },
    });
  });
}
