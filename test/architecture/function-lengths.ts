import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** A function's length: the lines of its body that hold code, declarative tables left out. */
export interface FunctionLength {
  /** Path from the repository root, with forward slashes. */
  file: string;
  /** The function's name, `Outer.inner` for one nested in another, `<anonymous>` when it has none. */
  name: string;
  line: number;
  lines: number;
}

/** Source files (.ts, .tsx) below `dir`, tests and declaration files excepted. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(p);
      } else if (/\.tsx?$/.test(e.name) && !/\.(test|d)\.tsx?$/.test(e.name)) out.push(relative(root, p).split('\\').join('/'));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

const isFunctionLike = (n: ts.Node): n is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(n) ||
  ts.isFunctionExpression(n) ||
  ts.isArrowFunction(n) ||
  ts.isMethodDeclaration(n) ||
  ts.isConstructorDeclaration(n) ||
  ts.isGetAccessorDeclaration(n) ||
  ts.isSetAccessorDeclaration(n);

/** An object or array literal with no function in it: data, however long. */
function isDeclarativeTable(n: ts.Node): boolean {
  if (!ts.isObjectLiteralExpression(n) && !ts.isArrayLiteralExpression(n)) return false;
  let hasFunction = false;
  const visit = (c: ts.Node): void => {
    if (hasFunction) return;
    if (isFunctionLike(c)) hasFunction = true;
    else ts.forEachChild(c, visit);
  };
  ts.forEachChild(n, visit);
  return !hasFunction;
}

function functionName(n: ts.FunctionLikeDeclaration): string {
  if (n.name && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name))) return n.name.text;
  if (ts.isConstructorDeclaration(n)) return 'constructor';
  const p = n.parent;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return p.name.text;
  if (ts.isCallExpression(p) && ts.isVariableDeclaration(p.parent) && ts.isIdentifier(p.parent.name)) return p.parent.name.text; // memo(() => …), forwardRef(…)
  return '<anonymous>';
}

/**
 * The length of every function in a file with a body. A function's lines are those of its body
 * (from its opening to its closing line) that hold code: blank and comment-only lines are not
 * counted, nor lines inside a declarative table (an object or array literal with no function in
 * it). Nested functions count in the function that holds them and are measured themselves too.
 */
export function functionLengths(file: string, text: string): FunctionLength[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const lineOf = (pos: number): number => source.getLineAndCharacterOfPosition(pos).line;
  // A line holds code unless it is blank or only a comment (a heuristic good enough to count by).
  const lines = text.split('\n');
  const isCode = (l: number): boolean => {
    const t = (lines[l] ?? '').trim();
    return t !== '' && !t.startsWith('//') && !t.startsWith('/*') && !t.startsWith('*') && !t.startsWith('{/*');
  };
  const tableLines = new Set<number>();
  const found: { name: string; line: number; body: ts.Node }[] = [];
  const visit = (n: ts.Node, outer: string | null): void => {
    if (isDeclarativeTable(n)) {
      // The literal's first and last lines carry code of their own (`const X = [`, `];`).
      for (let l = lineOf(n.getStart(source)) + 1; l < lineOf(n.getEnd()); l++) tableLines.add(l);
      return;
    }
    let name = outer;
    if (isFunctionLike(n) && n.body) {
      name = outer ? `${outer}.${functionName(n)}` : functionName(n);
      found.push({ name, line: lineOf(n.getStart(source)) + 1, body: n.body });
    }
    ts.forEachChild(n, (c) => visit(c, name));
  };
  visit(source, null);
  return found.map(({ name, line, body }) => {
    let n = 0;
    for (let l = lineOf(body.getStart(source)); l <= lineOf(body.getEnd()); l++) if (isCode(l) && !tableLines.has(l)) n++;
    return { file, name, line, lines: n };
  });
}

/** Functions over `limit` lines in the source files below `dirs` (paths from `root`), longest first. */
export function longFunctions(root: string, dirs: string[], limit: number): FunctionLength[] {
  return dirs
    .flatMap((d) => sourceFiles(root, d))
    .flatMap((f) => functionLengths(f, readFileSync(join(root, f), 'utf8')))
    .filter((f) => f.lines > limit)
    .sort((a, b) => b.lines - a.lines);
}
