import { Decimal } from 'decimal.js';
import type { TargetFacts } from './types.ts';

/** The target expressed as a level (or band) in the indicator's unit, with the sense of "better". */
export interface ResolvedTarget {
  /** 'up': reach at least `level`; 'down': get to at most `level`; 'band': stay within [min, max]. */
  sense: 'up' | 'down' | 'band';
  level?: Decimal;
  min?: Decimal;
  max?: Decimal;
}

/**
 * Turns every numeric comparator into a level: annual_growth r → baseline × (1 + r/100)^(target year − baseline year);
 * cumulative_change r → baseline × (1 + r/100); increase_by d → baseline + d. Null for qualitative, growth
 * relative to another indicator, or missing inputs.
 */
export function resolveTarget(f: TargetFacts): ResolvedTarget | null {
  const t = f.target;
  const dirSense = (fallback: 'up' | 'down'): 'up' | 'down' =>
    f.direction === 'lower_better' ? 'down' : f.direction === 'higher_better' ? 'up' : fallback;
  switch (f.comparator) {
    case 'at_least':
      return t.value === undefined ? null : { sense: 'up', level: new Decimal(t.value) };
    case 'at_most':
      return t.value === undefined ? null : { sense: 'down', level: new Decimal(t.value) };
    case 'share':
      if (f.shareWithoutDenominator) return null;
      return t.value === undefined ? null : { sense: dirSense('up'), level: new Decimal(t.value) };
    case 'exactly':
      return t.value === undefined ? null : { sense: dirSense('up'), level: new Decimal(t.value) };
    case 'range':
      return t.min === undefined || t.max === undefined
        ? null
        : { sense: 'band', min: new Decimal(t.min), max: new Decimal(t.max) };
    case 'annual_growth': {
      if (t.rate === undefined || !f.baseline) return null;
      const years = t.year - f.baseline.year;
      if (years <= 0) return null;
      const rate = new Decimal(t.rate);
      const level = new Decimal(f.baseline.value).times(rate.div(100).plus(1).pow(years));
      return { sense: dirSense(rate.isNeg() ? 'down' : 'up'), level };
    }
    case 'cumulative_change': {
      if (t.rate === undefined || !f.baseline) return null;
      const rate = new Decimal(t.rate);
      const level = new Decimal(f.baseline.value).times(rate.div(100).plus(1));
      return { sense: dirSense(rate.isNeg() ? 'down' : 'up'), level };
    }
    case 'increase_by': {
      // 提高N个百分点 / 提高1岁: the level is the baseline plus the increase.
      if (t.value === undefined || !f.baseline) return null;
      const delta = new Decimal(t.value);
      return { sense: dirSense(delta.isNeg() ? 'down' : 'up'), level: new Decimal(f.baseline.value).plus(delta) };
    }
    default:
      return null;
  }
}

export interface Achievement {
  /** Whether the current value meets the target. */
  met: boolean;
  /** 完成目标的 x %: current ÷ target for 'up', target ÷ current for 'down', 1 inside a band. */
  completionRatio: number | null;
  /** Share of the way from baseline to target covered (1 = done; negative = moved away). Null without a baseline. */
  progressShare: number | null;
}

export function achievement(r: ResolvedTarget, current: Decimal.Value, baseline?: Decimal.Value): Achievement {
  const c = new Decimal(current);
  const b = baseline === undefined ? undefined : new Decimal(baseline);
  if (r.sense === 'band') {
    const min = r.min!;
    const max = r.max!;
    const met = c.gte(min) && c.lte(max);
    const bound = c.lt(min) ? min : max;
    const completionRatio = met ? 1 : c.lt(min) ? safeDiv(c, min) : safeDiv(max, c);
    let progressShare: number | null = met ? 1 : null;
    if (!met && b !== undefined) {
      const boundForBase = b.lt(min) ? min : b.gt(max) ? max : bound;
      progressShare = b.eq(boundForBase) ? 0 : c.minus(b).div(boundForBase.minus(b)).toNumber();
    }
    return { met, completionRatio, progressShare };
  }
  const level = r.level!;
  const met = r.sense === 'up' ? c.gte(level) : c.lte(level);
  const completionRatio = r.sense === 'up' ? safeDiv(c, level) : safeDiv(level, c);
  let progressShare: number | null = null;
  if (b !== undefined) {
    const gap = level.minus(b);
    if (gap.isZero() || (r.sense === 'up' ? gap.isNeg() : gap.isPos())) progressShare = met ? 1 : 0;
    else progressShare = c.minus(b).div(gap).toNumber();
  }
  return { met, completionRatio, progressShare };
}

function safeDiv(a: Decimal, b: Decimal): number | null {
  if (b.isZero() || a.isNeg() || b.isNeg()) return null;
  return a.div(b).toNumber();
}

/** Where the plan gives a yearly path: is the as-of year's value on or better than the path? Null when no point. */
export function trajectoryCheck(f: TargetFacts, r: ResolvedTarget, asOfYear: number, current: Decimal.Value): boolean | null {
  const point = f.trajectory?.find((p) => p.year === asOfYear);
  if (!point) return null;
  const c = new Decimal(current);
  return r.sense === 'down' ? c.lte(point.value) : c.gte(point.value);
}

/**
 * Where the plan gives a yearly path, the share of the baseline→target distance the path expects by `year`:
 * (path value − baseline) ÷ (target − baseline). Null without a path point, a baseline or a single target level.
 */
export function trajectoryShare(f: TargetFacts, r: ResolvedTarget, year: number): number | null {
  const point = f.trajectory?.find((p) => p.year === year);
  if (!point || !f.baseline || r.level === undefined) return null;
  const gap = r.level.minus(f.baseline.value);
  if (gap.isZero()) return null;
  return new Decimal(point.value).minus(f.baseline.value).div(gap).toNumber();
}
