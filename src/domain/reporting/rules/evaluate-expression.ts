import { Decimal } from 'decimal.js';
import { callRuleFunction, fmt } from './rule-functions.ts';
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

export { fmt, fmtPct, JUMP_FACTOR, MIN_HISTORY } from './rule-functions.ts';

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
      return callRuleFunction(node.name, node.args, { ctx, code, label, note, cur, prev, ly, num });
  }
}
