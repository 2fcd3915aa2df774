import { checkConsistency, type ConsistencyIssue } from '../domain/consistency/check-consistency.ts';
import type { Comparator } from '../domain/model/target.schema.ts';
import { parentLinks } from '../repositories/org-unit.repository.ts';
import { allTargetFacts } from '../repositories/target.repository.ts';
import type { Executor } from '../repositories/transaction.ts';

/** Contradictions within and across plans; with a plan, only issues that involve one of its targets. */
export async function findConsistencyIssues(db: Executor, plan?: string): Promise<ConsistencyIssue[]> {
  const [rows, parents] = await Promise.all([allTargetFacts(db), parentLinks(db)]);
  const children = new Map<string, string[]>();
  for (const [code, parent] of parents) if (parent) children.set(parent, [...(children.get(parent) ?? []), code]);
  const issues = checkConsistency(
    rows.map((r) => ({
      ref: `${r.plan_id}:${r.key}`,
      indicator: r.indicator,
      indicatorUnit: r.indicator_unit,
      aggregation: r.aggregation,
      scope: r.unit_code ?? `group:${r.group_code}`,
      year: r.target_year,
      comparator: r.comparator as Comparator,
      value: r.target_value,
      min: r.target_min,
      max: r.target_max,
      rate: r.target_rate,
      conflictsWith: r.conflicts_with,
    })),
    { parentOf: (c) => parents.get(c), childrenOf: (c) => children.get(c) ?? [] },
  );
  return plan === undefined ? issues : issues.filter((i) => i.targets.some((t) => t.startsWith(`${plan}:`)));
}
