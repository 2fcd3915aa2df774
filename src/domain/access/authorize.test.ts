import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorize, isInSubtree, readablePlans, readableRoots } from './authorize.ts';
import { passwordProblems } from './password-policy.ts';
import type { RoleGrant } from './roles.ts';

const parents: Record<string, string | null> = {
  YN: null,
  'YN-HH': 'YN',
  'YN-KM': 'YN',
  'ZN-HH-MENGZI': 'YN-HH',
  'FTZ-HH': 'YN-FTZ',
  'YN-FTZ': 'YN',
};
const parentOf = (c: string) => parents[c];

describe('authorize', () => {
  const hhReporter: RoleGrant[] = [{ role: 'reporter', scopeOrgUnit: 'YN-HH', scopePlans: null }];
  it('lets a reporter report inside the subtree only', () => {
    assert.ok(authorize(hhReporter, 'report', { orgUnit: 'ZN-HH-MENGZI' }, parentOf));
    assert.ok(!authorize(hhReporter, 'report', { orgUnit: 'YN-KM' }, parentOf));
    assert.ok(!authorize(hhReporter, 'review', { orgUnit: 'YN-HH' }, parentOf));
    assert.ok(!authorize(hhReporter, 'define_plans', {}, parentOf));
  });
  it('limits a grant to its plans', () => {
    const ftzManager: RoleGrant[] = [{ role: 'plan_manager', scopeOrgUnit: null, scopePlans: ['yunnan-ftz-2021-2025'] }];
    assert.ok(authorize(ftzManager, 'define_plans', { plan: 'yunnan-ftz-2021-2025' }, parentOf));
    assert.ok(!authorize(ftzManager, 'define_plans', { plan: 'yunnan-parks-2021-2025' }, parentOf));
  });
  it('gives an administrator everything and a viewer only reads', () => {
    const admin: RoleGrant[] = [{ role: 'admin', scopeOrgUnit: null, scopePlans: null }];
    const viewer: RoleGrant[] = [{ role: 'viewer', scopeOrgUnit: null, scopePlans: null }];
    for (const a of ['read', 'define_plans', 'report', 'review', 'manage_users', 'read_audit', 'backup'] as const) {
      assert.ok(authorize(admin, a, { orgUnit: 'YN-KM' }, parentOf));
      assert.equal(authorize(viewer, a, { orgUnit: 'YN-KM' }, parentOf), a === 'read');
    }
  });
  it('finds readable roots and survives cycles', () => {
    assert.deepEqual(readableRoots(hhReporter), ['YN-HH']);
    assert.equal(readableRoots([...hhReporter, { role: 'viewer', scopeOrgUnit: null, scopePlans: null }]), null);
    assert.ok(!isInSubtree('A', 'YN', (c) => (c === 'A' ? 'B' : 'A')));
  });
  it('refuses a scoped grant a write that names no unit, and a plan-limited one a write that names no plan', () => {
    const reporter: RoleGrant[] = [{ role: 'reporter', scopeOrgUnit: null, scopePlans: null }];
    assert.ok(!authorize(hhReporter, 'report', { everyUnit: true }, parentOf));
    assert.ok(authorize(reporter, 'report', { everyUnit: true }, parentOf));
    const ftzManager: RoleGrant[] = [{ role: 'plan_manager', scopeOrgUnit: null, scopePlans: ['yunnan-ftz-2021-2025'] }];
    assert.ok(!authorize(ftzManager, 'define_plans', { everyPlan: true }, parentOf));
  });
  it('lists the plans a plan-limited reader reads, null when some grant covers every plan', () => {
    const ftz: RoleGrant = { role: 'plan_manager', scopeOrgUnit: null, scopePlans: ['yunnan-ftz-2021-2025'] };
    const parks: RoleGrant = {
      role: 'reviewer',
      scopeOrgUnit: 'YN-HH',
      scopePlans: ['yunnan-parks-2021-2025', 'yunnan-ftz-2021-2025'],
    };
    assert.deepEqual(readablePlans([ftz, parks]), ['yunnan-ftz-2021-2025', 'yunnan-parks-2021-2025']);
    assert.equal(readablePlans([ftz, ...hhReporter]), null);
  });
});

describe('password policy', () => {
  it('accepts a long mixed password and lists every problem of a weak one', () => {
    assert.deepEqual(passwordProblems('Yunnan-Plan-2025!', 'hh.reporter'), []);
    assert.equal(passwordProblems('short', 'x').length, 2);
    assert.equal(passwordProblems('hh.reporter-2025-X', 'hh.reporter').length, 1);
  });
});
