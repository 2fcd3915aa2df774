import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '../db/database.ts';
import { prepareDatabase } from './prepare-database.service.ts';
import { todayIso } from './reporting/form-context.ts';

/**
 * Writes the template new PGlite data directories start from (db/database.ts): an empty database brought
 * to the state `serve` brings it to on first start with the embedded defaults (seed and demo figures
 * on) — by the same prepareDatabase, so the two cannot differ — and beside it the month it was made in
 * (`<file>.month`; the demo projects are dated by it). No secret is in it: the audit key lives in a file
 * of each data directory, and the demo accounts' credentials are the published demo ones.
 */
export async function writePgliteTemplate(file: string): Promise<void> {
  const month = todayIso().slice(0, 7);
  const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  try {
    await prepareDatabase(database, { seedOnStart: true, demoData: true });
    const blob = await database.dumpDataDir!();
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, Buffer.from(await blob.arrayBuffer()));
    await writeFile(`${file}.month`, `${month}\n`);
  } finally {
    await database.close();
  }
}
