/**
 * PlanTrack benchmarks. Every figure is reported beside a baseline measured in the same run,
 * as a ratio, because absolute times on a shared 2-core machine say little.
 * Usage: npm run bench [-- cold-start|bulk-insert|extraction|evaluation|reporting-import|progress|home|home-browser|reads]. Results: bench/results/*.json and latest.json.
 * BENCH_ROWS (default 1,000,000) sets the bulk-insert size; BENCH_IMPORT_VALUES (1,000,000) and
 * BENCH_IMPORT_BIG_FILE_MB (100) the reporting import's; BENCH_PROGRESS_SIZES (1000000,10000000), BENCH_PROGRESS_UNITS
 * (2,000), BENCH_PROGRESS_RUNS (30), BENCH_PROGRESS_WARMUPS (3) and BENCH_PROGRESS_CLIENTS (20) the progress API's;
 * TEST_DATABASE_URL the PostgreSQL server; BENCH_HOME_RUNS (10) the leader home's; BENCH_HOME_BROWSER_RUNS (5) each role's
 * home in Chromium (needs `node scripts/build.js web` first); BENCH_READS_SIZES (0,100000; 0 = the
 * demo data), BENCH_READS_UNITS (2,000) and BENCH_READS_RUNS (15) the comparison, map and evaluation reads'.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import { bulkInsert } from './bulk-insert.bench.ts';
import { coldStart } from './cold-start.bench.ts';
import { evaluation } from './evaluation.bench.ts';
import { extraction } from './extraction.bench.ts';
import { home } from './home.bench.ts';
import { homeBrowser } from './home-browser.bench.ts';
import { progress } from './progress.bench.ts';
import { reads } from './reads.bench.ts';
import { reportingImport } from './reporting-import.bench.ts';

const only = process.argv[2];
const results: Record<string, unknown> = { node: process.version, cpus: cpus().length };
if (!only || only === 'cold-start') results.coldStart = await coldStart();
if (!only || only === 'bulk-insert') results.bulkInsert = await bulkInsert(Number(process.env.BENCH_ROWS ?? 1_000_000));
if (!only || only === 'extraction') results.extraction = await extraction();
if (!only || only === 'evaluation') results.evaluation = await evaluation();
if (!only || only === 'reporting-import')
  results.reportingImport = await reportingImport(
    Number(process.env.BENCH_IMPORT_VALUES ?? 1_000_000),
    Number(process.env.BENCH_IMPORT_BIG_FILE_MB ?? 100),
  );
if (!only || only === 'progress')
  results.progress = await progress((process.env.BENCH_PROGRESS_SIZES ?? '1000000,10000000').split(',').map(Number), {
    units: Number(process.env.BENCH_PROGRESS_UNITS ?? 2_000),
    runs: Number(process.env.BENCH_PROGRESS_RUNS ?? 30),
    warmups: Number(process.env.BENCH_PROGRESS_WARMUPS ?? 3),
    clients: Number(process.env.BENCH_PROGRESS_CLIENTS ?? 20),
  });
if (!only || only === 'reads')
  results.reads = await reads((process.env.BENCH_READS_SIZES ?? '0,100000').split(',').map(Number), {
    units: Number(process.env.BENCH_READS_UNITS ?? 2_000),
    runs: Number(process.env.BENCH_READS_RUNS ?? 15),
    warmups: Number(process.env.BENCH_PROGRESS_WARMUPS ?? 3),
  });
if (!only || only === 'home') results.home = await home({ runs: Number(process.env.BENCH_HOME_RUNS ?? 10) });
if (!only || only === 'home-browser')
  results.homeBrowser = await homeBrowser({ runs: Number(process.env.BENCH_HOME_BROWSER_RUNS ?? 5) });

const dir = path.resolve(import.meta.dirname, 'results');
await mkdir(dir, { recursive: true });
const at = new Date().toISOString();
const json = JSON.stringify({ at, ...results }, null, 2);
await writeFile(path.join(dir, `bench-${at.replace(/[:.]/g, '-')}.json`), json);
await writeFile(path.join(dir, 'latest.json'), json);
process.stdout.write(`${json}\n`);
