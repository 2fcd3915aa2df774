import { Decimal } from 'decimal.js';

/**
 * The one expression language of the platform, in two dialects: validation rules (grammar in
 * docs/validation-rules.md) and the formulas of derived indicators (its arithmetic part). A
 * hand-written tokenizer and recursive-descent parser into a tree, evaluated in decimal by the
 * callers. Types (number, boolean, text) are checked at parse time so that a stored rule that could
 * never evaluate is rejected when it is saved, not when a reporter submits.
 */
export type ExpressionNode =
  | { kind: 'number'; value: string; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'ref'; code: string }
  | { kind: 'call'; name: FunctionName; args: ExpressionNode[] }
  | { kind: 'neg'; operand: ExpressionNode }
  | { kind: 'not'; operand: ExpressionNode }
  | { kind: 'arith'; op: '+' | '-' | '*' | '/'; left: ExpressionNode; right: ExpressionNode }
  | { kind: 'compare'; op: CompareOp; left: ExpressionNode; right: ExpressionNode }
  | { kind: 'logic'; op: 'and' | 'or'; left: ExpressionNode; right: ExpressionNode };

export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type ValueType = 'number' | 'boolean' | 'string';

export const BASES = ['previous', 'last_year'] as const;

/** Function signatures: 'indicator' means a bare indicator code (or `value`). */
const FUNCTIONS = {
  abs: { params: ['number'], returns: 'number' },
  min: { params: ['number', 'number'], returns: 'number' },
  max: { params: ['number', 'number'], returns: 'number' },
  sum: { params: ['number'], variadic: true, returns: 'number' },
  previous: { params: ['indicator'], returns: 'number' },
  last_year: { params: ['indicator'], returns: 'number' },
  change: { params: ['indicator', 'base'], returns: 'number' },
  yoy: { params: ['indicator'], returns: 'number' },
  cumulative_non_decreasing: { params: ['indicator'], returns: 'boolean' },
  outlier: { params: ['indicator'], returns: 'number' },
  magnitude_jump: { params: ['indicator'], returns: 'boolean' },
} as const satisfies Record<string, { params: readonly string[]; variadic?: boolean; returns: ValueType }>;
export type FunctionName = keyof typeof FUNCTIONS;

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
    readonly position: number,
  ) {
    super(message);
  }
}

type Token = { kind: 'number' | 'string' | 'ident' | 'op'; text: string; at: number };
const TOKEN = /\s*(?:(\d+(?:\.\d+)?%?)|'([^']*)'|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|==|!=|[-+*/(),<>]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const rest = text.slice(TOKEN.lastIndex);
    if (/^\s*$/.test(rest)) break;
    const at = TOKEN.lastIndex + rest.length - rest.trimStart().length;
    const m = TOKEN.exec(text);
    if (!m) throw new ExpressionError(`unexpected character at ${at + 1}`, `第${at + 1}个字符无法识别`, at);
    if (m[1]) tokens.push({ kind: 'number', text: m[1], at });
    else if (m[2] !== undefined) tokens.push({ kind: 'string', text: m[2], at });
    else if (m[3]) tokens.push({ kind: 'ident', text: m[3], at });
    else tokens.push({ kind: 'op', text: m[4]!, at });
  }
  return tokens;
}

/**
 * 'rule': the whole validation-rule language (conditions, functions, 'text', 12%).
 * 'arithmetic': the formulas of derived indicators, + - * / and parentheses over numbers and
 * indicator codes only; anything else is refused where it stands.
 */
export type Dialect = 'rule' | 'arithmetic';

export function parseExpression(text: string, dialect: Dialect): ExpressionNode {
  const tokens = tokenize(text);
  const arithmetic = dialect === 'arithmetic';
  let i = 0;
  const peek = () => tokens[i];
  const failAt = (at: number, what: string, zh: string): never => {
    throw new ExpressionError(`${what} at ${at + 1}`, `${zh}（第${at + 1}个字符）`, at);
  };
  const fail = (what: string, zh: string): never => failAt(peek()?.at ?? text.length, what, zh);
  const expect = (at: number, node: ExpressionNode, type: ValueType): ExpressionNode => {
    const actual = typeOf(node);
    if (actual !== type) failAt(at, `expected a ${type}, found a ${actual}`, `此处应为${ZH_TYPE[type]}，实为${ZH_TYPE[actual]}`);
    return node;
  };
  const isKeyword = (word: string) => peek()?.kind === 'ident' && peek()!.text === word;
  const isOp = (op: string) => peek()?.kind === 'op' && peek()!.text === op;

  const call = (name: string, at: number): ExpressionNode => {
    if (!(name in FUNCTIONS)) failAt(at, `unknown function ${name}`, `未知函数 ${name}`);
    const fn = FUNCTIONS[name as FunctionName];
    const args: ExpressionNode[] = [];
    i++; // (
    if (!isOp(')')) {
      for (;;) {
        const argAt = peek()?.at ?? text.length;
        const p: string = fn.params[Math.min(args.length, fn.params.length - 1)] ?? 'number';
        if (args.length >= fn.params.length && !('variadic' in fn))
          failAt(argAt, `too many arguments to ${name}`, `函数 ${name} 参数过多`);
        if (p === 'indicator') {
          const t = tokens[i];
          if (t?.kind !== 'ident' || tokens[i + 1]?.text === '(')
            failAt(argAt, `${name} needs an indicator code`, `函数 ${name} 需要指标代码`);
          args.push({ kind: 'ref', code: tokens[i++]!.text });
        } else if (p === 'base') {
          const t = tokens[i];
          if (t?.kind !== 'string' || !(BASES as readonly string[]).includes(t.text)) {
            failAt(argAt, `${name} needs 'previous' or 'last_year'`, `函数 ${name} 的比较基期应为 'previous' 或 'last_year'`);
          }
          args.push({ kind: 'string', value: tokens[i++]!.text });
        } else {
          args.push(expect(argAt, or(), 'number'));
        }
        if (!isOp(',')) break;
        i++;
      }
    }
    if (!isOp(')')) fail('missing )', '缺少右括号');
    i++;
    if (args.length < fn.params.length)
      failAt(at, `${name} needs ${fn.params.length} argument(s)`, `函数 ${name} 需要 ${fn.params.length} 个参数`);
    return { kind: 'call', name: name as FunctionName, args };
  };

  const primary = (): ExpressionNode => {
    const t = tokens[i++];
    if (!t) return fail('unexpected end of expression', '表达式不完整');
    if (arithmetic && (t.kind === 'string' || t.text.endsWith('%') || (t.kind === 'ident' && isOp('(')))) {
      i--;
      return fail(`unexpected "${t.text}"`, `多余的“${t.text}”`);
    }
    if (t.kind === 'number') {
      const pct = t.text.endsWith('%');
      const value = pct ? new Decimal(t.text.slice(0, -1)).dividedBy(100).toFixed() : t.text;
      return { kind: 'number', value, text: t.text };
    }
    if (t.kind === 'string') return { kind: 'string', value: t.text };
    if (t.kind === 'ident') {
      if (!arithmetic && (t.text === 'true' || t.text === 'false')) return { kind: 'bool', value: t.text === 'true' };
      if (isOp('(')) return call(t.text, t.at);
      return { kind: 'ref', code: t.text };
    }
    if (t.text === '(') {
      const inner = top();
      if (!isOp(')')) fail('missing )', '缺少右括号');
      i++;
      return inner;
    }
    i--;
    return fail(`unexpected "${t.text}"`, `多余的“${t.text}”`);
  };
  const unary = (): ExpressionNode => {
    if (isOp('-')) {
      const at = tokens[i++]!.at;
      return { kind: 'neg', operand: expect(at, unary(), 'number') };
    }
    return primary();
  };
  const binaryLevel = (next: () => ExpressionNode, ops: string[]) => (): ExpressionNode => {
    let left = next();
    while (peek()?.kind === 'op' && ops.includes(peek()!.text)) {
      const t = tokens[i++]!;
      expect(t.at, left, 'number');
      const right = expect(peek()?.at ?? text.length, next(), 'number');
      left = { kind: 'arith', op: t.text as '+', left, right };
    }
    return left;
  };
  const product = binaryLevel(unary, ['*', '/']);
  const sum = binaryLevel(product, ['+', '-']);
  const comparison = (): ExpressionNode => {
    const left = sum();
    const t = peek();
    if (t?.kind === 'op' && ['<', '<=', '>', '>=', '==', '!='].includes(t.text)) {
      i++;
      expect(t.at, left, 'number');
      const right = expect(peek()?.at ?? text.length, sum(), 'number');
      return { kind: 'compare', op: t.text as CompareOp, left, right };
    }
    return left;
  };
  const negation = (): ExpressionNode => {
    if (isKeyword('not')) {
      const at = tokens[i++]!.at;
      return { kind: 'not', operand: expect(at, negation(), 'boolean') };
    }
    return comparison();
  };
  const logic = (next: () => ExpressionNode, word: 'and' | 'or') => (): ExpressionNode => {
    let left = next();
    while (isKeyword(word)) {
      const at = tokens[i++]!.at;
      expect(at, left, 'boolean');
      left = { kind: 'logic', op: word, left, right: expect(peek()?.at ?? text.length, next(), 'boolean') };
    }
    return left;
  };
  const and = logic(negation, 'and');
  const or: () => ExpressionNode = logic(and, 'or');
  const top = arithmetic ? sum : or;

  const tree = top();
  if (i < tokens.length) fail(`unexpected "${peek()!.text}"`, `多余的“${peek()!.text}”`);
  return tree;
}

const ZH_TYPE: Record<ValueType, string> = { number: '数值', boolean: '条件', string: '文本' };

export function typeOf(node: ExpressionNode): ValueType {
  switch (node.kind) {
    case 'number':
    case 'ref':
    case 'neg':
    case 'arith':
      return 'number';
    case 'string':
      return 'string';
    case 'call':
      return FUNCTIONS[node.name].returns;
    default:
      return 'boolean';
  }
}

/** Indicator codes an expression reads, in first-use order (`value` included when used). */
export function expressionReferences(node: ExpressionNode): string[] {
  const out = new Set<string>();
  const walk = (n: ExpressionNode): void => {
    if (n.kind === 'ref') out.add(n.code);
    else if (n.kind === 'call') n.args.forEach(walk);
    else if (n.kind === 'neg' || n.kind === 'not') walk(n.operand);
    else if (n.kind === 'arith' || n.kind === 'compare' || n.kind === 'logic') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return [...out];
}
