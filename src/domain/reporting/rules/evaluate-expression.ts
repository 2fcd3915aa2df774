import { Decimal } from 'decimal.js';
import { boundedMemo } from '../../memo/bounded-memo.ts';
import { callRuleFunction, fmt, type RuleReader } from './rule-functions.ts';
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
 * Every figure read is pushed onto facts so that a failing rule can say which numbers broke it; with
 * facts null nothing is noted (a rule that holds needs no facts, and formatting them was a third of an
 * import's rule checks: evaluate-rules.ts notes them only for a rule that fails or cannot be decided).
 */
export function evaluateRuleNode(node: RuleNode, ctx: RuleContext, facts: Fact[] | null, bound?: string): RuleValue {
  return evaluateNode(node, new Reader(ctx, facts, bound));
}

/**
 * The reader of one evaluation, made once per rule and not per node, as a class so that no closure
 * is made per evaluation: an import checks every submission of a file (100,000 for a million
 * figures), and closures made at every node of every rule were most of its time.
 */
class Reader implements RuleReader {
  constructor(
    readonly ctx: RuleContext,
    private readonly facts: Fact[] | null,
    private readonly bound: string | undefined,
  ) {}

  get noting(): boolean {
    return this.facts !== null;
  }

  code(n: RuleNode): string {
    const c = (n as { code: string }).code;
    return c === 'value' && this.bound ? this.bound : c;
  }

  label(c: string) {
    const i = this.ctx.indicators?.[c];
    return { zh: i?.name ?? c, en: c, unit: i?.unit ?? '' };
  }

  note(en: string, zh: string): void {
    if (!this.facts) return;
    for (const f of this.facts) if (f.en === en) return;
    this.facts.push({ en, zh });
  }

  private read(
    c: string,
    values: Readonly<Record<string, string>> | undefined,
    period: string | undefined,
    tag: string,
    tagZh: string,
  ): Decimal | null {
    const v = values?.[c];
    if (!this.facts) return v === undefined ? null : new Decimal(v);
    const l = this.label(c);
    const p = period ? ` ${period}` : '';
    if (v === undefined) {
      this.note(`${l.en}${tag}${p}: missing`, `${l.zh}${tagZh}${p}：缺失`);
      return null;
    }
    const d = new Decimal(v);
    const shown = fmt(d);
    this.note(`${l.en}${tag}${p} = ${shown}${l.unit ? ' ' + l.unit : ''}`, `${l.zh}${tagZh}${p}=${shown}${l.unit}`);
    return d;
  }

  cur(c: string): Decimal | null {
    return this.read(c, this.ctx.current, this.ctx.period, '', '');
  }

  prev(c: string): Decimal | null {
    return this.read(c, this.ctx.previous?.values, this.ctx.previous?.period, ' (previous)', '（上期）');
  }

  ly(c: string): Decimal | null {
    return this.read(c, this.ctx.lastYear?.values, this.ctx.lastYear?.period, ' (same period last year)', '（上年同期）');
  }

  num(n: RuleNode): Decimal | null {
    return evaluateNode(n, this) as Decimal | null;
  }
}

/** A rule's literals, made once: Decimals are immutable, and an import reads the same few in every submission. */
const literal = boundedMemo(1000, (text: string) => new Decimal(text));

function evaluateNode(node: RuleNode, r: RuleReader): RuleValue {
  switch (node.kind) {
    case 'number':
      return literal(node.value);
    case 'string':
      return node.value;
    case 'bool':
      return node.value;
    case 'ref':
      return r.cur(r.code(node));
    case 'neg': {
      const v = r.num(node.operand);
      return v && v.neg();
    }
    case 'not': {
      const v = evaluateNode(node.operand, r);
      return v === null ? null : !v;
    }
    case 'arith': {
      const left = r.num(node.left);
      const right = r.num(node.right);
      if (!left || !right) return null;
      if (node.op === '+') return left.plus(right);
      if (node.op === '-') return left.minus(right);
      if (node.op === '*') return left.times(right);
      return right.isZero() ? null : left.dividedBy(right);
    }
    case 'compare': {
      const left = r.num(node.left);
      const right = r.num(node.right);
      if (!left || !right) return null;
      const c = left.comparedTo(right);
      return { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '==': c === 0, '!=': c !== 0 }[node.op];
    }
    case 'logic': {
      const left = evaluateNode(node.left, r);
      if (node.op === 'and' && left === false) return false;
      if (node.op === 'or' && left === true) return true;
      const right = evaluateNode(node.right, r);
      if (left === null || right === null)
        return node.op === 'and' ? (right === false ? false : null) : right === true ? true : null;
      return right;
    }
    case 'call':
      return callRuleFunction(node.name, node.args, r);
  }
}
