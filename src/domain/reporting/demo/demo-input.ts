import type { Frequency } from '../forms/form.schema.ts';

/** A reporting unit as the generator sees it. */
export interface DemoUnit {
  code: string;
  kind: string;
  /** Parent unit code: figures a plan states for a non-reporting parent (the FTZ) are spread over its children. */
  parent: string | null;
  /** national / provincial for development zones; national zones are drawn larger. */
  zoneLevel?: string | null;
  /** Area in km² (decimal string), a size hint for the FTZ areas. */
  areaKm2?: string | null;
}

export interface DemoFormItem {
  indicator: string;
  /** Unit of measure (亿元, 人, %, …): decides the rounding. */
  unit: string;
  /** 累计: the figure is cumulative from January to the end of the period. */
  cumulative: boolean;
  required: boolean;
  /** How the indicator adds up over units (sum, none, ratio, …); non-sum figures of a parent apply to each child. */
  aggregation?: string;
}

export interface DemoForm {
  code: string;
  frequency: Frequency;
  firstPeriod: string;
  reporters: { kinds: readonly string[]; units: readonly string[] };
  items: readonly DemoFormItem[];
}

/**
 * A figure the synthetic path must respect, for one unit (or a non-reporting parent), indicator and year.
 * level: the year's figure (annual total of a flow, year-end stock, or the level of a rate);
 * growth: an average yearly growth in percent (value '15' = 15%) that replaces the default growth.
 * stated: a fact the plan states (actual, baseline): reproduced exactly;
 * target: a planned figure: approached, ending off it by the unit's own drift (some lead, some lag).
 */
export interface DemoAnchor {
  orgUnit: string;
  indicator: string;
  year: number;
  kind: 'level' | 'growth';
  firmness: 'stated' | 'target';
  value: string;
}

export interface DemoInput {
  units: readonly DemoUnit[];
  forms: readonly DemoForm[];
  anchors: readonly DemoAnchor[];
  /** 32-bit integer; the same seed gives byte-identical output. */
  seed: number;
  /** First and last month of the range, e.g. 2021-01 and 2025-12; each form is generated at its own frequency. */
  from: string;
  to: string;
}

/** One synthetic figure, as a decimal string rounded for its unit. */
export interface DemoRow {
  form: string;
  orgUnit: string;
  indicator: string;
  period: string;
  cumulative: boolean;
  value: string;
}
