/**
 * Text the platform accepts: no NUL (PostgreSQL text cannot hold it, and C tools stop at it) and
 * no lone UTF-16 surrogate (JSON's "\ud800" decodes to one; it has no UTF-8 form, so it cannot be
 * stored or sent back). Everything else is kept as written.
 */
export type TextFlaw = 'nul' | 'lone_surrogate';

/** The first flaw in a string, or null when it is well formed. */
export function textFlaw(s: string): TextFlaw | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return 'nul';
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return 'lone_surrogate';
    } else if (c >= 0xdc00 && c <= 0xdfff) return 'lone_surrogate';
  }
  return null;
}

export interface FlawedText {
  /** Where the text is: JSON-pointer-like path ("/values/0/indicator"), with "(key)" for a key. */
  path: string;
  flaw: TextFlaw;
}

/** Bounded so that a hostile document of deep nesting cannot overflow the stack here. */
const MAX_WALK_DEPTH = 256;

/**
 * The first ill-formed string anywhere in a parsed value (strings, object keys, array items),
 * depth first in document order; null when all text is well formed. Deeper than MAX_WALK_DEPTH
 * counts as a flaw of its own, so callers refuse rather than skip.
 */
export function findFlawedText(value: unknown, path = ''): FlawedText | { path: string; flaw: 'too_deep' } | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const v = item.value;
    if (typeof v === 'string') {
      const flaw = textFlaw(v);
      if (flaw) return { path: item.path || '/', flaw };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (item.depth >= MAX_WALK_DEPTH) return { path: item.path || '/', flaw: 'too_deep' };
    const children: { value: unknown; path: string; depth: number }[] = [];
    if (Array.isArray(v)) v.forEach((x, i) => children.push({ value: x, path: `${item.path}/${i}`, depth: item.depth + 1 }));
    else if (!ArrayBuffer.isView(v)) {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const keyFlaw = textFlaw(k);
        if (keyFlaw) return { path: `${item.path}/${escapeSegment(k)}(key)`, flaw: keyFlaw };
        children.push({ value: x, path: `${item.path}/${escapeSegment(k)}`, depth: item.depth + 1 });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}

/** A path segment shown in an error: flawed characters become visible escapes (\u0000, \ud800). */
export function escapeSegment(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      out += s[i]! + s[i + 1]!;
      i++;
    } else if (c === 0 || (c >= 0xd800 && c <= 0xdfff)) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += s[i]!;
  }
  return out;
}
