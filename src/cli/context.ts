import { loadConfig, type AppConfig } from '../config/env.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { formatDefinitionError } from '../domain/plan-definition/definition-error.ts';
import { seedDemoAccounts } from '../services/demo-accounts.service.ts';
import { syncDatasetForms } from '../services/reporting/form-sync.service.ts';
import { syncIndustryChains } from '../services/industry-map/industry-chains.service.ts';
import { syncBuiltinSchemes } from '../services/evaluation/scheme.service.ts';
import { syncPublishedFigures } from '../services/published-figures.service.ts';
import { isEmpty, seedDataset } from '../services/seed.service.ts';

/**
 * Runs a CLI command against the configured database, migrated, and on an empty embedded
 * database seeded with the five plans just like `serve`, so every command works on a fresh clone.
 */
export async function withDatabase<T>(fn: (database: Database, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    if (config.seedOnStart && (await isEmpty(database))) {
      const seeded = await seedDataset(database);
      if (!seeded.ok) throw new Error(seeded.errors.map(formatDefinitionError).join('\n'));
    }
    if (config.seedOnStart) await syncDatasetForms(database);
    if (config.seedOnStart) await syncIndustryChains(database);
    if (config.seedOnStart) await syncBuiltinSchemes(database);
    if (config.seedOnStart) await syncPublishedFigures(database);
    if (database.kind === 'pglite') await seedDemoAccounts(database);
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
