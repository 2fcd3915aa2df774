import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { errorResponseSchema } from '../presenters/page.schema.ts';
import { AppError } from './app-error.ts';
import { ERROR_CATALOGUE, ERROR_CODES, isErrorCode } from './error-catalogue.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** The text of the first argument of a call whose "(" is at `open`: up to the first top-level comma or ")". */
function firstArgument(text: string, open: number): string {
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) return text.slice(open + 1, i);
      depth--;
    } else if (c === ',' && depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** Every place in src that names an error code: `new AppError(code…` and hand-written `error: { code: … }` bodies. */
function codeSites(): { where: string; arg: string }[] {
  return sourceFiles(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const rel = path.relative(SRC, file);
    const line = (at: number) => `${rel}:${text.slice(0, at).split('\n').length}`;
    const constructed = [...text.matchAll(/new AppError\(/g)].map((m) => ({
      where: line(m.index),
      arg: firstArgument(text, m.index + m[0].length - 1).trim(),
    }));
    const bodies = [...text.matchAll(/error:\s*\{\s*code:\s*([^,}]+)/g)].map((m) => ({
      where: line(m.index),
      arg: m[1]!.trim(),
    }));
    return [...constructed, ...bodies];
  });
}

describe('the error catalogue', () => {
  it('gives every code a 4xx/5xx status and a non-empty message in English and Chinese', () => {
    assert.ok(ERROR_CODES.length > 50, 'the catalogue is loaded');
    for (const code of ERROR_CODES) {
      const { status, en, zh } = ERROR_CATALOGUE[code];
      assert.match(code, /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, `${code}: upper snake case`);
      assert.ok(status >= 400 && status <= 599, `${code}: status ${status} is not 4xx/5xx`);
      assert.ok(en.trim().length > 0, `${code}: no English message`);
      assert.ok(zh.trim().length > 0 && /[\u4e00-\u9fff]/.test(zh), `${code}: no Chinese message`);
    }
  });

  it('derives the status from the code and defaults the messages', () => {
    const e = new AppError('VERSION_CONFLICT');
    assert.equal(e.status, 409);
    assert.equal(e.message, ERROR_CATALOGUE.VERSION_CONFLICT.en);
    assert.equal(e.messageZh, ERROR_CATALOGUE.VERSION_CONFLICT.zh);
    const specific = new AppError('INVALID_PERIOD', 'row 3: "2024Q5" is not a period', '第 3 行：“2024Q5”不是有效期间', {
      row: 3,
    });
    assert.equal(specific.status, 400);
    assert.equal(specific.messageZh, '第 3 行：“2024Q5”不是有效期间');
    assert.deepEqual(specific.details, { row: 3 });
  });

  it('knows every code that src passes to AppError or writes into an error body', () => {
    const sites = codeSites();
    assert.ok(sites.length > 100, `found only ${sites.length} sites; the scan is broken`);
    const problems: string[] = [];
    for (const { where, arg } of sites) {
      if (/^\d/.test(arg)) problems.push(`${where}: a status as first argument (${arg}); the catalogue owns the status`);
      if (arg.includes('`')) problems.push(`${where}: a code built at run time (${arg}); name catalogue codes`);
      // Upper-case literals are codes; lower-case ones are the operands of a ternary (`role === 'lead' ? …`).
      for (const [, code] of arg.matchAll(/'([A-Z][A-Z0-9_]*)'/g))
        if (!isErrorCode(code!)) problems.push(`${where}: code '${code}' is not in src/errors/error-catalogue.ts`);
    }
    assert.deepEqual(problems, []);
  });

  it('catches a free-text code (the scan can fail)', () => {
    const text = "throw new AppError(flag ? 'NOT_FOUND' : 'NO_SUCH_THING', 'x', 'y');";
    const arg = firstArgument(text, text.indexOf('('));
    assert.equal(arg, "flag ? 'NOT_FOUND' : 'NO_SUCH_THING'");
    const unknown = [...arg.matchAll(/'([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1]!).filter((c) => !isErrorCode(c));
    assert.deepEqual(unknown, ['NO_SUCH_THING']);
  });

  it('is what the OpenAPI error schema enumerates', () => {
    assert.deepEqual(errorResponseSchema.shape.error.shape.code.options, ERROR_CODES);
    const parsed = errorResponseSchema.safeParse({ error: { code: 'NO_SUCH_THING', message: 'x', messageZh: 'x' } });
    assert.equal(parsed.success, false);
  });
});
