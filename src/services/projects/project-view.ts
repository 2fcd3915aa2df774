import { stallReasons } from '../../domain/projects/stalled.ts';
import { isStage, STAGES, type Stage } from '../../domain/projects/stages.ts';
import type { ProjectOut } from '../../presenters/project.presenter.ts';
import { investmentMonths, stageDates, type ProjectRow } from '../../repositories/project.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { transferAgreements } from '../../repositories/transfer.repository.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** Projects as the API shows them: stage dates, stalled flags (judged at `today`), transfer badge. */
export async function presentProjects(db: Executor, rows: readonly ProjectRow[], today: string): Promise<ProjectOut[]> {
  const ids = rows.map((r) => r.id);
  const dates = await stageDates(db, ids);
  const invested = await investmentMonths(db, ids);
  const agreements = ids.length ? await transferAgreements(db) : [];
  const thisMonth = today.slice(0, 7);
  return rows.map((r) => {
    const stage: Stage = isStage(r.stage) ? r.stage : 'planning';
    const own = dates.filter((d) => d.project_id === r.id);
    const planned: Partial<Record<Stage, string | null>> = {};
    for (const d of own) if (isStage(d.stage)) planned[d.stage] = d.planned_on;
    const reasons = stallReasons(
      {
        stage,
        planned,
        stageSince: own.find((d) => d.stage === stage)?.actual_on ?? null,
        investmentMonths: invested.filter((m) => m.project_id === r.id).map((m) => m.month),
      },
      today,
    );
    const current = agreements.find(
      (a) =>
        a.project_id === r.id &&
        a.to_zone_id === r.zone_id &&
        a.start_month <= thisMonth &&
        (a.end_month === null || a.end_month >= thisMonth),
    );
    return {
      id: r.id,
      name: r.name,
      zone: { code: r.zone_code, name: r.zone_name },
      prefecture: r.prefecture_code ? { code: r.prefecture_code, name: r.prefecture_name ?? r.prefecture_code } : null,
      industry: r.industry,
      chain: r.chain_code ? { code: r.chain_code, name: r.chain_name ?? r.chain_code } : null,
      totalInvestment: r.total_investment,
      stage,
      description: r.description,
      synthetic: r.synthetic,
      version: r.version,
      updatedAt: iso(r.updated_at),
      stages: STAGES.map((s) => {
        const d = own.find((x) => x.stage === s);
        return { stage: s, plannedOn: d?.planned_on ?? null, actualOn: d?.actual_on ?? null };
      }),
      stalled: reasons.length > 0,
      stallReasons: reasons,
      transferredFrom: current ? { code: current.from_zone_code, name: current.from_zone_name } : null,
    };
  });
}
