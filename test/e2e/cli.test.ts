import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { plantrack, plantrackStdin } from '../support/cli.ts';
import { DEMO_ADMIN_TOKEN } from '../../src/services/demo-accounts.service.ts';
import { createEmptyPostgres } from '../support/databases.ts';

interface TargetJson {
  indicator: { code: string; name: string; unit: string };
  orgUnit: { code: string; name: string } | null;
  baseline: { year: number; value: string } | null;
  target: { year: number; value: string | null; comparator: string };
  source: { plan: string; section: string | null; quote: string };
}

describe('plantrack CLI on a fresh embedded database', () => {
  let env: Record<string, string>;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'plantrack-cli-'));
    env = { PLANTRACK_DATA_DIR: path.join(dir, 'data'), PLANTRACK_TOKEN: DEMO_ADMIN_TOKEN };
  });

  it('targets --json lists the FTZ 2025 targets with 2020 baselines and quotes', async () => {
    const { code, stdout, stderr } = await plantrack(['targets', '--plan', 'yunnan-ftz-2021-2025', '--json'], env);
    assert.equal(code, 0, stderr);
    const items = JSON.parse(stdout) as TargetJson[];
    const for2025 = items.filter((t) => t.target.year === 2025 && t.target.comparator !== 'qualitative');
    assert.ok(for2025.length >= 5);
    for (const t of items) {
      assert.ok(t.indicator.code && t.indicator.name && t.indicator.unit);
      assert.ok(t.source.plan === 'yunnan-ftz-2021-2025' && t.source.quote.length > 0);
      assert.ok(t.orgUnit?.code);
    }
    const trade = items.find((t) => t.indicator.code === 'TRADE_TOTAL' && t.target.year === 2025)!;
    assert.deepEqual([trade.baseline, trade.target.value], [{ year: 2020, value: '717.9' }, '2675.78']);
  });

  it('plans and org-units print tables', async () => {
    const plans = await plantrack(['plans'], env);
    assert.equal(plans.code, 0, plans.stderr);
    assert.match(plans.stdout, /yunnan-parks-2021-2025/);
    const units = await plantrack(['org-units', '--kind', 'prefecture', '--json'], env);
    assert.equal((JSON.parse(units.stdout) as unknown[]).length, 16);
  });

  it('import-plan rejects a bad file with every error and exit code 1, and an unknown plan is an error', async () => {
    const file = path.join(dir, 'bad.yaml');
    await writeFile(
      file,
      `plan: { id: cli-bad, title: 坏规划, issuer: 某, periodStart: 2021, periodEnd: 2025 }
targets:
  - { key: a, indicator: NOPE, orgUnit: YN, target: { year: 2025, comparator: at_least, value: '1' }, source: { quote: x } }
  - { key: b, indicator: GDP, orgUnit: NOWHERE, target: { year: 2025, comparator: at_least, value: '1' }, source: { quote: x } }
`,
    );
    const anonymous = await plantrack(['import-plan', file], { ...env, PLANTRACK_TOKEN: '' });
    assert.equal(anonymous.code, 1);
    assert.match(anonymous.stderr, /PLANTRACK_TOKEN/);
    const bad = await plantrack(['import-plan', file], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /nothing was written/);
    assert.match(bad.stderr, /targets\.0\.indicator: 未知指标“NOPE”/);
    assert.match(bad.stderr, /targets\.1\.orgUnit: 未知组织单位“NOWHERE”/);
    const plans = await plantrack(['plans', '--json'], env);
    assert.equal((JSON.parse(plans.stdout) as unknown[]).length, 5);
    const unknown = await plantrack(['targets', '--plan', 'cli-bad'], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /cli-bad/);
  });

  it('import-plan imports a file holding only actuals, or refuses one whose actuals name no plan (issue 15)', async () => {
    const orphan = path.join(dir, 'actuals-orphan.yaml');
    await writeFile(
      orphan,
      `actuals:\n  - { indicator: TRADE_TOTAL, orgUnit: YN-FTZ, period: '2023', value: '1120', source: { quote: 进出口总额1120亿元 } }\n`,
    );
    const refused = await plantrack(['import-plan', orphan], env);
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(refused.stderr, /actuals\.0\.source\.plan: 文件未定义规划/);
    const file = path.join(dir, 'actuals-only.yaml');
    await writeFile(
      file,
      `actuals:\n  - { indicator: TRADE_TOTAL, orgUnit: YN-FTZ, period: '2023', value: '1120', source: { plan: yunnan-ftz-2021-2025, quote: 进出口总额1120亿元 } }\n`,
    );
    const ok = await plantrack(['import-plan', file], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /"actuals":1/);
    const p = await plantrack(['progress', '--plan', 'yunnan-ftz-2021-2025', '--at', '2023', '--json'], env);
    const trade = (JSON.parse(p.stdout) as { targets: { key: string; judgement: { current: string | null } }[] }).targets.find(
      (t) => t.key === 'trade-total-2025',
    )!;
    assert.equal(trade.judgement.current, '1120');
  });

  it('import-plan and progress carry the comparators plans really use (issue 15 item 4)', async () => {
    const file = path.join(dir, 'comparators.yaml');
    const q = (quote: string) => `source: { quote: ${quote} }`;
    await writeFile(
      file,
      [
        'plan: { id: test-comparators-2021-2025, title: 比较方式测试规划, issuer: 测试, periodStart: 2021, periodEnd: 2025 }',
        'indicators:',
        "  - { code: T_ENERGY, name: 单位地区生产总值能耗, nameEn: Energy use per unit of GDP, unit: '%', direction: lower_better, aggregation: none, measure: annual_change }",
        '  - { code: T_LIFE, name: 人均预期寿命, nameEn: Life expectancy, unit: 岁, aggregation: none }',
        "  - { code: T_INCOME, name: 居民人均可支配收入, nameEn: Disposable income per head, unit: '%', aggregation: none, measure: annual_change }",
        "  - { code: T_GDP, name: 地区生产总值, nameEn: GDP, unit: '%', aggregation: none, measure: annual_change }",
        'targets:',
        `  - { key: energy, indicator: T_ENERGY, orgUnit: YN, target: { year: 2025, comparator: cumulative_change, rate: '-13.5' }, ${q('能耗累计下降13.5%')} }`,
        `  - { key: life, indicator: T_LIFE, orgUnit: YN, baseline: { year: 2020, value: '75.5' }, target: { year: 2025, comparator: increase_by, value: '1' }, ${q('人均预期寿命提高1岁')} }`,
        `  - { key: income, indicator: T_INCOME, orgUnit: YN, target: { year: 2025, comparator: exceeds_growth_of, reference: T_GDP }, ${q('收入增长高于经济增长')} }`,
        'actuals:',
        ...[
          ['T_ENERGY', '2021', '-3'],
          ['T_ENERGY', '2022', '-2.5'],
          ['T_ENERGY', '2023', '-3.2'],
          ['T_LIFE', '2023', '75.6'],
          ['T_INCOME', '2021', '10.2'],
          ['T_INCOME', '2022', '5.2'],
          ['T_INCOME', '2023', '5.9'],
          ['T_GDP', '2021', '7.3'],
          ['T_GDP', '2022', '4.3'],
          ['T_GDP', '2023', '4.4'],
        ].map(([i, y, v]) => `  - { indicator: ${i}, orgUnit: YN, period: '${y}', value: '${v}', ${q('测试数据')} }`),
      ].join('\n') + '\n',
    );
    const imported = await plantrack(['import-plan', file], env);
    assert.equal(imported.code, 0, imported.stderr);
    const p = await plantrack(['progress', '--plan', 'test-comparators-2021-2025', '--at', '2023', '--json'], env);
    assert.equal(p.code, 0, p.stderr);
    const judged = new Map(
      (JSON.parse(p.stdout) as { targets: { key: string; judgement: { class: string; current: string | null } }[] }).targets.map(
        (t) => [t.key, t.judgement],
      ),
    );
    // 100 × 0.97 × 0.975 × 0.968: the yearly decline rates chained into an index from 2020.
    assert.deepEqual(judged.get('energy'), { ...judged.get('energy'), class: 'on_track', current: '91.5486' });
    // 75.5 + 1 = 76.5 not reached by 75.6.
    assert.equal(judged.get('life')!.class, 'behind');
    // Income 7.1 % a year against GDP 5.3 %.
    assert.equal(judged.get('income')!.class, 'on_track');
  });

  it('audit verify reports an intact chain', async () => {
    const r = await plantrack(['audit', 'verify'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /审计链完整: \d+ entries/);
  });

  it('writes an .xlsx template', async () => {
    const out = path.join(dir, 'template.xlsx');
    const r = await plantrack(['import-plan', '--template', out], env);
    assert.equal(r.code, 0, r.stderr);
  });
});

describe('plantrack CLI on PostgreSQL', () => {
  let pgEnv: Record<string, string>;
  let drop: () => Promise<void>;
  before(async () => {
    const empty = await createEmptyPostgres();
    drop = empty.drop;
    pgEnv = { DATABASE_URL: empty.config.url };
  });
  after(() => drop());

  it('creates the first administrator without a token, then refuses a second one without', async () => {
    const first = await plantrackStdin(
      ['user', 'create', '--admin', 'root.admin', '--name', '管理员', '--password-stdin'],
      pgEnv,
      'Root-Admin-Password-1',
    );
    assert.equal(first.code, 0, first.stderr);
    const second = await plantrackStdin(
      ['user', 'create', '--admin', 'other.admin', '--name', '另一个', '--password-stdin'],
      pgEnv,
      'Other-Admin-Password-1',
    );
    assert.equal(second.code, 1);
    assert.match(second.stderr, /PLANTRACK_TOKEN/);
  });

  it('migrates, seeds and lists targets through DATABASE_URL', async () => {
    const migrateRun = await plantrack(['migrate'], pgEnv);
    assert.equal(migrateRun.code, 0, migrateRun.stderr);
    const r = await plantrack(['targets', '--plan', 'kunming-bonded-zone-2021-2025', '--json'], pgEnv);
    assert.equal(r.code, 0, r.stderr);
    assert.ok((JSON.parse(r.stdout) as unknown[]).length > 0);
  });
});
