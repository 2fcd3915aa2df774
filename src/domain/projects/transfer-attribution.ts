import { Decimal } from 'decimal.js';
import { FIGURE_OF_INDICATOR, SHARED_INDICATORS, type SharedIndicator, type SharePair } from './transfer-shares.ts';

/**
 * Cross-zone transfer attribution (跨区域流转利益分成). A transferred project is reported by the zone
 * it moved to (the destination), whose figures therefore hold 100 % of it. Under an agreement the
 * origin zone is owed `from` % of each shared figure for the agreement's months. Progress reads the
 * zones' figures with deltas added: +amount to the origin, −amount to the destination, where
 *
 *   amount = round(figure × from ÷ 100, 4 decimals of 万元 = 1 yuan, half up (四舍五入))
 *
 * is computed once per project, month and indicator. The destination's delta is the exact negative
 * of the origin's, so every pair of deltas sums to exactly zero and no roll-up over both zones
 * changes; the destination keeps figure − amount, which is its share up to that one rounding.
 */

/** Exact arithmetic with room to spare: 20 significant digits (decimal.js's default) is not enough for 万元 × 4-decimal shares. */
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

/** Decimal places of a shared amount in 万元: 4 = one yuan. */
export const AMOUNT_DECIMALS = 4;

export interface AgreementFacts {
  id: number;
  projectId: number;
  fromZone: number;
  toZone: number;
  /** The agreement's shares, and per-indicator shares where they differ. */
  shares: SharePair;
  indicatorShares?: Partial<Record<SharedIndicator, SharePair>>;
  /** First and last month covered ('2024-01'); end null = open. */
  startMonth: string;
  endMonth: string | null;
}

export interface ProjectMonthFacts {
  projectId: number;
  month: string;
  /** 万元, that month alone; null = not reported. */
  investment: string | null;
  output: string | null;
  tax: string | null;
  origin: 'reported' | 'synthetic';
}

export interface TransferDelta {
  zone: number;
  indicator: SharedIndicator;
  month: string;
  /** 万元; positive for the origin zone, negative for the destination. */
  value: string;
  origin: 'reported' | 'synthetic';
  agreementId: number;
  projectId: number;
  /** The project's reported figure the delta was taken from (万元). */
  reported: string;
  share: SharePair;
}

export function sharesFor(a: AgreementFacts, indicator: SharedIndicator): SharePair {
  return a.indicatorShares?.[indicator] ?? a.shares;
}

export function covers(a: AgreementFacts, month: string): boolean {
  return month >= a.startMonth && (a.endMonth === null || month <= a.endMonth);
}

/** The origin's amount of one figure: figure × share ÷ 100 rounded to whole yuan, half up. */
export function originAmount(figure: string, fromShare: string): string {
  return new D(figure).times(fromShare).dividedBy(100).toDecimalPlaces(AMOUNT_DECIMALS, D.ROUND_HALF_UP).toFixed();
}

/**
 * The deltas of every figure covered by an agreement: two per (project, month, indicator) with a
 * figure and a non-zero origin share, one for each zone, summing to zero. Figures outside every
 * agreement, or of projects without one, give nothing. Agreements of one project must not overlap
 * (the service refuses that); if they did, each would apply.
 */
export function transferDeltas(agreements: readonly AgreementFacts[], figures: readonly ProjectMonthFacts[]): TransferDelta[] {
  const byProject = new Map<number, AgreementFacts[]>();
  for (const a of agreements) byProject.set(a.projectId, [...(byProject.get(a.projectId) ?? []), a]);
  const out: TransferDelta[] = [];
  for (const f of figures) {
    for (const a of byProject.get(f.projectId) ?? []) {
      if (!covers(a, f.month)) continue;
      for (const indicator of SHARED_INDICATORS) {
        const reported = f[FIGURE_OF_INDICATOR[indicator]];
        if (reported === null) continue;
        const share = sharesFor(a, indicator);
        const amount = originAmount(reported, share.from);
        if (new D(amount).isZero()) continue;
        const common = {
          indicator,
          month: f.month,
          origin: f.origin,
          agreementId: a.id,
          projectId: f.projectId,
          reported,
          share,
        };
        out.push({ ...common, zone: a.fromZone, value: amount });
        out.push({ ...common, zone: a.toZone, value: new D(amount).negated().toFixed() });
      }
    }
  }
  return out;
}

/** Deltas summed per zone, indicator and month (exact), as progress applies them. */
export function sumDeltas(
  deltas: readonly TransferDelta[],
): Map<string, { zone: number; indicator: SharedIndicator; month: string; value: string; origin: 'reported' | 'synthetic' }> {
  const out = new Map<
    string,
    { zone: number; indicator: SharedIndicator; month: string; value: string; origin: 'reported' | 'synthetic' }
  >();
  for (const d of deltas) {
    const k = `${d.zone}/${d.indicator}/${d.month}`;
    const prev = out.get(k);
    out.set(k, {
      zone: d.zone,
      indicator: d.indicator,
      month: d.month,
      value: prev ? new D(prev.value).plus(d.value).toFixed() : d.value,
      origin: prev?.origin === 'synthetic' || d.origin === 'synthetic' ? 'synthetic' : 'reported',
    });
  }
  return out;
}

/** 万元 → the indicator's unit: 亿元 ÷ 10000, 万元 as is; other units cannot take a money delta. */
export function toIndicatorUnit(value: string, unit: string): string | null {
  if (unit === '万元') return new D(value).toFixed();
  if (unit === '亿元') return new D(value).dividedBy(10000).toFixed();
  if (unit === '元') return new D(value).times(10000).toFixed();
  return null;
}
