import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { plantrack } from '../support/cli.ts';
import type { PlanCoverage } from '../../src/presenters/coverage.presenter.ts';

const PLANS = ['kunming-bonded-zone-2021-2025', 'yunnan-ftz-2021-2025', 'yunnan-parks-2021-2025', 'yunnan-regional-2021-2025'];

describe('plantrack coverage on a fresh embedded database (issue 15)', () => {
  let env: Record<string, string>;
  before(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plantrack-coverage-'));
    env = { PLANTRACK_DATA_DIR: path.join(dir, 'data') };
  });

  it('gives every one of the 82 targets of the five plans a data path and someone who owes its figure', async () => {
    let total = 0;
    const gaps: string[] = [];
    for (const plan of PLANS) {
      const { code, stdout, stderr } = await plantrack(['coverage', '--plan', plan, '--at', '2024', '--json'], env);
      const body = JSON.parse(stdout) as PlanCoverage;
      total += body.summary.total;
      const missing = body.targets.filter((t) => !t.path);
      for (const t of missing) gaps.push(`${plan}:${t.key} ${t.gap?.en ?? ''}`);
      for (const t of body.targets) if (t.path) assert.ok(t.responsible.length > 0, `${plan}:${t.key} names no responsible unit`);
      assert.equal(code, missing.length ? 1 : 0, stderr);
      assert.equal(body.summary.withPath, body.summary.total - missing.length);
    }
    assert.deepEqual(gaps, []);
    assert.equal(total, 82);
  });

  it('names the plan-office sheet, the stand-in and the formula where they are the path', async () => {
    const { stdout } = await plantrack(['coverage', '--plan', 'yunnan-regional-2021-2025', '--at', '2024', '--json'], env);
    const body = JSON.parse(stdout) as PlanCoverage;
    const share = body.targets.find((t) => t.key === 'dianzhong-population-share-2025')!;
    assert.equal(share.path?.kind, 'plan_office_sheet');
    assert.deepEqual(
      share.path?.reporters.map((u) => u.code),
      ['YN-DIANZHONG-UA'],
    );
    assert.deepEqual(
      share.responsible.map((u) => u.code),
      ['DEPT-TJJ'],
    );
    const ratio = body.targets.find((t) => t.key === 'urban-rural-income-ratio-2025')!;
    assert.equal(ratio.path?.kind, 'derived');
    assert.deepEqual(ratio.path?.inputs, ['URBAN_DISPOSABLE_INCOME', 'RURAL_DISPOSABLE_INCOME']);
    const gdp = body.targets.find((t) => t.key === 'dianzhong-gdp-growth-2025')!;
    assert.equal(gdp.path?.kind, 'form');
    assert.equal(gdp.path?.reporterCount, 11);
    const table = await plantrack(['coverage', '--plan', 'yunnan-regional-2021-2025', '--at', '2024'], env);
    assert.match(table.stdout, /规划办年度填报表/);
    assert.match(table.stdout, /共\d+项，有数据来源(\d+)项/);
  });
});
