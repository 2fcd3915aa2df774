import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../src/db/database.ts';
import { parsePeriod, periodBounds } from '../src/domain/period/period.ts';
import { closedPeriods } from '../src/domain/reporting/forms/form-periods.ts';
import { SYSTEM_ACTOR } from '../src/services/actor.ts';
import { importValues } from '../src/services/reporting/import/import.service.ts';
import { fileSource } from '../src/services/reporting/import/upload-source.ts';
import { withBenchDatabase } from './bench-database.ts';

const FORM = 'DEV_ZONE_MONTHLY';
/** Money columns arrive in 万元 and are converted to the indicators' 亿元/亿美元, as real files do. */
const COLUMNS = [
  { code: 'REVENUE', header: '营业收入(万元)', toStored: -4, scale: 10 },
  { code: 'INDUSTRIAL_OUTPUT', header: '工业总产值(万元)', toStored: -4, scale: 8 },
  { code: 'INDUSTRIAL_VA_ABOVE_SCALE', header: '规上工业增加值(万元)', toStored: -4, scale: 2 },
  { code: 'FAI', header: '固定资产投资(万元)', toStored: -4, scale: 3 },
  { code: 'TAX_REVENUE', header: '税收收入(万元)', toStored: -4, scale: 1 },
  { code: 'TRADE_TOTAL', header: '进出口总额(万元)', toStored: -4, scale: 4 },
  { code: 'FDI_ACTUAL', header: '实际利用外资(万美元)', toStored: -4, scale: 1 },
  { code: 'LAND_AREA_MU', header: '用地面积(亩)', toStored: 0, scale: 0 },
  { code: 'EMPLOYEES', header: '从业人员(人)', toStored: 0, scale: 0 },
  { code: 'RD_EXPENDITURE', header: '研发经费支出(万元)', toStored: -4, scale: 1 },
] as const;

/**
 * A deterministic figure with two decimals (in the file's unit) of a unit, month and column, that
 * passes the form's hard rules as a file that imports does: a year-to-date figure grows month by
 * month and restarts in January (scale × month), a part stays below its total (规上工业增加值 below
 * 工业总产值, 税收 below 营业收入), a stock (scale 0: 用地面积, 从业人员) keeps its size. Each year
 * repeats the last, so no figure changes year on year and the soft rules stay quiet too.
 */
function figure(unit: Unit, period: string, column: (typeof COLUMNS)[number]): string {
  const size = 1000 + ((unit.id * 7919) % 90_000);
  const month = Number(period.slice(5, 7));
  const whole = column.scale === 0 ? size : size * month * column.scale;
  return `${whole}.${String((unit.id + month) % 100).padStart(2, '0')}`;
}

interface Unit {
  id: number;
  code: string;
  name: string;
}

/** Synthetic development zones under 昆明, so that a million values have somewhere to go. */
async function addUnits(database: Database, count: number): Promise<Unit[]> {
  const parent = await database.db.selectFrom('org_unit').select('id').where('code', '=', 'YN-KM').executeTakeFirstOrThrow();
  const rows = Array.from({ length: count }, (_, i) => ({
    code: `ZN-BENCH-${String(i + 1).padStart(5, '0')}`,
    name: `基准测试开发区${String(i + 1).padStart(5, '0')}`,
    kind: 'development_zone',
    parent_id: parent.id,
  }));
  const units: Unit[] = [];
  for (let i = 0; i < rows.length; i += 1000)
    units.push(
      ...(await database.db
        .insertInto('org_unit')
        .values(rows.slice(i, i + 1000))
        .returning(['id', 'code', 'name'])
        .execute()),
    );
  return units;
}

/** Wide rows (one per unit and month, ten figures each) until `values` figures. */
function* wideRows(units: Unit[], periods: string[], values: number) {
  let n = 0;
  for (const period of periods)
    for (const unit of units) {
      if (n >= values) return;
      n += COLUMNS.length;
      yield { unit, period, cells: COLUMNS.map((c) => figure(unit, period, c)) };
    }
}

async function writeCsv(file: string, units: Unit[], periods: string[], values: number) {
  await pipeline(
    Readable.from(
      (function* () {
        yield `单位代码,期间,${COLUMNS.map((c) => c.header).join(',')}\n`;
        for (const r of wideRows(units, periods, values)) yield `${r.unit.code},${r.period},${r.cells.join(',')}\n`;
      })(),
    ),
    createWriteStream(file),
  );
}

async function writeXlsx(file: string, units: Unit[], periods: string[], values: number) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('开发区月报');
  ws.addRow(['单位代码', '期间', ...COLUMNS.map((c) => c.header)]).commit();
  for (const r of wideRows(units, periods, values)) ws.addRow([r.unit.code, r.period, ...r.cells.map(Number)]).commit();
  ws.commit();
  await wb.commit();
}

/** Long rows with names rather than codes, as a statistics bureau's export, padded to about `bytes`. */
async function writeLongCsv(file: string, units: Unit[], periods: string[], names: Map<string, string>, bytes: number) {
  let written = 0;
  await pipeline(
    Readable.from(
      (function* () {
        yield '单位名称,指标名称,期间,数值,计量单位\n';
        for (const period of periods)
          for (const unit of units)
            for (const c of COLUMNS) {
              if (written >= bytes) return;
              const line = `${unit.name},${names.get(c.code)},${period},${figure(unit, period, c)},${c.header.slice(c.header.indexOf('(') + 1, -1)}\n`;
              written += Buffer.byteLength(line);
              yield line;
            }
      })(),
    ),
    createWriteStream(file),
  );
}

/**
 * The baseline: the same figures as data_value rows, written to a file beforehand and COPYed into
 * data_value itself (same keys, indexes and foreign keys), then removed again.
 */
async function rawCopy(
  database: Database,
  file: string,
  units: Unit[],
  periods: string[],
  values: number,
  ids: Map<string, number>,
) {
  const bounds = new Map(periods.map((p) => [p, periodBounds(parsePeriod(p)!)]));
  const cumulative = new Set(['REVENUE', 'INDUSTRIAL_OUTPUT', 'INDUSTRIAL_VA_ABOVE_SCALE', 'FAI', 'TAX_REVENUE', 'TRADE_TOTAL']);
  await pipeline(
    Readable.from(
      (function* () {
        for (const r of wideRows(units, periods, values)) {
          const b = bounds.get(r.period)!;
          for (let i = 0; i < COLUMNS.length; i++) {
            const c = COLUMNS[i]!;
            const stored = new Decimal(r.cells[i]!).times(new Decimal(10).pow(c.toStored)).toFixed();
            yield `${r.unit.id}\t${ids.get(c.code)}\t${r.period}\tmonth\t${b.start}\t${b.end}\t${cumulative.has(c.code)}\treported\t${stored}\tdraft\n`;
          }
        }
      })(),
    ),
    createWriteStream(file),
  );
  const client = await database.pool!.connect();
  const t0 = performance.now();
  try {
    await pipeline(
      createReadStream(file),
      client.query(
        copyFrom(
          'COPY data_value (org_unit_id, indicator_id, period, period_kind, period_start, period_end, cumulative, origin, value, status) FROM STDIN',
        ),
      ),
    );
  } finally {
    client.release();
  }
  const ms = performance.now() - t0;
  await resetReported(database);
  return ms;
}

async function importFile(database: Database, file: string) {
  const source = await fileSource(file);
  const t0 = performance.now();
  const result = await importValues(database, SYSTEM_ACTOR, {
    form: FORM,
    fileName: path.basename(file),
    format: source.format,
    period: null,
    dryRun: false,
    rows: source.rows,
    sha256: source.sha256,
  });
  const ms = performance.now() - t0;
  if (!result.committed) throw new Error(`import failed: ${JSON.stringify(result.problems.slice(0, 5))}`);
  return { ms, result };
}

async function resetReported(database: Database) {
  await sql`delete from data_value where origin = 'reported'`.execute(database.db);
  await sql`delete from report_submission`.execute(database.db);
  await sql`delete from report_import`.execute(database.db);
  await database.exec('VACUUM ANALYZE data_value');
}

/** Runs the import of a large file in a child process and reads its peak resident memory. */
function peakMemory(url: string, file: string): Promise<{ maxRssMb: number; ms: number; values: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'import-memory.child.ts'), file], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child exited ${code}`))));
  });
}

/**
 * Reported figures through the whole import path (read, interpret, convert units, check, stage,
 * compare, write, audit) on PostgreSQL, from CSV and from .xlsx, against raw COPY of the same
 * rows; then the peak memory of importing a ~100 MB file in a separate process.
 */
export async function reportingImport(values: number, bigFileMb: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'plantrack-import-bench-'));
  try {
    return await withBenchDatabase(async (database, url) => {
      const today = new Date().toISOString().slice(0, 10);
      const periods = closedPeriods('month', '2021-01', today, 1000).sort();
      const rowsNeeded = Math.ceil(values / COLUMNS.length);
      const units = await addUnits(database, Math.max(Math.ceil(rowsNeeded / periods.length), 2500));
      const indicators = await database.db
        .selectFrom('indicator')
        .select(['id', 'code', 'name'])
        .where(
          'code',
          'in',
          COLUMNS.map((c) => c.code),
        )
        .execute();
      const ids = new Map(indicators.map((i) => [i.code, i.id]));
      const names = new Map(indicators.map((i) => [i.code, i.name]));
      const wideUnits = units.slice(0, Math.ceil(rowsNeeded / periods.length));

      const csvFile = path.join(dir, 'values.csv');
      const xlsxFile = path.join(dir, 'values.xlsx');
      await writeCsv(csvFile, wideUnits, periods, values);
      await writeXlsx(xlsxFile, wideUnits, periods, values);

      const copyMs = await rawCopy(database, path.join(dir, 'copy.tsv'), wideUnits, periods, values, ids);
      const csv = await importFile(database, csvFile);
      const stored = await database.db
        .selectFrom('data_value')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('origin', '=', 'reported')
        .executeTakeFirstOrThrow();
      await resetReported(database);
      const xlsx = await importFile(database, xlsxFile);
      await resetReported(database);

      const bigFile = path.join(dir, 'big.csv');
      await writeLongCsv(bigFile, units, periods, names, bigFileMb * 1024 * 1024);
      const big = await peakMemory(url, bigFile);
      const perSecond = (ms: number) => Math.round(values / (ms / 1000));
      return {
        description:
          'reported figures imported through the full path (read, interpret, unit conversion, checks, staging, compare, write, audit per submission) vs raw COPY of the same rows into the same table',
        values,
        storedValues: Number(stored.n),
        submissions: csv.result.counts.submissions,
        copyMs: Math.round(copyMs),
        csv: {
          ms: Math.round(csv.ms),
          valuesPerSecond: perSecond(csv.ms),
          ratioToCopy: Number((copyMs / csv.ms).toFixed(3)),
          fileMb: Number(((await stat(csvFile)).size / 1048576).toFixed(1)),
        },
        xlsx: {
          ms: Math.round(xlsx.ms),
          valuesPerSecond: perSecond(xlsx.ms),
          ratioToCopy: Number((copyMs / xlsx.ms).toFixed(3)),
          fileMb: Number(((await stat(xlsxFile)).size / 1048576).toFixed(1)),
        },
        copyValuesPerSecond: perSecond(copyMs),
        ratioMeaning: 'throughput of the import as a fraction of raw COPY (1.0 = as fast as COPY); target for CSV ≥ 0.3',
        bigFile: {
          fileMb: Number(((await stat(bigFile)).size / 1048576).toFixed(1)),
          values: big.values,
          ms: Math.round(big.ms),
          peakRssMb: big.maxRssMb,
          limitMb: 500,
        },
      };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
