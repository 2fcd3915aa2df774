import { Decimal } from 'decimal.js';
import { parsePeriod } from '../../period/period.ts';
import type { RuleNode } from './expression.ts';

/** Everything a rule may read about one submission of one org unit for one period. */
export interface RuleContext {
  /** Period being reported, e.g. 2024-06. */
  period: string;
  /** Values of this submission, by indicator code, as decimal strings in the indicator's unit. */
  current: Readonly<Record<string, string>>;
  /** The period before (for monthly forms: the month before), approved values. */
  previous?: { period: string; values: Readonly<Record<string, string>> };
  /** The same period one year earlier. */
  lastYear?: { period: string; values: Readonly<Record<string, string>> };
  /** The unit's own approved history of each indicator (same kind of period), oldest first. */
  history?: Readonly<Record<string, readonly string[]>>;
  /** Display names and units, for messages. */
  indicators?: Readonly<Record<string, { name: string; nameEn?: string; unit?: string }>>;
}

/** One figure behind a result, in both languages, for the finding's message. */
export interface Fact {
  en: string;
  zh: string;
}

export type RuleValue = Decimal | boolean | string | null;

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

/**
 * Evaluates a parsed rule in decimal. null means "cannot be decided" (an input is missing, a
 * base is zero, too little history): the rule is then skipped, never treated as 0 or as passing data.
 * Every figure read is pushed onto facts so that a failing rule can say which numbers broke it.
 */
export function evaluateRuleNode(node: RuleNode, ctx: RuleContext, facts: Fact[], bound?: string): RuleValue {
  const code = (n: RuleNode): string => {
    const c = (n as { code: string }).code;
    return c === 'value' && bound ? bound : c;
  };
  const label = (c: string) => ({ zh: ctx.indicators?.[c]?.name ?? c, en: c, unit: ctx.indicators?.[c]?.unit ?? '' });
  const note = (en: string, zh: string) => {
    if (!facts.some((f) => f.en === en)) facts.push({ en, zh });
  };
  const read = (
    c: string,
    values: Readonly<Record<string, string>> | undefined,
    period: string | undefined,
    tag: string,
    tagZh: string,
  ) => {
    const v = values?.[c];
    const l = label(c);
    const p = period ? ` ${period}` : '';
    if (v === undefined) {
      note(`${l.en}${tag}${p}: missing`, `${l.zh}${tagZh}${p}：缺失`);
      return null;
    }
    const d = new Decimal(v);
    note(`${l.en}${tag}${p} = ${fmt(d)}${l.unit ? ' ' + l.unit : ''}`, `${l.zh}${tagZh}${p}=${fmt(d)}${l.unit}`);
    return d;
  };
  const cur = (c: string) => read(c, ctx.current, ctx.period, '', '');
  const prev = (c: string) => read(c, ctx.previous?.values, ctx.previous?.period, ' (previous)', '（上期）');
  const ly = (c: string) => read(c, ctx.lastYear?.values, ctx.lastYear?.period, ' (same period last year)', '（上年同期）');
  const num = (n: RuleNode): Decimal | null => evaluateRuleNode(n, ctx, facts, bound) as Decimal | null;

  switch (node.kind) {
    case 'number':
      return new Decimal(node.value);
    case 'string':
      return node.value;
    case 'bool':
      return node.value;
    case 'ref':
      return cur(code(node));
    case 'neg': {
      const v = num(node.operand);
      return v && v.neg();
    }
    case 'not': {
      const v = evaluateRuleNode(node.operand, ctx, facts, bound);
      return v === null ? null : !v;
    }
    case 'arith': {
      const l = num(node.left);
      const r = num(node.right);
      if (!l || !r) return null;
      if (node.op === '+') return l.plus(r);
      if (node.op === '-') return l.minus(r);
      if (node.op === '*') return l.times(r);
      return r.isZero() ? null : l.dividedBy(r);
    }
    case 'compare': {
      const l = num(node.left);
      const r = num(node.right);
      if (!l || !r) return null;
      const c = l.comparedTo(r);
      return { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '==': c === 0, '!=': c !== 0 }[node.op];
    }
    case 'logic': {
      const l = evaluateRuleNode(node.left, ctx, facts, bound);
      if (node.op === 'and' && l === false) return false;
      if (node.op === 'or' && l === true) return true;
      const r = evaluateRuleNode(node.right, ctx, facts, bound);
      if (l === null || r === null) return node.op === 'and' ? (r === false ? false : null) : r === true ? true : null;
      return r;
    }
    case 'call':
      return call(node.name, node.args);
  }

  function call(name: string, args: RuleNode[]): RuleValue {
    const nums = () => args.map(num);
    switch (name) {
      case 'abs': {
        const [v] = nums();
        return v ? v.abs() : null;
      }
      case 'min':
      case 'max': {
        const [a, b] = nums();
        if (!a || !b) return null;
        return name === 'min' ? Decimal.min(a, b) : Decimal.max(a, b);
      }
      case 'sum': {
        const vs = nums();
        return vs.some((v) => !v) ? null : vs.reduce((s: Decimal, v) => s.plus(v!), new Decimal(0));
      }
      case 'previous':
        return prev(code(args[0]!));
      case 'last_year':
        return ly(code(args[0]!));
      case 'change':
      case 'yoy': {
        const c = code(args[0]!);
        const base = name === 'yoy' || (args[1] as { value: string }).value === 'last_year' ? ly(c) : prev(c);
        const now = cur(c);
        if (!now || !base || base.isZero()) return null;
        const ch = now.minus(base).dividedBy(base.abs());
        const what =
          name === 'yoy'
            ? 'year-on-year'
            : (args[1] as { value: string }).value === 'last_year'
              ? 'year-on-year'
              : 'period-on-period';
        const whatZh = what === 'year-on-year' ? '同比' : '环比';
        note(`${c} ${what} change = ${fmtPct(ch)}`, `${label(c).zh}${whatZh}变化${fmtPct(ch)}`);
        return ch;
      }
      case 'cumulative_non_decreasing': {
        const c = code(args[0]!);
        const p = parsePeriod(ctx.period);
        const pp = ctx.previous ? parsePeriod(ctx.previous.period) : null;
        if (!p) return null;
        // January (or a period in a new year) restarts the cumulative count: nothing to compare.
        if (p.kind === 'month' && p.month === 1) return true;
        if (!pp) return null;
        if (pp.year !== p.year) return true;
        const now = cur(c);
        const before = prev(c);
        if (!now || !before) return null;
        return now.greaterThanOrEqualTo(before);
      }
      case 'outlier':
      case 'magnitude_jump': {
        const c = code(args[0]!);
        const hist = (ctx.history?.[c] ?? []).map((v) => new Decimal(v));
        const now = cur(c);
        if (!now || hist.length < MIN_HISTORY) return null;
        const m = median(sortDec(hist));
        if (name === 'magnitude_jump') {
          if (m.isZero() || now.isZero()) return null;
          const ratio = now.dividedBy(m).abs();
          const jump = ratio.greaterThanOrEqualTo(JUMP_FACTOR) || ratio.lessThanOrEqualTo(new Decimal(1).dividedBy(JUMP_FACTOR));
          note(
            `${c} is ${fmt(ratio)}× the median ${fmt(m)} of its ${hist.length} past values`,
            `${label(c).zh}为本单位历史${hist.length}期中位数${fmt(m)}的${fmt(ratio)}倍`,
          );
          return jump;
        }
        const mad = median(sortDec(hist.map((h) => h.minus(m).abs())));
        if (mad.isZero()) return null;
        const z = MAD_SCALE.times(now.minus(m)).dividedBy(mad).abs();
        note(
          `${c} modified z-score = ${fmt(z)} (median ${fmt(m)}, MAD ${fmt(mad)} over ${hist.length} past values)`,
          `${label(c).zh}稳健离群分数=${fmt(z)}（历史${hist.length}期中位数${fmt(m)}，MAD ${fmt(mad)}）`,
        );
        return z;
      }
    }
    return null;
  }
}
