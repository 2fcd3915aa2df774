import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { extractionResultSchema } from '../../src/domain/extraction/candidate.schema.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'extract', ...args], {
    cwd: ROOT,
    maxBuffer: 32 * 1024 * 1024,
  });

describe('plantrack extract', () => {
  it('prints the candidates of a seed plan as JSON', async () => {
    const { stdout } = await run('dataset/sources/yunnan-ftz-2021-2025.txt', '--json');
    const result = extractionResultSchema.parse(JSON.parse(stdout));
    assert.deepEqual(
      result.targets.map((t) => `${t.indicator.code}:${t.target.value}`),
      [
        'TRADE_TOTAL:2675.78',
        'FDI_ACTUAL:13.7',
        'GENERAL_PUBLIC_BUDGET_REVENUE:190.94',
        'FAI:1376.59',
        'INDUSTRIAL_OUTPUT:826.95',
        'NEW_ENTERPRISES:59053',
        'NEW_FOREIGN_ENTERPRISES:276',
      ],
    );
  });
});
