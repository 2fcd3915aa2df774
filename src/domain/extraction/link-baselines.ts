import type { IndicatorRef, ScopeRef, Span, TargetCandidate } from './candidate.schema.ts';

/** A figure the plan states as a fact (截至2020年…717.9亿元; a figure in 发展基础), kept to serve as a baseline. */
export interface StatedFigure {
  indicator: IndicatorRef;
  scope?: ScopeRef;
  /** In the indicator's unit when it is known. */
  value: string;
  unit?: string;
  /** The year the figure is for; absent when the sentence gives none. */
  year?: number;
  /** Offset in the clean text, for document order. */
  at: number;
  /** Stated in a section that reports the situation before the plan (发展基础, 建设成效). */
  background: boolean;
  span: Span;
}

/**
 * Gives a target without a baseline in its sentence the figure the plan states elsewhere for the
 * same indicator and scope in the year before the plan period (截至2020年… for a 2021–2025 plan).
 * A figure without a year counts for that year when it is stated in a background section, as plans
 * describe the end of the previous period there. Only catalogue indicators are linked, never
 * proposed new ones (their names are not reliable enough), and only figures in the indicator's unit.
 */
export function linkBaselines(
  targets: TargetCandidate[],
  stated: readonly StatedFigure[],
  periodStart: number | undefined,
): void {
  if (periodStart === undefined) return;
  const baseYear = periodStart - 1;
  for (const t of targets) {
    if (t.baseline || !t.indicator.code) continue;
    const unit =
      t.indicator.unit ??
      (t.target.comparator === 'annual_growth' || t.target.comparator === 'cumulative_change' ? undefined : t.unit);
    const match = stated.find(
      (s) =>
        s.indicator.code === t.indicator.code &&
        (s.scope?.code ?? null) === (t.scope?.code ?? null) &&
        (s.year ?? (s.background ? baseYear : undefined)) === baseYear &&
        (unit === undefined || s.unit === undefined || s.unit === unit),
    );
    if (!match) continue;
    t.baseline = { year: baseYear, value: match.value, from: 'linked', span: match.span };
    t.evidence.push(`baseline: linked to the ${baseYear} figure stated elsewhere`);
  }
}
