import { parsePeriod, periodBounds, type Period } from '../../domain/period/period.ts';

/** A period with its last day. */
export interface PeriodMark {
  text: string;
  end: string;
}

/** Period text → parsed, with its last day, memoised: millions of figures share a few dozen periods. */
const parsed = new Map<string, { period: Period; end: string }>();
export function periodOf(text: string): { period: Period; end: string } {
  let p = parsed.get(text);
  if (p === undefined) {
    const period = parsePeriod(text)!;
    parsed.set(text, (p = { period, end: periodBounds(period).end }));
  }
  return p;
}

/** The later of two periods; at the same end the finer one (2024-12 over 2024Q4 over 2024), so ties never depend on row order. */
export function later(a: PeriodMark | null, b: PeriodMark): PeriodMark {
  if (
    a === null ||
    b.end > a.end ||
    (b.end === a.end && (b.text.length > a.text.length || (b.text.length === a.text.length && b.text > a.text)))
  )
    return b;
  return a;
}

/**
 * What freshness reads of one unit's figures of one indicator, gathered once per question (from raw
 * figures one by one, or from precomputed years a row each) rather than per target.
 */
export class FigureMarks {
  lastUpdated: Date | null = null;
  lastPeriod: PeriodMark | null = null;
  cumulative = false;
  readonly periods = new Set<string>();
  private readonly latestByKind = new Map<Period['kind'], PeriodMark | null>();

  add(periods: readonly string[], updatedAt: Date, cumulative: boolean): void {
    if (this.lastUpdated === null || updatedAt > this.lastUpdated) this.lastUpdated = updatedAt;
    this.cumulative ||= cumulative;
    for (const text of periods) {
      this.periods.add(text);
      this.lastPeriod = later(this.lastPeriod, { text, end: periodOf(text).end });
    }
    this.latestByKind.clear();
  }

  /** The latest period of one frequency (month, quarter, year) with a figure. */
  latestOf(kind: Period['kind']): PeriodMark | null {
    if (!this.latestByKind.has(kind)) {
      let out: PeriodMark | null = null;
      for (const text of this.periods) {
        const p = periodOf(text);
        if (p.period.kind === kind) out = later(out, { text, end: p.end });
      }
      this.latestByKind.set(kind, out);
    }
    return this.latestByKind.get(kind)!;
  }
}
