import { checkReferences, type DefinitionBundleFile } from '../domain/plan-definition/check-references.ts';
import type { DefinitionError } from '../domain/plan-definition/definition-error.ts';
import { cutSectionTexts } from '../domain/plan-definition/section-text.ts';
import { createQuoteIndex } from '../domain/text/locate-quote.ts';
import type { Database } from '../db/database.ts';
import { approvedValue, upsertDataValues } from '../repositories/data-value.repository.ts';
import { indicatorNatures, upsertIndicators } from '../repositories/indicator.repository.ts';
import { codeToIdMap, upsertGroups, upsertOrgUnits } from '../repositories/org-unit.repository.ts';
import { deletePlan, insertPlan, insertSections, planExists } from '../repositories/plan.repository.ts';
import { insertTasks } from '../repositories/task.repository.ts';
import { allTargetRefs, insertConflicts, insertTargets } from '../repositories/target.repository.ts';
import { SYSTEM_ACTOR, type Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';
import { assertCatalogueChangesAllowed } from './catalogue-changes.ts';
import { loadKnownCodes } from './known-codes.ts';

export interface ImportCounts {
  plans: string[];
  orgUnits: number;
  groups: number;
  indicators: number;
  sections: number;
  targets: number;
  tasks: number;
  actuals: number;
}

export type ImportResult = { ok: true; counts: ImportCounts } | { ok: false; errors: DefinitionError[] };

/**
 * Imports plan definition files atomically: every check runs first and reports every problem;
 * only a clean set is written, in one transaction, so a rejected import changes nothing.
 * With `replace`, plans that already exist are deleted and written anew.
 */
export async function importDefinitions(
  database: Database,
  files: readonly DefinitionBundleFile[],
  options: { replace?: boolean; actor?: Actor } = {},
): Promise<ImportResult> {
  const planIds = files.flatMap((f) => (f.definition.plan ? [f.definition.plan.id] : []));
  return database.db.transaction().execute(async (trx) => {
    // Scope first: a file may not reach catalogue entries outside the actor's plans and subtree.
    await assertCatalogueChangesAllowed(trx, options.actor ?? SYSTEM_ACTOR, files);
    const existing = new Set<string>();
    for (const id of planIds) if (await planExists(trx, id)) existing.add(id);
    const known = await loadKnownCodes(trx, options.replace ? existing : new Set());
    const errors = checkReferences(files, known);
    if (errors.length > 0) return { ok: false, errors };

    const sourcePlanOf = (file: DefinitionBundleFile) => (s: { source?: { plan?: string } }) =>
      s.source?.plan ?? file.definition.plan?.id ?? null;
    for (const f of files) await upsertOrgUnits(trx, f.definition.orgUnits, sourcePlanOf(f));
    for (const f of files) await upsertIndicators(trx, f.definition.indicators);
    for (const f of files) await upsertGroups(trx, f.definition.groups, sourcePlanOf(f));

    const unitIds = await codeToIdMap(trx, 'org_unit');
    const groupIds = await codeToIdMap(trx, 'org_group');
    const indicatorIds = await codeToIdMap(trx, 'indicator');
    const indicatorNature = await indicatorNatures(trx);
    const counts: ImportCounts = {
      plans: planIds,
      orgUnits: 0,
      groups: 0,
      indicators: 0,
      sections: 0,
      targets: 0,
      tasks: 0,
      actuals: 0,
    };
    const quoteIndexes = new Map(
      files.filter((f) => f.definition.plan && f.sourceText).map((f) => [f.definition.plan!.id, createQuoteIndex(f.sourceText!)]),
    );
    const provenance = (planId: string, source: { plan?: string; section?: string; quote: string }) => {
      const sourcePlan = source.plan ?? planId;
      const at = quoteIndexes.get(sourcePlan)?.locate(source.quote);
      return {
        source_plan_id: sourcePlan,
        source_section: source.section ?? null,
        source_quote: source.quote,
        source_start: at?.start ?? null,
        source_end: at?.end ?? null,
      };
    };

    const conflicts: { planId: string; key: string; other: string }[] = [];
    for (const f of files) {
      const d = f.definition;
      counts.orgUnits += d.orgUnits.length;
      counts.groups += d.groups.length;
      counts.indicators += d.indicators.length;
      if (!d.plan) continue;
      const planId = d.plan.id;
      if (existing.has(planId)) await deletePlan(trx, planId);
      await insertPlan(
        trx,
        d.plan,
        f.rawSource && f.sourceText
          ? { fileName: f.rawSource.fileName, raw: f.rawSource.text, normalised: f.sourceText }
          : undefined,
      );
      const depth = new Map<string, number>();
      for (const s of d.sections) depth.set(s.key, s.parent === undefined ? 0 : depth.get(s.parent)! + 1);
      const texts = f.sourceText
        ? cutSectionTexts(
            f.sourceText,
            d.sections.map((s) => ({ heading: s.heading, depth: depth.get(s.key)! })),
          )
        : d.sections.map(() => '');
      const sectionIds = await insertSections(
        trx,
        planId,
        d.sections.map((s, i) => ({ ...s, text: texts[i]! })),
      );
      counts.sections += d.sections.length;

      await insertTargets(
        trx,
        d.targets.map((t, ordinal) => {
          t.conflictsWith.forEach((other) => conflicts.push({ planId, key: t.key, other }));
          return {
            plan_id: planId,
            key: t.key,
            ordinal,
            section_id: t.section === undefined ? null : sectionIds.get(t.section)!,
            indicator_id: indicatorIds.get(t.indicator)!,
            org_unit_id: t.orgUnit === undefined ? null : unitIds.get(t.orgUnit)!,
            group_id: t.group === undefined ? null : groupIds.get(t.group)!,
            nature: t.nature ?? indicatorNature.get(t.indicator) ?? 'expected',
            baseline_year: t.baseline?.year ?? null,
            baseline_value: t.baseline?.value ?? null,
            target_year: t.target.year,
            comparator: t.target.comparator,
            target_value: t.target.value ?? null,
            target_min: t.target.min ?? null,
            target_max: t.target.max ?? null,
            target_rate: t.target.rate ?? null,
            reference_indicator_id: t.target.reference === undefined ? null : indicatorIds.get(t.target.reference)!,
            every_year: t.target.everyYear ?? false,
            target_text: t.target.text ?? null,
            note: t.note ?? null,
            note_en: t.noteEn ?? null,
            trajectory: t.trajectory,
            ...provenance(planId, t.source),
          };
        }),
      );
      counts.targets += d.targets.length;

      await insertTasks(
        trx,
        d.tasks.map((t, ordinal) => ({
          plan_id: planId,
          key: t.key,
          ordinal,
          section_id: t.section === undefined ? null : sectionIds.get(t.section)!,
          text: t.text,
          responsible_text: t.responsibleText ?? null,
          deadline: t.deadline ?? null,
          lead: t.lead.map((c) => unitIds.get(c)!),
          co: t.co.map((c) => unitIds.get(c)!),
          ...provenance(planId, t.source),
        })),
      );
      counts.tasks += d.tasks.length;
    }

    // Figures stated in a file: after every plan is written, and also from a file that only holds actuals
    // (checkReferences made each name its plan), so such a file never "succeeds" having imported nothing.
    for (const f of files) {
      const d = f.definition;
      const planId = d.plan?.id;
      await upsertDataValues(
        trx,
        d.actuals.map((a) =>
          approvedValue({ orgUnit: unitIds.get(a.orgUnit)!, indicator: indicatorIds.get(a.indicator)! }, a, 'plan', {
            planId: (a.source.plan ?? planId)!,
            quote: a.source.quote,
          }),
        ),
      );
      counts.actuals += d.actuals.length;
    }

    const actor = options.actor ?? SYSTEM_ACTOR;
    for (const f of files) {
      const d = f.definition;
      await recordAudit(trx, actor, {
        action: d.plan && existing.has(d.plan.id) ? 'replace' : 'import',
        entity: d.plan ? 'plan' : 'catalogue',
        entityKey: d.plan?.id ?? f.name,
        after: {
          file: f.name,
          orgUnits: d.orgUnits.map((u) => u.code),
          groups: d.groups.map((g) => g.code),
          indicators: d.indicators.map((i) => i.code),
          sections: d.sections.length,
          targets: d.targets.length,
          tasks: d.tasks.length,
          actuals: d.actuals.length,
        },
      });
    }

    const refs = await allTargetRefs(trx);
    await insertConflicts(
      trx,
      conflicts.map((c) => [
        refs.get(`${c.planId}:${c.key}`)!,
        refs.get(c.other.includes(':') ? c.other : `${c.planId}:${c.other}`)!,
      ]),
    );
    return { ok: true, counts };
  });
}
