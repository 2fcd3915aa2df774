import { z } from 'zod';
import { COMPARATORS, targetValueSchema, type TargetAim } from '../model/target.schema.ts';
import { code, decimal, year } from '../model/common.schema.ts';
import { convertUnit } from '../reporting/units.ts';

/**
 * In-place correction of a published target (issue 17 item 5): the baseline (year, value), the scope
 * (an org unit or a group), the target's year, comparator and value(s), and the unit the corrected values
 * are stated in (converted into the indicator's unit). Pure: the service reads the target, asks this for
 * the corrected state and the fields that change, and stores both as a revision.
 */

export interface TargetState {
  baseline: { year: number; value: string } | null;
  scope: { kind: 'org_unit' | 'group'; code: string };
  target: TargetAim;
  everyYear: boolean;
}

const nullableDecimal = decimal().nullable();

/** The request body of PATCH /plans/{id}/targets/{key}: only the fields given change. */
export const targetPatchSchema = z.strictObject({
  /** The version read (GET /plans/{id}/targets/{key}/revisions answers it); anything else is 409. */
  version: z.number().int().min(1),
  /** Why the target is corrected (修订原因), required. */
  reason: z.string().max(500),
  baseline: z.strictObject({ year: year(), value: decimal() }).nullable().optional(),
  orgUnit: code().optional(),
  group: code().optional(),
  target: z
    .strictObject({
      year: year().optional(),
      comparator: z.enum(COMPARATORS).optional(),
      value: nullableDecimal.optional(),
      min: nullableDecimal.optional(),
      max: nullableDecimal.optional(),
      rate: nullableDecimal.optional(),
    })
    .optional(),
  /** The unit the patch's baseline value and target value/min/max are written in (万元 for an indicator in 亿元). */
  unit: z.string().min(1).max(20).optional(),
});
export type TargetPatch = z.infer<typeof targetPatchSchema>;

export interface RevisionProblem {
  field: string;
  en: string;
  zh: string;
}

export type RevisionResult = { ok: true; next: TargetState; changed: string[] } | { ok: false; problems: RevisionProblem[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The corrected state, or what is wrong with the correction: a comparator without the value it needs
 * (targetValueSchema's rules), a baseline not before the target year, a unit that cannot be converted
 * into the indicator's, both or neither of orgUnit and group, or nothing that changes.
 */
export function reviseTarget(
  current: TargetState,
  patch: Omit<TargetPatch, 'version' | 'reason'>,
  ctx: { indicatorUnit: string; reference: string | null; text: string | null },
): RevisionResult {
  const problems: RevisionProblem[] = [];
  const convert = (field: string, v: string | null | undefined): string | null | undefined => {
    if (v === null || v === undefined || patch.unit === undefined || patch.unit === ctx.indicatorUnit) return v;
    const c = convertUnit(v, patch.unit, ctx.indicatorUnit);
    if (c.ok) return c.value;
    problems.push({ field: 'unit', en: `${field}: ${c.reason}`, zh: `${field}：${c.reasonZh}` });
    return v;
  };
  if (patch.orgUnit !== undefined && patch.group !== undefined)
    problems.push({
      field: 'orgUnit',
      en: 'give an org unit or a group, not both',
      zh: '责任主体只能是一个组织单位或一个分组，不能同时给出',
    });
  const scope: TargetState['scope'] =
    patch.orgUnit !== undefined
      ? { kind: 'org_unit', code: patch.orgUnit }
      : patch.group !== undefined
        ? { kind: 'group', code: patch.group }
        : current.scope;
  const baseline =
    patch.baseline === undefined
      ? current.baseline
      : patch.baseline === null
        ? null
        : { year: patch.baseline.year, value: convert('baseline.value', patch.baseline.value)! };
  const p = patch.target ?? {};
  const comparator = p.comparator ?? current.target.comparator;
  const target: TargetState['target'] = {
    year: p.year ?? current.target.year,
    comparator,
    value: p.value === undefined ? current.target.value : convert('target.value', p.value)!,
    min: p.min === undefined ? current.target.min : convert('target.min', p.min)!,
    max: p.max === undefined ? current.target.max : convert('target.max', p.max)!,
    rate: p.rate === undefined ? current.target.rate : p.rate,
  };
  // 每年均须达到 holds only for floors, ceilings and yearly growth; another comparator ends it.
  const everyYear = current.everyYear && ['at_least', 'at_most', 'annual_growth'].includes(comparator);
  const checked = targetValueSchema.safeParse({
    year: target.year,
    comparator,
    value: target.value ?? undefined,
    min: target.min ?? undefined,
    max: target.max ?? undefined,
    rate: target.rate ?? undefined,
    reference: ctx.reference ?? undefined,
    text: ctx.text ?? undefined,
    everyYear,
  });
  if (!checked.success)
    for (const issue of checked.error.issues) {
      const zh = (issue as { params?: { zh?: string } }).params?.zh ?? issue.message;
      problems.push({ field: `target.${issue.path.join('.')}`, en: issue.message, zh });
    }
  if (comparator === 'range' && target.min !== null && target.max !== null && Number(target.min) > Number(target.max))
    problems.push({ field: 'target.min', en: 'min is above max', zh: '区间下限高于上限' });
  if (baseline && baseline.year >= target.year)
    problems.push({
      field: 'baseline.year',
      en: `the baseline year ${baseline.year} must come before the target year ${target.year}`,
      zh: `基期年份${baseline.year}应早于目标年份${target.year}`,
    });
  const next: TargetState = { baseline, scope, target, everyYear };
  const changed = (['baseline', 'scope', 'target', 'everyYear'] as const).filter((k) => !same(current[k], next[k]));
  if (problems.length === 0 && changed.length === 0)
    problems.push({ field: 'target', en: 'the correction changes nothing', zh: '修订内容与现有数据相同，没有需要修改的内容' });
  return problems.length ? { ok: false, problems } : { ok: true, next, changed };
}

/** Only the fields that change, before and after (what a revision stores and the audit log records). */
export function revisionDiff(before: TargetState, after: TargetState, changed: readonly string[]) {
  const pick = (s: TargetState) => Object.fromEntries(changed.map((k) => [k, s[k as keyof TargetState]]));
  return { before: pick(before), after: pick(after) };
}
