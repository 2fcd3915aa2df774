import { ruleInputs } from '../../domain/progress/aggregate.ts';
import { classifyDataPath, type DataPathCatalogue, type DataPathKind } from '../../domain/progress/data-path.ts';
import type { Database } from '../../db/database.ts';
import { missingFigure } from '../../domain/progress/missing-figure.ts';
import type { PlanCoverage, TargetCoverage } from '../../presenters/coverage.presenter.ts';
import type { PlanProgress } from '../../presenters/progress.presenter.ts';
import { groupsWithMembers, progressTargets } from '../../repositories/progress.repository.ts';
import type { Actor } from '../actor.ts';
import { readScope } from '../read-scope.ts';
import { planProgress } from './plan-progress.service.ts';
import { ProgressContext } from './progress-context.ts';

const KIND_ZH: Record<DataPathKind, string> = { form: '报表采集', derived: '公式计算', plan_office_sheet: '规划办年度填报表' };

/** The catalogue the pure classifier reads, as stored: units, forms, indicators' aggregation and inputs. */
function catalogueOf(ctx: ProgressContext): DataPathCatalogue {
  const codeOf = new Map([...ctx.units.values()].map((u) => [u.id, u.code]));
  return {
    units: [...ctx.units.values()].map((u) => ({
      code: u.code,
      kind: u.kind,
      parent: u.parent_id === null ? null : (codeOf.get(u.parent_id) ?? null),
    })),
    forms: ctx.forms.map(({ form }) => ({ ...form, name: form.name })),
    indicators: [...ctx.rules.values()].map((r) => ({
      code: r.code,
      aggregation: r.aggregation,
      inputs: ruleInputs(r).filter((c) => c !== r.code),
    })),
  };
}

/**
 * Every target of a plan with its data path (a form, a formula, or a plan-office sheet), the units
 * that owe its figure and the last figure seen as of `at` (default: the last whole year).
 */
export async function planCoverage(database: Database, actor: Actor, q: { plan: string; at?: string }): Promise<PlanCoverage> {
  return (await coverageAndProgress(database, actor, q)).coverage;
}

/** planCoverage with the plan's progress it was built on (the plan manager's home reads both, judged once). */
export async function coverageAndProgress(
  database: Database,
  actor: Actor,
  q: { plan: string; at?: string },
  /** The plan's progress for the same reader and period when the caller has judged it already (the homes). */
  judgedProgress?: PlanProgress,
): Promise<{ coverage: PlanCoverage; progress: PlanProgress }> {
  const at = q.at ?? String(new Date().getUTCFullYear() - 1);
  const progress = judgedProgress ?? (await planProgress(database, actor, { plan: q.plan, at }));
  const db = database.db;
  const ctx = await ProgressContext.load(db);
  const rows = await progressTargets(db, { plan: q.plan, unitIds: await readScope(db, actor) });
  const groupIds = [...new Set(rows.map((t) => t.group_id).filter((g): g is number => g !== null))];
  const groups = new Map((await groupsWithMembers(db, { ids: groupIds })).map((g) => [g.id, g.members]));
  const cat = catalogueOf(ctx);
  const unit = (code: string) => ({ code, name: [...ctx.units.values()].find((u) => u.code === code)?.name ?? code });
  const formName = new Map(ctx.forms.map(({ form }) => [form.code, form.name]));
  const judged = new Map(progress.targets.map((t) => [t.key, t]));
  const targets: TargetCoverage[] = rows.map((t) => {
    const subject =
      t.org_unit_id !== null
        ? { kind: 'org_unit' as const, code: t.org_unit_code! }
        : {
            kind: 'group' as const,
            code: t.group_code!,
            members: (groups.get(t.group_id!) ?? []).map((id) => ctx.units.get(id)?.code ?? ''),
          };
    const r = classifyDataPath({ indicator: t.indicator_code, reference: t.reference_code, subject }, cat);
    const judgedTarget = judged.get(t.key);
    const j = judgedTarget?.judgement;
    const responsible = r.ok ? r.path.responsible.map(unit) : [];
    return {
      key: t.key,
      indicator: { code: t.indicator_code, name: t.indicator_name, unit: t.indicator_unit },
      subject: { kind: subject.kind, code: subject.code, name: t.org_unit_name ?? t.group_name ?? subject.code },
      path: r.ok
        ? {
            kind: r.path.kind,
            labelZh: KIND_ZH[r.path.kind],
            forms: r.path.forms.map((code) => ({ code, name: formName.get(code) ?? code })),
            inputs: r.path.inputs,
            reporters: r.path.reporters.slice(0, 10).map(unit),
            reporterCount: r.path.reporters.length,
          }
        : null,
      gap: r.ok ? null : { zh: r.reasonZh, en: r.reason },
      missing:
        r.ok && j
          ? missingFigure({
              class: j.class,
              dataYear: j.dataYear,
              baselineYear: judgedTarget.baseline?.year ?? null,
              statedBaselineYear: t.baseline_year,
              atYear: Number(at.slice(0, 4)),
              periodStart: progress.plan.periodStart,
              indicator: t.indicator_name,
              subject: t.org_unit_name ?? t.group_name ?? subject.code,
              responsible: responsible.map((u) => u.name),
              forms: r.path.forms.map((code) => formName.get(code) ?? code),
              inputs: r.path.inputs,
            })
          : null,
      responsible,
      lastFigure:
        j?.current != null && j.dataYear !== null && j.currentOrigin !== null
          ? { year: j.dataYear, value: j.current, origin: j.currentOrigin }
          : null,
    };
  });
  const byKind = { form: 0, derived: 0, plan_office_sheet: 0 };
  for (const t of targets) if (t.path) byKind[t.path.kind]++;
  const coverage: PlanCoverage = {
    plan: { id: progress.plan.id, title: progress.plan.title },
    at,
    summary: {
      total: targets.length,
      withPath: targets.filter((t) => t.path).length,
      byKind,
      withFigure: targets.filter((t) => t.lastFigure).length,
    },
    targets,
  };
  return { coverage, progress };
}
