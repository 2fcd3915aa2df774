import { isAlias, isCollection, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import type { DefinitionError } from './definition-error.ts';

export interface StructuredTextLimits {
  /** Aliases after expansion: an alias of a node holding aliases counts them all again (the "billion laughs"). */
  maxAliases: number;
  /** Nesting of maps and sequences. */
  maxDepth: number;
}

export const DEFAULT_STRUCTURED_TEXT_LIMITS: StructuredTextLimits = { maxAliases: 100, maxDepth: 64 };

const limitError = (
  file: string | undefined,
  line: number,
  col: number,
  message: string,
  messageZh: string,
): DefinitionError => ({
  file,
  row: line,
  field: `(line ${line}, column ${col})`,
  message,
  messageZh,
});

/**
 * Flow brackets nested deeper than the limit, found in the raw text before the YAML parser sees
 * it: the parser's own regular expressions run out of memory on a few hundred thousand "[" and
 * take the process down. Quoted scalars and comments are skipped; the scan errs on the side of
 * refusing only text no plan file needs.
 */
export function tooDeepFlow(content: string, maxDepth: number, file?: string): DefinitionError | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
    } else if (ch === '#' && (i === 0 || /\s/.test(content[i - 1]!))) {
      while (i + 1 < content.length && content[i + 1] !== '\n') i++;
    } else if (ch === '"' || ch === "'") {
      for (i++; i < content.length && content[i] !== ch; i++) {
        if (ch === '"' && content[i] === '\\') i++;
        if (content[i] === '\n') {
          line++;
          lineStart = i + 1;
        }
      }
    } else if (ch === '[' || ch === '{') {
      if (++depth > maxDepth)
        return limitError(
          file,
          line,
          i - lineStart + 1,
          `nesting deeper than ${maxDepth} levels (PLANTRACK_MAX_YAML_DEPTH)`,
          `嵌套超过 ${maxDepth} 层（上限 PLANTRACK_MAX_YAML_DEPTH）`,
        );
    } else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return null;
}

/**
 * Walks a parsed document (iteratively: no recursion for a hostile depth to overflow) and finds
 * the first place past a limit: a map or sequence nested too deeply, or the alias at which the
 * expanded alias count passes maxAliases. Anchors precede their aliases, so an anchored node's
 * own count is known when an alias of it is met.
 */
export function structuredTextLimitError(
  doc: Document,
  lines: LineCounter,
  limits: StructuredTextLimits,
  file?: string,
): DefinitionError | null {
  const at = (node: Node | null | undefined) => lines.linePos(node?.range?.[0] ?? 0);
  /** Expanded aliases inside each finished collection (what an alias of it adds). */
  const inside = new Map<Node, number>();
  let total = 0;
  type Frame = { node: Node; depth: number; exit: boolean; before: number };
  const stack: Frame[] = doc.contents ? [{ node: doc.contents as Node, depth: 0, exit: false, before: 0 }] : [];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.exit) {
      inside.set(f.node, total - f.before);
      continue;
    }
    const node = f.node;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target && !inside.has(target) && !isScalar(target)) {
        const p = at(node);
        return limitError(file, p.line, p.col, 'an alias refers to the node that contains it', '别名引用了包含它自身的节点');
      }
      total += 1 + (target ? (inside.get(target) ?? 0) : 0);
      if (total > limits.maxAliases) {
        const p = at(node);
        return limitError(
          file,
          p.line,
          p.col,
          `more than ${limits.maxAliases} aliases once expanded (PLANTRACK_MAX_YAML_ALIASES)`,
          `别名展开后超过 ${limits.maxAliases} 个（上限 PLANTRACK_MAX_YAML_ALIASES）`,
        );
      }
      continue;
    }
    if (!isCollection(node)) continue;
    if (f.depth + 1 > limits.maxDepth) {
      const p = at(node);
      return limitError(
        file,
        p.line,
        p.col,
        `nesting deeper than ${limits.maxDepth} levels (PLANTRACK_MAX_YAML_DEPTH)`,
        `嵌套超过 ${limits.maxDepth} 层（上限 PLANTRACK_MAX_YAML_DEPTH）`,
      );
    }
    stack.push({ node, depth: f.depth, exit: true, before: total });
    const children: Node[] = [];
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        if (item.key && typeof item.key === 'object') children.push(item.key as Node);
        if (item.value && typeof item.value === 'object') children.push(item.value as Node);
      } else if (item && typeof item === 'object') children.push(item as Node);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: f.depth + 1, exit: false, before: 0 });
  }
  return null;
}
