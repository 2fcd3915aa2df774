import type { Database } from '../db/database.ts';
import { parsePeriod, periodBounds } from '../domain/period/period.ts';
import { proposeFigures } from '../domain/published/propose-figures.ts';
import type { Citation } from '../domain/published/published-figure.schema.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import type { AcceptPublishedInput, FigureProposalView } from '../presenters/published-intake.presenter.ts';
import { upsertDataValues } from '../repositories/data-value.repository.ts';
import { findPlan } from '../repositories/plan.repository.ts';
import { orgUnitIds, planIndicatorCatalogue } from '../repositories/published-figure.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import type { Actor } from './actor.ts';
import { recordAuditBatch } from './audit.service.ts';
import { readScope } from './read-scope.ts';

/**
 * Published figures in, the way a plan office gets them (issue 15 item 3): a bulletin, work report or news
 * item is pasted or uploaded as text, the extraction engine proposes the figures it states for the plan's
 * indicators, and the planner accepts or corrects them; they are stored as origin `published` with their
 * citation and who accepted them. The dataset file's figures are reloaded on every start; these stay.
 */
export async function proposePublishedFigures(
  database: Database,
  actor: Actor,
  input: { plan: string; orgUnit: string; year: number; text: string },
): Promise<{ proposals: FigureProposalView[] }> {
  const db = database.db;
  const { indicators } = await planContext(db, actor, input.plan, input.orgUnit);
  const units = new Map(indicators.map((i) => [i.code, i.unit]));
  const proposals = proposeFigures(
    input.text,
    indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit, synonyms: i.synonyms })),
    input.year,
  );
  return { proposals: proposals.map((p) => ({ ...p, unit: units.get(p.indicator)! })) };
}

export async function acceptPublishedFigures(
  database: Database,
  actor: Actor,
  input: AcceptPublishedInput,
): Promise<{ stored: number }> {
  return database.db.transaction().execute(async (trx) => {
    const { indicators, unitId } = await planContext(trx, actor, input.plan, input.orgUnit);
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    const reviewedAt = new Date().toISOString();
    const rows = input.figures.map((f, row) => {
      const indicator = byCode.get(f.indicator);
      if (!indicator)
        throw new AppError(
          'INVALID_REQUEST',
          `figures[${row}].indicator: "${f.indicator}" is not an indicator of plan ${input.plan}`,
          `第${row + 1}条 指标：“${f.indicator}”不是规划 ${input.plan} 的指标`,
        );
      const period = parsePeriod(String(f.year))!;
      const bounds = periodBounds(period);
      if (bounds.end > input.source.publishedOn.padEnd(10, '-31'))
        throw new AppError(
          'INVALID_REQUEST',
          `figures[${row}].year: ${f.year} had not ended when the source was published (${input.source.publishedOn})`,
          `第${row + 1}条 年份：${f.year}年在发布日期（${input.source.publishedOn}）时尚未结束`,
        );
      const citation: Citation = {
        ...input.source,
        quote: f.quote,
        publishedValue: f.statedValue,
        publishedUnit: f.statedUnit,
        reviewedBy: actor.label,
        reviewedAt,
      };
      return {
        org_unit_id: unitId,
        indicator_id: indicator.id,
        period: String(f.year),
        period_kind: period.kind,
        period_start: bounds.start,
        period_end: bounds.end,
        cumulative: false,
        origin: 'published' as const,
        value: f.value,
        status: 'approved' as const,
        source_plan_id: null,
        source_quote: f.quote,
        citation: JSON.stringify(citation),
      };
    });
    await upsertDataValues(trx, rows);
    await recordAuditBatch(
      trx,
      actor,
      input.figures.map((f) => ({
        action: 'published_figure.accept',
        entity: 'data_value',
        entityKey: `${input.orgUnit}:${f.indicator}:${f.year}:published`,
        after: { value: f.value, source: input.source, quote: f.quote },
      })),
    );
    return { stored: rows.length };
  });
}

/** The plan's indicators, and the unit the figures are for, checked against the reader's scope. */
async function planContext(db: Executor, actor: Actor, plan: string, orgUnit: string) {
  if (!(await findPlan(db, plan))) throw notFound('plan', plan);
  const unitId = (await orgUnitIds(db)).get(orgUnit);
  const scope = await readScope(db, actor);
  if (unitId === undefined || (scope !== null && !scope.includes(unitId))) throw notFound('org unit', orgUnit);
  return { indicators: await planIndicatorCatalogue(db, plan), unitId };
}
