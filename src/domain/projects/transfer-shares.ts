import { Decimal } from 'decimal.js';

/** The project figures a transfer can share, and the catalogue indicator each one adds to. */
export const SHARED_INDICATORS = ['FAI', 'INDUSTRIAL_OUTPUT', 'TAX_REVENUE'] as const;
export type SharedIndicator = (typeof SHARED_INDICATORS)[number];

/** Which monthly project figure (万元) feeds which indicator. */
export const FIGURE_OF_INDICATOR: Readonly<Record<SharedIndicator, 'investment' | 'output' | 'tax'>> = {
  FAI: 'investment',
  INDUSTRIAL_OUTPUT: 'output',
  TAX_REVENUE: 'tax',
};

/** Shares in percent, as decimal strings: the origin's and the destination's. */
export interface SharePair {
  from: string;
  to: string;
}

export interface ShareProblem {
  field: string;
  message: string;
  messageZh: string;
}

const SHARE_RE = /^\d{1,3}(\.\d{1,4})?$/;

/**
 * A pair of shares is valid when each is a percentage between 0 and 100 with at most four decimals
 * and the two add up to exactly 100 (decimal arithmetic: 33.3333 + 66.6667 is 100, 33.33 + 66.66 is not).
 */
export function validateSharePair(pair: SharePair, field: string): ShareProblem[] {
  const out: ShareProblem[] = [];
  for (const side of ['from', 'to'] as const) {
    const v = pair[side];
    if (!SHARE_RE.test(v) || new Decimal(v).gt(100))
      out.push({
        field: `${field}.${side}`,
        message: `${field}.${side} must be a percentage between 0 and 100 with at most 4 decimals, got "${v}"`,
        messageZh: `${field}.${side} 须为 0 至 100 之间的百分比（最多 4 位小数），实为“${v}”`,
      });
  }
  if (out.length === 0 && !new Decimal(pair.from).plus(pair.to).eq(100))
    out.push({
      field,
      message: `${field}: shares ${pair.from} % + ${pair.to} % must add up to 100 %`,
      messageZh: `${field}：分成比例 ${pair.from}% + ${pair.to}% 之和须为 100%`,
    });
  return out;
}
