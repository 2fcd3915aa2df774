import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { DEMO_ADMIN_TOKEN } from '../../src/services/demo-accounts.service.ts';
import { plantrack, plantrackStdin } from '../support/cli.ts';

/**
 * Issue 17 item 5, from the command line on the embedded database (PGlite): revise-target corrects a
 * published target in place and revisions lists it; a stale version and an empty reason are refused; a
 * plan manager whose grant is limited to 昆明市 may move a target only within 昆明市 (a unit or a group
 * outside it is refused with FORBIDDEN, nothing written); plan withdraw hides a plan and plan restore,
 * an administrator's act, brings it back.
 */
const PLAN = 'yunnan-regional-2021-2025';
const KEY = 'kunming-gdp-2025';

interface Revisions {
  version: number;
  current: { baseline: { year: number; value: string } | null; scope: { kind: string; code: string } };
  items: { reason: string; version: number; before: unknown; after: unknown }[];
}

describe('revise-target, revisions, plan withdraw|restore (CLI, PGlite)', () => {
  let env: Record<string, string>;
  let kmToken = '';
  const cli = (args: string[], token = DEMO_ADMIN_TOKEN) => plantrack(args, { ...env, PLANTRACK_TOKEN: token });
  const revisions = async (): Promise<Revisions> => {
    const r = await cli(['revisions', '--plan', PLAN, '--key', KEY, '--json']);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as Revisions;
  };

  before(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plantrack-cli-revise-'));
    env = { PLANTRACK_DATA_DIR: path.join(dir, 'data') };
    assert.equal((await cli(['plans'])).code, 0, 'seeds the embedded database');
  });

  it('corrects a missing baseline in place and lists the revision; refuses a stale version and an empty reason', async () => {
    const reason = '补充基期值（测试输入）';
    const r = await cli(['revise-target', '--plan', PLAN, '--key', KEY, '--reason', reason, '--baseline', '2020:6500', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { version: number }).version, 2);
    const listed = await revisions();
    assert.equal(listed.version, 2);
    assert.deepEqual(listed.current.baseline, { year: 2020, value: '6500' });
    assert.equal(listed.items.length, 1);
    assert.equal(listed.items[0]!.reason, reason);
    assert.deepEqual(listed.items[0]!.before, { baseline: null });

    const stale = await cli([
      'revise-target',
      '--plan',
      PLAN,
      '--key',
      KEY,
      '--reason',
      '再改',
      '--value',
      '9900',
      '--version',
      '1',
    ]);
    assert.notEqual(stale.code, 0);
    assert.match(stale.stderr, /corrected by someone else meanwhile/);
    const blank = await cli(['revise-target', '--plan', PLAN, '--key', KEY, '--reason', '  ', '--value', '9900']);
    assert.notEqual(blank.code, 0);
  });

  it('a plan manager limited to 昆明市 moves a target within 昆明市 only', async () => {
    const created = await plantrackStdin(
      ['user', 'create', 'km.planner', '--name', '昆明市发展改革委', '--role', `plan_manager@YN-KM:${PLAN}`, '--password-stdin'],
      { ...env, PLANTRACK_TOKEN: DEMO_ADMIN_TOKEN },
      'Kunming-Planner-Password-1',
    );
    assert.equal(created.code, 0, created.stderr);
    const token = await cli(['user', 'token', 'km.planner', '--name', 'cli test']);
    assert.equal(token.code, 0, token.stderr);
    kmToken = token.stdout.trim();

    const outside = await cli(
      ['revise-target', '--plan', PLAN, '--key', KEY, '--reason', '改到红河州', '--org-unit', 'YN-HH'],
      kmToken,
    );
    assert.notEqual(outside.code, 0, 'a unit outside 昆明市 is refused');
    assert.match(outside.stderr, /outside your scope/);
    const group = await cli(
      ['revise-target', '--plan', PLAN, '--key', KEY, '--reason', '改为滇中', '--group', 'bloc-dianzhong'],
      kmToken,
    );
    assert.notEqual(group.code, 0, 'a group with members outside 昆明市 is refused');
    assert.match(group.stderr, /outside your scope/);
    const now = await revisions();
    assert.equal(now.version, 2);
    assert.deepEqual(now.current.scope, { kind: 'org_unit', code: 'YN-KM' });

    const inside = await cli(
      ['revise-target', '--plan', PLAN, '--key', KEY, '--reason', '改为五华区', '--org-unit', 'YN-530102'],
      kmToken,
    );
    assert.equal(inside.code, 0, inside.stderr);
    assert.deepEqual((await revisions()).current.scope, { kind: 'org_unit', code: 'YN-530102' });
  });

  it('withdraws a plan (hidden from plans, data kept) and only an administrator restores it', async () => {
    const plans = async () => {
      const r = await cli(['plans', '--json']);
      assert.equal(r.code, 0, r.stderr);
      return JSON.stringify(JSON.parse(r.stdout));
    };
    const noReason = await cli(['plan', 'withdraw', 'yunnan-ftz-2021-2025']);
    assert.notEqual(noReason.code, 0, '--reason is required');
    const w = await cli(['plan', 'withdraw', 'yunnan-ftz-2021-2025', '--reason', '误发布，撤回']);
    assert.equal(w.code, 0, w.stderr);
    assert.equal((JSON.parse(w.stdout) as { withdrawn: { reason: string } }).withdrawn.reason, '误发布，撤回');
    assert.doesNotMatch(await plans(), /yunnan-ftz-2021-2025/);
    const byManager = await cli(['plan', 'restore', 'yunnan-ftz-2021-2025'], kmToken);
    assert.notEqual(byManager.code, 0, 'a plan manager of another plan may not restore it');
    const restored = await cli(['plan', 'restore', 'yunnan-ftz-2021-2025']);
    assert.equal(restored.code, 0, restored.stderr);
    assert.match(await plans(), /yunnan-ftz-2021-2025/);
  });
});
