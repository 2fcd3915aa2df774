import { loadConfig, type AppConfig } from '../config/env.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { prepareDatabase } from '../services/prepare-database.service.ts';

/**
 * Runs a CLI command against the configured database, prepared by the same start sequence as
 * `serve` (so every command works on a fresh clone), except that it needs no administrator yet
 * and loads no synthetic demo figures.
 */
export async function withDatabase<T>(fn: (database: Database, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await prepareDatabase(database, { seedOnStart: config.seedOnStart, demoData: false }, { requireAdministrator: false });
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Plain aligned table for terminals; CJK characters count as two columns. */
export function printTable(headers: string[], rows: (string | number | null)[][]): void {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uFFEF]/.test(ch) ? 2 : 1), 0);
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  for (const r of cells) {
    process.stdout.write(
      `${r
        .map((c, i) => c + ' '.repeat(widths[i]! - width(c)))
        .join('  ')
        .trimEnd()}\n`,
    );
  }
}
