import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { DEMO_ADMIN_TOKEN } from '../../src/services/demo-accounts.service.ts';
import { plantrack } from '../support/cli.ts';

describe('plantrack tasks export | import on a fresh embedded database', () => {
  let env: Record<string, string>;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'plantrack-tasks-cli-'));
    env = { PLANTRACK_DATA_DIR: path.join(dir, 'data'), PLANTRACK_TOKEN: DEMO_ADMIN_TOKEN };
  });

  it('exports the 004 task list and imports it back unchanged; an unknown unit name fails with its row', async () => {
    const out = path.join(dir, 'pprd.xlsx');
    const exported = await plantrack(['tasks', 'export', '--plan', 'yunnan-pprd-2016', '--out', out], env);
    assert.equal(exported.code, 0, exported.stderr);
    const same = await plantrack(['tasks', 'import', '--plan', 'yunnan-pprd-2016', out, '--dry-run'], env);
    assert.equal(same.code, 0, same.stderr);
    assert.match(same.stdout, /预览 preview: 47 rows · 新增 create 0 · 修改 update 0 · 未变 unchanged 47/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    wb.worksheets[0]!.getRow(3).getCell(4).value = '省工业和信息化委、省口岸办';
    const edited = path.join(dir, 'edited.xlsx');
    await writeFile(edited, new Uint8Array(await wb.xlsx.writeBuffer()));
    const rejected = await plantrack(['tasks', 'import', '--plan', 'yunnan-pprd-2016', edited], env);
    assert.equal(rejected.code, 1);
    assert.match(
      rejected.stderr,
      /第3行「配合单位」：“省口岸办”未匹配到组织单位 \/ row 3, co-unit: "省口岸办" matches no org unit/,
    );
    const kept = await plantrack(['tasks', 'import', '--plan', 'yunnan-pprd-2016', edited, '--keep-unmatched'], env);
    assert.equal(kept.code, 0, kept.stderr);
    assert.match(kept.stdout, /已导入 imported: 47 rows · 新增 create 0 · 修改 update 1/);
  });
});
