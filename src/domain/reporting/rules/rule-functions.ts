import { Decimal } from 'decimal.js';
import { parsePeriod } from '../../period/period.ts';
import type { RuleContext, RuleValue } from './evaluate-expression.ts';
import type { RuleNode } from './expression.ts';

/** Modified z-score constant (Iglewicz & Hoaglin): 0.6745 ≈ Φ⁻¹(0.75). */
const MAD_SCALE = new Decimal('0.6745');
/** Fewest history points for outlier() and magnitude_jump(). */
export const MIN_HISTORY = 5;
/** A value this many times off the unit's median (either way) counts as a magnitude jump. */
export const JUMP_FACTOR = new Decimal(1000);

export const fmt = (d: Decimal): string => d.toDecimalPlaces(4).toFixed();
export const fmtPct = (d: Decimal): string => `${d.times(100).toDecimalPlaces(1).toFixed()}%`;

function median(sorted: Decimal[]): Decimal {
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  return n % 2 ? sorted[mid]! : sorted[mid - 1]!.plus(sorted[mid]!).dividedBy(2);
}
const sortDec = (xs: Decimal[]) => [...xs].sort((a, b) => a.comparedTo(b));

/** How a rule function reads its inputs: figures of this, the previous and last year's period, each noted as a fact. */
export interface RuleReader {
  ctx: RuleContext;
  /** The indicator a reference names (`value` is the indicator the rule is bound to). */
  code(n: RuleNode): string;
  label(c: string): { zh: string; en: string; unit: string };
  /** Whether facts are being noted (evaluate-expression.ts): when not, none need be formatted. */
  readonly noting: boolean;
  /** Adds a fact behind the result, once. */
  note(en: string, zh: string): void;
  cur(c: string): Decimal | null;
  prev(c: string): Decimal | null;
  ly(c: string): Decimal | null;
  num(n: RuleNode): Decimal | null;
}

/** A call's arguments as numbers. Not a closure in callRuleFunction: one made per call (tsx names each) was a tenth of an import's checks. */
function numbers(args: RuleNode[], r: RuleReader): (Decimal | null)[] {
  return args.map((a) => r.num(a));
}

/** A call in a rule (abs, min, max, sum, previous, last_year, change, yoy, cumulative_non_decreasing, outlier, magnitude_jump). */
export function callRuleFunction(name: string, args: RuleNode[], r: RuleReader): RuleValue {
  const { ctx } = r;
  switch (name) {
    case 'abs': {
      const [v] = numbers(args, r);
      return v ? v.abs() : null;
    }
    case 'min':
    case 'max': {
      const [a, b] = numbers(args, r);
      if (!a || !b) return null;
      return name === 'min' ? Decimal.min(a, b) : Decimal.max(a, b);
    }
    case 'sum': {
      const vs = numbers(args, r);
      return vs.some((v) => !v) ? null : vs.reduce((s: Decimal, v) => s.plus(v!), new Decimal(0));
    }
    case 'previous':
      return r.prev(r.code(args[0]!));
    case 'last_year':
      return r.ly(r.code(args[0]!));
    case 'change':
    case 'yoy': {
      const c = r.code(args[0]!);
      const base = name === 'yoy' || (args[1] as { value: string }).value === 'last_year' ? r.ly(c) : r.prev(c);
      const now = r.cur(c);
      if (!now || !base || base.isZero()) return null;
      const ch = now.minus(base).dividedBy(base.abs());
      const what =
        name === 'yoy'
          ? 'year-on-year'
          : (args[1] as { value: string }).value === 'last_year'
            ? 'year-on-year'
            : 'period-on-period';
      const whatZh = what === 'year-on-year' ? '同比' : '环比';
      if (r.noting) r.note(`${c} ${what} change = ${fmtPct(ch)}`, `${r.label(c).zh}${whatZh}变化${fmtPct(ch)}`);
      return ch;
    }
    case 'cumulative_non_decreasing': {
      const c = r.code(args[0]!);
      const p = parsePeriod(ctx.period);
      const pp = ctx.previous ? parsePeriod(ctx.previous.period) : null;
      if (!p) return null;
      // January (or a period in a new year) restarts the cumulative count: nothing to compare.
      if (p.kind === 'month' && p.month === 1) return true;
      if (!pp) return null;
      if (pp.year !== p.year) return true;
      const now = r.cur(c);
      const before = r.prev(c);
      if (!now || !before) return null;
      return now.greaterThanOrEqualTo(before);
    }
    case 'outlier':
    case 'magnitude_jump': {
      const c = r.code(args[0]!);
      const hist = (ctx.history?.[c] ?? []).map((v) => new Decimal(v));
      const now = r.cur(c);
      if (!now || hist.length < MIN_HISTORY) return null;
      const m = median(sortDec(hist));
      if (name === 'magnitude_jump') {
        if (m.isZero() || now.isZero()) return null;
        const ratio = now.dividedBy(m).abs();
        const jump = ratio.greaterThanOrEqualTo(JUMP_FACTOR) || ratio.lessThanOrEqualTo(new Decimal(1).dividedBy(JUMP_FACTOR));
        if (r.noting)
          r.note(
            `${c} is ${fmt(ratio)}× the median ${fmt(m)} of its ${hist.length} past values`,
            `${r.label(c).zh}为本单位历史${hist.length}期中位数${fmt(m)}的${fmt(ratio)}倍`,
          );
        return jump;
      }
      const mad = median(sortDec(hist.map((h) => h.minus(m).abs())));
      if (mad.isZero()) return null;
      const z = MAD_SCALE.times(now.minus(m)).dividedBy(mad).abs();
      if (r.noting)
        r.note(
          `${c} modified z-score = ${fmt(z)} (median ${fmt(m)}, MAD ${fmt(mad)} over ${hist.length} past values)`,
          `${r.label(c).zh}稳健离群分数=${fmt(z)}（历史${hist.length}期中位数${fmt(m)}，MAD ${fmt(mad)}）`,
        );
      return z;
    }
  }
  return null;
}
