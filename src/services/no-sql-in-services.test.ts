import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * All SQL lives in src/repositories (docs/architecture.md, issue 20): a service receives its repositories
 * as a deps object, so its rules are tested in milliseconds with in-memory fakes. This test fails when a
 * service file uses a Kysely builder or the `sql` tag.
 */

const SERVICES = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.resolve(SERVICES, '..');

/**
 * Files that still run SQL themselves, to be moved into repositories. The list only shrinks: a file
 * listed here that no longer uses SQL fails the test too, so moving it means deleting its line.
 */
const NOT_YET_MOVED = new Set<string>([]);

/** Kysely's query builders, and the `sql` tag and its helpers (sql`…`, sql<T>`…`, sql.raw(…), sql.ref(…)…). */
const SQL_PATTERNS: readonly RegExp[] = [
  /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|with)\(\s*['"`]/,
  /(^|[^\w$.])sql\s*(<[^`]*?>)?\s*`/m,
  /(^|[^\w$.])sql\.(raw|ref|lit|join|id|val|table)\(/m,
];

export function usesSql(text: string): boolean {
  return SQL_PATTERNS.some((re) => re.test(text));
}

function serviceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return serviceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

const files = serviceFiles(SERVICES).map((p) => ({
  name: path.relative(SRC, p).split(path.sep).join('/'),
  sql: usesSql(readFileSync(p, 'utf8')),
}));

describe('no SQL in services', () => {
  it('recognises builders and the sql tag, and not their names in prose', () => {
    assert.equal(usesSql("await trx.selectFrom('project').selectAll()"), true);
    assert.equal(usesSql("db\n  .deleteFrom('data_value')"), true);
    assert.equal(usesSql('const n = sql<number>`count(*)`;'), true);
    assert.equal(usesSql('await sql`select 1`.execute(db);'), true);
    assert.equal(usesSql("sql.ref('p.id')"), true);
    assert.equal(usesSql('await sql<{\n  id: number;\n  code: string;\n}>`select id, code from x`.execute(db);'), true);
    assert.equal(usesSql('// writeDraftValue calls upsertReportedDraft (SQL in the repository)'), false);
    assert.equal(usesSql('const mysql = 1; const sqlText = "x";'), false);
  });

  it('finds the service files', () => assert.ok(files.length > 20, `only ${files.length} files under src/services`));

  it('has no SQL outside the files not yet moved', () => {
    const offenders = files.filter((f) => f.sql && !NOT_YET_MOVED.has(f.name)).map((f) => f.name);
    assert.deepEqual(offenders, [], 'move these queries into src/repositories and pass them in a deps object');
  });

  it('lists only files that still use SQL (the list can only shrink)', () => {
    const present = new Map(files.map((f) => [f.name, f.sql]));
    const stale = [...NOT_YET_MOVED].filter((n) => present.get(n) !== true);
    assert.deepEqual(stale, [], 'these no longer use SQL (or are gone): delete them from NOT_YET_MOVED');
  });
});
