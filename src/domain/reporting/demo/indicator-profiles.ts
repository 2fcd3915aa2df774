/**
 * How each indicator behaves over time in the demo data. The numbers are plausible orders of
 * magnitude for Yunnan (亿元 figures of zones, prefectures, the FTZ areas), not statistics.
 *
 * - flow: a yearly amount (revenue, investment) spread over the months with a seasonal pattern;
 * - stock: a count or size at a point in time (employees, land, registered enterprises);
 * - level: a rate or per-head figure (城镇化率, 人均收入) that is never summed.
 */
export type Nature = 'flow' | 'stock' | 'level';

/** Monthly patterns, see seasonality.ts. */
export type Season = 'output' | 'investment' | 'trade' | 'lumpy';

export interface IndicatorProfile {
  nature: Nature;
  /**
   * Base-year level. For flows and stocks: a multiple of the unit's scale (its value of the kind's
   * scale indicator), drawn log-uniform in [lo, hi]. For levels: the level itself, in [lo, hi].
   */
  ratio: readonly [number, number];
  /** Levels only: level × (unit size / typical size) ** elasticity, so larger units sit higher. */
  elasticity?: number;
  /** Mean yearly growth: relative (0.08 = 8%), or in points per year when additive. */
  growth: number;
  additive?: boolean;
  /** Half-width of the unit-specific drift of growth (leaders grow faster, laggards slower). */
  spread: number;
  /** Half-width of how far a unit ends off a plan target (relative, or points when additive). */
  dev: number;
  /** Size of the year-to-year noise (relative, or points when additive); by nature when left out. */
  noise?: number;
  /**
   * A part of another indicator of the same unit (规上工业增加值 of 工业总产值): follows the total's
   * months, with a share drawn in `ratio` that drifts by up to ±drift a year. Parts of one group
   * together stay within the total (加工贸易 + 保税物流 ≤ 进出口).
   */
  partOf?: { total: string; group?: string; drift: number };
  season?: Season;
  /** Stock that changes in one step a year at most (land in use). */
  stepwise?: boolean;
  /** Counts that never go down within the data. */
  monotone?: boolean;
  /** Upper bound (100 for a share in %). */
  max?: number;
  /** Never above the largest anchored figure (改革试点任务: 106 is all there are). */
  ceilingFromAnchors?: boolean;
  /** Spread of a child's figure around a parent's non-additive figure (a province's income). */
  childSpread?: number;
  /**
   * Land in use derived from an intensity the plan targets (亩均营业收入 = 营业收入 × 10000 / 用地面积):
   * the land is sized so that the unit's intensity in the target year lands near the target.
   */
  intensity?: { anchorIndicator: string; numerator: string; factor: number; fallback: readonly [number, number] };
}

/** The indicator whose base-year value sizes a unit of each kind, and how sizes are drawn. */
export interface KindScale {
  indicator: string;
  /**
   * Base-year values by rank (rank on a population of `of` units → value), interpolated on a log
   * scale; ranks are drawn per seed. Taken for development zones from the parks plan's own count of
   * 2020 (2 zones above 2000亿元 revenue, 5 above 1000, 11 above 500, 32 above 100 of 64).
   */
  curve?: { of: number; points: readonly (readonly [number, number])[] };
  /** Otherwise log-uniform in this range. */
  range: readonly [number, number];
}

export const KIND_SCALES: Readonly<Record<string, KindScale>> = {
  development_zone: {
    indicator: 'REVENUE',
    curve: {
      of: 64,
      points: [
        [1, 2600],
        [2, 2150],
        [5, 1100],
        [11, 540],
        [32, 108],
        [64, 9],
      ],
    },
    range: [9, 2600],
  },
  prefecture: {
    indicator: 'GDP',
    curve: {
      of: 16,
      points: [
        [1, 6700],
        [2, 2900],
        [4, 2050],
        [6, 1400],
        [10, 1000],
        [13, 640],
        [16, 230],
      ],
    },
    range: [230, 6700],
  },
  ftz_area: { indicator: 'TRADE_TOTAL', range: [60, 400] },
  bonded_zone: { indicator: 'TRADE_TOTAL', range: [5, 80] },
};
export const DEFAULT_SCALE: KindScale = { indicator: 'REVENUE', range: [20, 400] };

const money = (ratio: readonly [number, number], growth: number, season: Season, dev = 0.2): IndicatorProfile => ({
  nature: 'flow',
  ratio,
  growth,
  spread: 0.04,
  dev,
  season,
});

/** By `kind:INDICATOR` first, then by `INDICATOR`. */
const PROFILES: Readonly<Record<string, IndicatorProfile>> = {
  // Development zones (monthly, scale = 营业收入 of 2020).
  REVENUE: money([1, 1], 0.12, 'output'),
  INDUSTRIAL_OUTPUT: { ...money([0.35, 0.85], 0.1, 'output'), partOf: { total: 'REVENUE', drift: 0.01 } },
  INDUSTRIAL_VA_ABOVE_SCALE: {
    ...money([0.2, 0.32], 0.1, 'output'),
    partOf: { total: 'INDUSTRIAL_OUTPUT', drift: 0.005 },
  },
  TAX_REVENUE: { ...money([0.03, 0.07], 0.1, 'output'), partOf: { total: 'REVENUE', drift: 0.002 } },
  RD_EXPENDITURE: { ...money([0.006, 0.022], 0.15, 'output'), partOf: { total: 'REVENUE', drift: 0.001 } },
  FAI: money([0.08, 0.3], 0.08, 'investment'),
  TRADE_TOTAL: { ...money([0.005, 0.2], 0.1, 'trade', 0.25), spread: 0.06 },
  FDI_ACTUAL: { ...money([0.0003, 0.004], 0.06, 'lumpy', 0.3), spread: 0.08 },
  EMPLOYEES: { nature: 'stock', ratio: [50, 140], growth: 0.03, spread: 0.03, dev: 0.08 },
  LAND_AREA_MU: {
    nature: 'stock',
    ratio: [60, 200],
    growth: 0.01,
    spread: 0.01,
    dev: 0.3,
    stepwise: true,
    monotone: true,
    intensity: { anchorIndicator: 'REVENUE_PER_MU', numerator: 'REVENUE', factor: 10000, fallback: [180, 700] },
  },
  // Bonded zone (monthly, scale = 进出口总额).
  EXPORT_TOTAL: { ...money([0.4, 0.6], 0.1, 'trade'), partOf: { total: 'TRADE_TOTAL', drift: 0.02 } },
  PROCESSING_TRADE_VALUE: {
    ...money([0.02, 0.08], 0.2, 'trade'),
    partOf: { total: 'TRADE_TOTAL', group: 'customs-regime', drift: 0.01 },
  },
  BONDED_LOGISTICS_TRADE_VALUE: {
    ...money([0.6, 0.8], 0.1, 'trade'),
    partOf: { total: 'TRADE_TOTAL', group: 'customs-regime', drift: 0.02 },
  },
  CBEC_TRADE_VALUE: { ...money([0.1, 0.2], 0.18, 'trade', 0.3), spread: 0.08 },
  CBEC_ORDERS: { ...money([10, 20], 0.15, 'trade', 0.3), spread: 0.08 },
  REGISTERED_ENTERPRISES: { nature: 'stock', ratio: [2, 4], growth: 0.12, spread: 0.05, dev: 0.2, monotone: true },
  NEW_REGISTERED_CAPITAL: { ...money([0.1, 0.2], 0.05, 'lumpy', 0.3), spread: 0.08 },
  // FTZ areas (quarterly, scale = 进出口总额; every item is anchored on the FTZ's own 2020 figures and 2025 targets).
  NEW_ENTERPRISES: { ...money([20, 40], 0.2, 'output'), spread: 0.05 },
  NEW_FOREIGN_ENTERPRISES: { ...money([0.004, 0.01], 0.2, 'lumpy', 0.3), partOf: { total: 'NEW_ENTERPRISES', drift: 0.001 } },
  GENERAL_PUBLIC_BUDGET_REVENUE: money([0.1, 0.15], 0.12, 'output', 0.15),
  REFORM_TASKS_DONE: {
    nature: 'stock',
    ratio: [0.2, 0.3],
    growth: 0.03,
    spread: 0.01,
    dev: 0.06,
    monotone: true,
    ceilingFromAnchors: true,
    childSpread: 0.05,
  },
  FIRST_IN_COUNTRY_INNOVATIONS: { nature: 'stock', ratio: [0.03, 0.06], growth: 0.2, spread: 0.05, dev: 0.25, monotone: true },
  // Prefectures (annual, scale = 地区生产总值).
  'prefecture:GDP': { ...money([1, 1], 0.065, 'output', 0.08), spread: 0.02, noise: 0.006 },
  'prefecture:TRADE_TOTAL': { ...money([0.01, 0.2], 0.08, 'trade', 0.25), spread: 0.05 },
  'prefecture:FAI': { ...money([0.6, 1], 0.04, 'investment', 0.15), spread: 0.04 },
  HIGHTECH_INDUSTRY_VA: { ...money([0.03, 0.1], 0.1, 'output'), partOf: { total: 'GDP', drift: 0.003 } },
  INDUSTRIAL_INVESTMENT: { ...money([0.15, 0.35], 0.1, 'investment'), partOf: { total: 'FAI', drift: 0.01 } },
  RESIDENT_POPULATION: { nature: 'stock', ratio: [0.12, 0.35], growth: 0.004, spread: 0.004, dev: 0.02, noise: 0.002 },
  URBANISATION_RATE: {
    nature: 'level',
    ratio: [40, 52],
    elasticity: 0.15,
    growth: 1,
    additive: true,
    spread: 0.3,
    dev: 3,
    max: 100,
    childSpread: 0.1,
  },
  URBAN_DISPOSABLE_INCOME: {
    nature: 'level',
    ratio: [33000, 42000],
    elasticity: 0.05,
    growth: 0.05,
    spread: 0.01,
    dev: 0.05,
    childSpread: 0.1,
  },
  RURAL_DISPOSABLE_INCOME: {
    nature: 'level',
    ratio: [11000, 15000],
    elasticity: 0.08,
    growth: 0.075,
    spread: 0.01,
    dev: 0.05,
    childSpread: 0.1,
  },
};

/** Profile of an indicator for a kind of unit; unknown indicators get a generic one by their unit. */
export function profileFor(indicator: string, kind: string, unit: string): IndicatorProfile {
  const known = PROFILES[`${kind}:${indicator}`] ?? PROFILES[indicator];
  if (known) return known;
  if (unit === '%')
    return { nature: 'level', ratio: [30, 70], growth: 0.5, additive: true, spread: 0.3, dev: 3, max: 100, childSpread: 0.1 };
  if (COUNT_UNITS.has(unit))
    return { nature: 'stock', ratio: [0.05, 0.2], growth: 0.05, spread: 0.03, dev: 0.15, monotone: true };
  return money([0.05, 0.2], 0.08, 'output');
}

const COUNT_UNITS = new Set(['人', '家', '个', '项', '户', '名', '柜', '亩', '万人']);
