/** Where a figure was first given: the sheet's ordinal in the upload, 1-based row, 0-based column. */
export interface FigurePlace {
  sheet: number;
  row: number;
  column: number;
}

/**
 * Remembers each (period, unit, indicator, cumulative) figure of an upload once, to catch one given
 * twice. One small integer per figure maps to the ordinal of the figure, whose cell is kept in a
 * typed array: small integers stay unboxed in the Map, so a million figures cost tens of megabytes,
 * not hundreds.
 */
export interface FigureIndex {
  /** Null when the figure is new (it is then remembered at `at`), else where it was first given. */
  claim(org: number, item: number, period: string, cumulative: boolean, at: FigurePlace): FigurePlace | null;
}

const SHEET_FACTOR = 2 ** 44;
const ROW_FACTOR = 2 ** 14;

export function createFigureIndex(unitCount: number, itemCount: number): FigureIndex {
  const nUnits = Math.max(1, unitCount);
  const nItems = Math.max(1, itemCount);
  const periodIds = new Map<string, number>();
  const seen = new Map<number, number>();
  let firstCells = new Float64Array(1024);

  const figureKey = (org: number, item: number, period: string, cumulative: boolean): number => {
    let p = periodIds.get(period);
    if (p === undefined) periodIds.set(period, (p = periodIds.size));
    return ((p * nUnits + org) * nItems + item) * 2 + (cumulative ? 1 : 0);
  };

  return {
    claim(org, item, period, cumulative, at) {
      const key = figureKey(org, item, period, cumulative);
      const ordinal = seen.get(key);
      if (ordinal !== undefined) {
        const loc = firstCells[ordinal]!;
        const rest = loc % SHEET_FACTOR;
        return { sheet: Math.floor(loc / SHEET_FACTOR), row: Math.floor(rest / ROW_FACTOR), column: rest % ROW_FACTOR };
      }
      if (seen.size === firstCells.length) {
        const grown = new Float64Array(firstCells.length * 2);
        grown.set(firstCells);
        firstCells = grown;
      }
      firstCells[seen.size] = at.sheet * SHEET_FACTOR + at.row * ROW_FACTOR + at.column;
      seen.set(key, seen.size);
      return null;
    },
  };
}
