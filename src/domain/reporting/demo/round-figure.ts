import { Decimal } from 'decimal.js';

/** Units counted in whole numbers: people, enterprises, items, 亩, 元 per head. */
const WHOLE = new Set(['人', '家', '个', '项', '户', '名', '柜', '亩', '元', '等级']);

/** Decimal places a figure in this unit is given with: 1 for %, 0 for counts, 2 for money and the rest. */
export function decimalsFor(unit: string): number {
  if (unit === '%' || unit === '百分点') return 1;
  return WHOLE.has(unit) ? 0 : 2;
}

/** Rounds half up to the unit's decimal places, never below zero. */
export function roundFigure(x: number, unit: string): Decimal {
  const d = new Decimal(Number.isFinite(x) ? Math.max(0, x) : 0);
  return d.toDecimalPlaces(decimalsFor(unit), Decimal.ROUND_HALF_UP);
}
