import { upsertDataValues } from '../../src/repositories/data-value.repository.ts';
import { groupsWithMembers, progressTargets } from '../../src/repositories/progress.repository.ts';
import type { Executor } from '../../src/repositories/transaction.ts';
import { subjectOf, targetCodes } from '../../src/services/progress/judge-target.ts';
import { parseAsOf, ProgressContext } from '../../src/services/progress/progress-context.ts';

/** Approved annual figures of one unit and indicator (both by code), reported without a plan source. */
export async function insertYearFigures(
  db: Executor,
  unitCode: string,
  indicatorCode: string,
  figures: readonly (readonly [year: string, value: string])[],
): Promise<void> {
  const id = async (table: 'org_unit' | 'indicator', code: string) =>
    (await db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const unit = await id('org_unit', unitCode);
  const indicator = await id('indicator', indicatorCode);
  await upsertDataValues(
    db,
    figures.map(([period, value]) => ({
      org_unit_id: unit,
      indicator_id: indicator,
      period,
      period_kind: 'year',
      period_start: `${period}-01-01`,
      period_end: `${period}-12-31`,
      cumulative: false,
      origin: 'reported',
      value,
      status: 'approved',
      source_plan_id: null,
      source_quote: null,
    })),
  );
}

/**
 * Every target with its subject, and the progress context with their figures loaded as of `at`: through
 * the precomputed yearly table, or with `raw` from the raw figures alone (`quarters` loads every period raw).
 */
export async function loadEveryTarget(db: Executor, at: string, raw: boolean) {
  const asOf = parseAsOf(at);
  const targets = await progressTargets(db, { unitIds: null });
  const ctx = await ProgressContext.load(db);
  const groupIds = [...new Set(targets.map((x) => x.group_id).filter((g): g is number => g !== null))];
  const members = new Map((await groupsWithMembers(db, { ids: groupIds })).map((g) => [g.id, g.members]));
  const subjects = targets.map((x) => subjectOf(ctx, x, members));
  const codes = [...new Set(targets.flatMap((x) => targetCodes(ctx, x)))];
  await ctx.loadFigures(db, ctx.subtree(subjects.flatMap((s) => s.roots)), codes, asOf, { quarters: raw });
  return { asOf, ctx, targets: targets.map((target, i) => ({ target, subject: subjects[i]! })) };
}
