import { Decimal } from 'decimal.js';
import { parsePeriod } from '../../period/period.ts';
import type { DemoAnchor } from './demo-input.ts';

/** A figure a plan states (data_value of origin plan). */
export interface StatedFigure {
  orgUnit: string;
  indicator: string;
  period: string;
  cumulative: boolean;
  value: string;
}

/** A plan target with what the anchors need of its indicator and, for a group target, the group's members. */
export interface PlanTarget {
  orgUnit: string | null;
  groupMembers: readonly string[];
  indicator: string;
  indicatorUnit: string;
  aggregation: string;
  baselineYear: number | null;
  baselineValue: string | null;
  targetYear: number;
  comparator: string;
  targetValue: string | null;
  targetMin: string | null;
  targetMax: string | null;
  targetRate: string | null;
  trajectory: readonly { year: number; value: string }[];
}

/**
 * The plans' figures as anchors of the demo data:
 * - a stated figure for a whole year, and a target's baseline, are facts (stated);
 * - a figure stated at a month or quarter that is not year-to-date (a stock at a date) is taken as
 *   near that year's figure (target); a year-to-date one is left out (it is not a year's figure);
 * - at_least / at_most / exactly targets, the middle of a range and each trajectory year are targets;
 * - annual_growth is the unit's growth; share targets count only for indicators in %;
 *   cumulative changes and qualitative targets give no figure.
 * A group's target applies to each member when its indicator does not add up over units (亩均, a
 * rate) or is a growth rate; a group total (sum) is not split.
 */
export function anchorsFromPlans(stated: readonly StatedFigure[], targets: readonly PlanTarget[]): DemoAnchor[] {
  const out: DemoAnchor[] = [];
  for (const s of stated) {
    const p = parsePeriod(s.period);
    if (!p || (p.kind !== 'year' && s.cumulative)) continue;
    out.push({
      orgUnit: s.orgUnit,
      indicator: s.indicator,
      year: p.year,
      kind: 'level',
      firmness: p.kind === 'year' ? 'stated' : 'target',
      value: s.value,
    });
  }
  for (const t of targets) {
    if (t.comparator === 'share' && t.indicatorUnit !== '%') continue;
    const growth = t.comparator === 'annual_growth';
    const units = t.orgUnit ? [t.orgUnit] : growth || t.aggregation !== 'sum' ? t.groupMembers : [];
    const level = (year: number, value: string, firmness: DemoAnchor['firmness']) =>
      units.map((orgUnit): DemoAnchor => ({ orgUnit, indicator: t.indicator, year, kind: 'level', firmness, value }));
    if (t.baselineYear !== null && t.baselineValue !== null) out.push(...level(t.baselineYear, t.baselineValue, 'stated'));
    if (growth && t.targetRate !== null)
      out.push(
        ...units.map((orgUnit): DemoAnchor => ({
          orgUnit,
          indicator: t.indicator,
          year: t.targetYear,
          kind: 'growth',
          firmness: 'target',
          value: t.targetRate!,
        })),
      );
    if (['at_least', 'at_most', 'exactly', 'share'].includes(t.comparator) && t.targetValue !== null)
      out.push(...level(t.targetYear, t.targetValue, 'target'));
    if (t.comparator === 'range' && t.targetMin !== null && t.targetMax !== null)
      out.push(...level(t.targetYear, new Decimal(t.targetMin).plus(t.targetMax).dividedBy(2).toFixed(), 'target'));
    for (const step of t.trajectory) out.push(...level(step.year, step.value, 'target'));
  }
  return out;
}
