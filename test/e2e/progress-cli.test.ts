import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { plantrack } from '../support/cli.ts';
import type { PlanProgress } from '../../src/presenters/progress.presenter.ts';

describe('plantrack progress on a fresh embedded database', () => {
  let env: Record<string, string>;
  before(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plantrack-progress-'));
    env = { PLANTRACK_DATA_DIR: path.join(dir, 'data') };
  });

  it('--json answers like the API: every FTZ target judged, summary consistent', async () => {
    const { code, stdout, stderr } = await plantrack(
      ['progress', '--plan', 'yunnan-ftz-2021-2025', '--at', '2023', '--json'],
      env,
    );
    assert.equal(code, 0, stderr);
    const body = JSON.parse(stdout) as PlanProgress;
    assert.equal(body.plan.id, 'yunnan-ftz-2021-2025');
    assert.equal(body.timeElapsedShare, 0.6);
    assert.equal(body.summary.total, body.targets.length);
    assert.ok(body.targets.length > 5);
    const trade = body.targets.find((t) => t.key === 'trade-total-2025')!;
    assert.equal(trade.baseline?.value, '717.9');
  });

  it('prints a zh table with class and explanation, and rejects an unknown method', async () => {
    const { code, stdout, stderr } = await plantrack(
      ['progress', '--plan', 'yunnan-ftz-2021-2025', '--at', '2024Q2', '--method', 'escap'],
      env,
    );
    assert.equal(code, 0, stderr);
    assert.match(stdout, /时序进度70\.0%/);
    assert.match(stdout, /trade-total-2025/);
    assert.match(stdout, /共\d+项/);
    const bad = await plantrack(['progress', '--plan', 'yunnan-ftz-2021-2025', '--at', '2024', '--method', 'nope'], env);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /unknown method/);
  });
});
