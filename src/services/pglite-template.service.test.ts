import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../db/database.ts';
import { writePgliteTemplate } from './pglite-template.service.ts';

async function count(dataDir: string, template: string, table: 'plan' | 'data_value'): Promise<number | null> {
  const database = await openDatabase({ kind: 'pglite', dataDir, template });
  try {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(database.db);
    return rows[0]!.n;
  } catch {
    return null; // no such table: the directory was made from scratch, not migrated yet
  } finally {
    await database.close();
  }
}

describe('new embedded data directories from the template', () => {
  let dir: string;
  let template: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'plantrack-template-'));
    template = path.join(dir, 'template', 'data.tar.gz');
    await writePgliteTemplate(template);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('is the state a first start reaches: migrated, the five plans, the demo figures, stamped with this month', async () => {
    assert.equal((await readFile(`${template}.month`, 'utf8')).trim(), new Date().toISOString().slice(0, 7));
    const fresh = path.join(dir, 'fresh');
    assert.equal(await count(fresh, template, 'plan'), 5);
    assert.ok((await count(fresh, template, 'data_value'))! > 1000);
  });

  it('never replaces a directory that exists: what was written there stays', async () => {
    const existing = path.join(dir, 'existing');
    const database = await openDatabase({ kind: 'pglite', dataDir: existing, template });
    await sql`DELETE FROM data_value`.execute(database.db);
    await database.close();
    assert.equal(await count(existing, template, 'data_value'), 0);
  });

  it('is not used when it was built in another month (the demo projects are dated by it)', async () => {
    const old = path.join(dir, 'old', 'data.tar.gz');
    await mkdir(path.dirname(old));
    await copyFile(template, old);
    await writeFile(`${old}.month`, '2000-01\n');
    assert.equal(await count(path.join(dir, 'from-scratch'), old, 'plan'), null);
  });
});
