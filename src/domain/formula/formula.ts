import { Decimal } from 'decimal.js';

/**
 * Formulas of derived indicators: + - * / and parentheses over decimal numbers and indicator
 * codes, e.g. "REVENUE * 10000 / LAND_AREA_MU". Parsed once into a tree, evaluated in decimal.
 */
export type FormulaNode =
  | { kind: 'number'; value: string }
  | { kind: 'ref'; code: string }
  | { kind: 'neg'; operand: FormulaNode }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode };

export class FormulaError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z][A-Za-z0-9_]*)|([-+*/()]))/y;

export function parseFormula(text: string): FormulaNode {
  const tokens: { text: string; kind: 'number' | 'ref' | 'op'; at: number }[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const rest = text.slice(TOKEN.lastIndex);
    if (/^\s*$/.test(rest)) break;
    const at = TOKEN.lastIndex + rest.length - rest.trimStart().length;
    const m = TOKEN.exec(text);
    if (!m) throw new FormulaError(`unexpected character at ${at + 1}`, `第${at + 1}个字符无法识别`, at);
    tokens.push(
      m[1] ? { text: m[1], kind: 'number', at } : m[2] ? { text: m[2], kind: 'ref', at } : { text: m[3]!, kind: 'op', at },
    );
  }
  let i = 0;
  const peek = () => tokens[i];
  const fail = (what: string, zh: string): never => {
    const at = peek()?.at ?? text.length;
    throw new FormulaError(`${what} at ${at + 1}`, `${zh}（第${at + 1}个字符）`, at);
  };
  const primary = (): FormulaNode => {
    const t = tokens[i++];
    if (!t) return fail('unexpected end of formula', '公式不完整');
    if (t.kind === 'number') return { kind: 'number', value: t.text };
    if (t.kind === 'ref') return { kind: 'ref', code: t.text };
    if (t.text === '-') return { kind: 'neg', operand: primary() };
    if (t.text === '(') {
      const inner = sum();
      if (peek()?.text !== ')') fail('missing )', '缺少右括号');
      i++;
      return inner;
    }
    i--;
    return fail(`unexpected "${t.text}"`, `多余的“${t.text}”`);
  };
  const product = (): FormulaNode => {
    let left = primary();
    while (peek()?.text === '*' || peek()?.text === '/') {
      const op = tokens[i++]!.text as '*' | '/';
      left = { kind: 'binary', op, left, right: primary() };
    }
    return left;
  };
  const sum = (): FormulaNode => {
    let left = product();
    while (peek()?.text === '+' || peek()?.text === '-') {
      const op = tokens[i++]!.text as '+' | '-';
      left = { kind: 'binary', op, left, right: product() };
    }
    return left;
  };
  const tree = sum();
  if (i < tokens.length) fail(`unexpected "${peek()!.text}"`, `多余的“${peek()!.text}”`);
  return tree;
}

/** Indicator codes a formula reads, in first-use order. */
export function formulaReferences(node: FormulaNode): string[] {
  const out = new Set<string>();
  const walk = (n: FormulaNode): void => {
    if (n.kind === 'ref') out.add(n.code);
    else if (n.kind === 'neg') walk(n.operand);
    else if (n.kind === 'binary') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return [...out];
}

/** Evaluates in decimal; null when an input is missing or a divisor is zero (never a silent 0). */
export function evaluateFormula(node: FormulaNode, values: ReadonlyMap<string, string>): Decimal | null {
  switch (node.kind) {
    case 'number':
      return new Decimal(node.value);
    case 'ref': {
      const v = values.get(node.code);
      return v === undefined ? null : new Decimal(v);
    }
    case 'neg': {
      const v = evaluateFormula(node.operand, values);
      return v === null ? null : v.neg();
    }
    case 'binary': {
      const l = evaluateFormula(node.left, values);
      const r = evaluateFormula(node.right, values);
      if (l === null || r === null) return null;
      if (node.op === '+') return l.plus(r);
      if (node.op === '-') return l.minus(r);
      if (node.op === '*') return l.times(r);
      return r.isZero() ? null : l.dividedBy(r);
    }
  }
}
