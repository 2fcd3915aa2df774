/**
 * Imports one file into DATABASE_URL and prints its peak resident memory: run as a separate
 * process so that the figure is the import's alone.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.ts';
import { SYSTEM_ACTOR } from '../src/services/actor.ts';
import { importValues } from '../src/services/reporting/import/import.service.ts';
import { fileSource } from '../src/services/reporting/import/upload-source.ts';

const file = process.argv[2]!;
const database = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL! });
try {
  const source = await fileSource(file);
  const t0 = performance.now();
  const result = await importValues(database, SYSTEM_ACTOR, {
    form: 'DEV_ZONE_MONTHLY',
    fileName: 'big.csv',
    format: source.format,
    period: null,
    dryRun: false,
    rows: source.rows,
    sha256: source.sha256,
  });
  if (!result.committed) throw new Error(`import failed: ${JSON.stringify(result.problems.slice(0, 5))}`);
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ maxRssMb, ms: performance.now() - t0, values: result.counts.values }));
} finally {
  await database.close();
}
