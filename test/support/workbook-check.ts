import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Decimal } from 'decimal.js';
import { parse } from 'yaml';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { loginAs, request } from './server.ts';

/**
 * Issue 18, "Done when": real zone workbooks kept aside, checked through the import API. A directory
 * test/external/workbooks-<name>/ holds the files as the statisticians sent them and expected.yaml,
 * written by a person reading each file before PlanTrack was run on it:
 *
 *   form: DEV_ZONE_MONTHLY
 *   uploader: hh.reporter          # a demo account whose scope covers the files (default: the administrator)
 *   files:
 *     - file: 红河州2024年6月.xlsx
 *       period: 2024-06            # only when neither the file nor its name says it
 *       accept: true
 *       values:                    # every figure the file states
 *         - { orgUnit: ZN-HH-MENGZI, indicator: REVENUE, period: 2024-06, value: '120.5' }
 *     - file: 坏表.xlsx
 *       accept: false              # must be refused whole
 *
 * Each file is imported (committed, into the test's own database); a figure counts as exact when the stored
 * reported figure of that unit, indicator and period has the same value (numerically) — the preview lists only
 * 500 changes. A file to refuse must be answered 422.
 */
export interface ExpectedWorkbooks {
  form: string;
  uploader?: string;
  files: {
    file: string;
    period?: string;
    accept: boolean;
    values?: { orgUnit: string; indicator: string; period: string; value: string }[];
  }[];
}

export interface WorkbookCheck {
  dir: string;
  values: number;
  exact: number;
  /** Files to refuse that were refused, of all files to refuse. */
  refused: number;
  toRefuse: number;
  /** One line per figure or file that went wrong, to read. */
  misses: string[];
}

export const EXTERNAL_DIR = path.join(import.meta.dirname, '..', 'external');

/** The workbooks-* directories with an expected.yaml under a folder. */
export function workbookDirs(root = EXTERNAL_DIR): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => d.startsWith('workbooks-') && existsSync(path.join(root, d, 'expected.yaml')))
    .map((d) => path.join(root, d))
    .sort();
}

export async function checkWorkbooks(server: { url: string; database: Database }, dir: string): Promise<WorkbookCheck> {
  const expected = parse(readFileSync(path.join(dir, 'expected.yaml'), 'utf8')) as ExpectedWorkbooks;
  const auth = expected.uploader ? await loginAs(server.url, expected.uploader) : undefined;
  const out: WorkbookCheck = { dir: path.basename(dir), values: 0, exact: 0, refused: 0, toRefuse: 0, misses: [] };
  for (const f of expected.files) {
    const query = new URLSearchParams({ fileName: f.file, ...(f.period ? { period: f.period } : {}) });
    const body = new Uint8Array(readFileSync(path.join(dir, f.file)));
    const res = await request(server.url, 'POST', `/api/v1/forms/${expected.form}/imports?${query}`, { auth, body });
    if (!f.accept) {
      out.toRefuse += 1;
      if (res.status === 422) out.refused += 1;
      else out.misses.push(`${f.file}: should be refused whole, answered ${res.status}`);
      continue;
    }
    const wanted = f.values ?? [];
    out.values += wanted.length;
    if (res.status !== 201 && res.status !== 200) {
      out.misses.push(`${f.file}: refused (${res.status}) ${JSON.stringify(res.body).slice(0, 300)}`);
      continue;
    }
    const stored = await sql<{ key: string; value: string }>`
      select u.code || '|' || i.code || '|' || d.period as key, d.value::text as value
      from data_value d join org_unit u on u.id = d.org_unit_id join indicator i on i.id = d.indicator_id
      where d.origin = 'reported'`.execute(server.database.db);
    const read = new Map(stored.rows.map((r) => [r.key, r.value]));
    for (const v of wanted) {
      const got = read.get(`${v.orgUnit}|${v.indicator}|${v.period}`);
      if (got !== undefined && new Decimal(got).eq(v.value)) out.exact += 1;
      else out.misses.push(`${f.file}: ${v.orgUnit} ${v.indicator} ${v.period} expected ${v.value}, read ${got ?? 'nothing'}`);
    }
  }
  return out;
}
