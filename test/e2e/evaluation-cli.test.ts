import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { RunView, SchemeList } from '../../src/presenters/evaluation.presenter.ts';
import { DEMO_ADMIN_TOKEN } from '../../src/services/demo-accounts.service.ts';
import { plantrack } from '../support/cli.ts';

describe('plantrack evaluate on a fresh embedded database', () => {
  let env: Record<string, string>;
  before(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plantrack-evaluate-'));
    env = { PLANTRACK_DATA_DIR: path.join(dir, 'data') };
  });

  it('lists the built-in schemes and computes without storing; units without figures are incomplete', async () => {
    const list = await plantrack(['evaluate', '--list', '--json'], env);
    assert.equal(list.code, 0, list.stderr);
    assert.equal((JSON.parse(list.stdout) as SchemeList).items.length, 5);
    const res = await plantrack(
      ['evaluate', '--scheme', 'bonded-zone-performance', '--year', '2024', '--no-save', '--samples', '50', '--json'],
      env,
    );
    assert.equal(res.code, 0, res.stderr);
    const run = JSON.parse(res.stdout) as RunView;
    assert.equal(run.id, null);
    assert.equal(run.status, 'preview');
    // Only the plans' own figures so far (no demo data): nothing for 2024, said so, never scored as zero.
    assert.ok(run.units.every((u) => u.status === 'incomplete' && u.score === null && u.missing.includes('TRADE_TOTAL')));
    const table = await plantrack(['evaluate', '--scheme', 'bonded-zone-performance', '--year', '2024', '--no-save'], env);
    assert.match(table.stdout, /缺数据：进出口贸易总额/);
    const denied = await plantrack(['evaluate', '--scheme', 'bonded-zone-performance', '--year', '2024'], env);
    assert.notEqual(denied.code, 0);
    assert.match(denied.stderr, /PLANTRACK_TOKEN/);
  });

  it('stores and publishes a run on demo data, reproducibly, and the scheme version freezes', async () => {
    const token = ['--token', DEMO_ADMIN_TOKEN];
    const demo = await plantrack(['demo-data', ...token], env);
    assert.equal(demo.code, 0, demo.stderr);
    const args = ['evaluate', '--scheme', 'ftz-institutional-innovation', '--year', '2024', '--samples', '100', '--seed', '5'];
    const first = await plantrack([...args, '--json', ...token], env);
    assert.equal(first.code, 0, first.stderr);
    const a = JSON.parse(first.stdout) as RunView;
    assert.equal(a.status, 'draft');
    assert.equal(a.units.length, 3);
    assert.ok(a.units.every((u) => u.status === 'complete' && u.rank !== null && u.sensitivity !== null));
    const published = await plantrack([...args, '--publish', ...token], env);
    assert.equal(published.code, 0, published.stderr);
    assert.match(published.stdout, /run \d+ \(published\)/);
    assert.match(published.stdout, new RegExp(a.dataHash));
    assert.match(published.stdout, /片区/);
    const again = JSON.parse((await plantrack([...args, '--no-save', '--json'], env)).stdout) as RunView;
    assert.equal(again.dataHash, a.dataHash);
    assert.equal(JSON.stringify(again.units), JSON.stringify(a.units));
    const list = JSON.parse((await plantrack(['evaluate', '--list', '--json'], env)).stdout) as SchemeList;
    assert.equal(list.items.find((s) => s.code === 'ftz-institutional-innovation')!.status, 'frozen');
  });
});
