import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorize } from './authorize.ts';
import { planOwnedResource } from './plan-owned.ts';
import type { RoleGrant } from './roles.ts';

const parentOf = () => null;
const ftzPlanner: RoleGrant[] = [{ role: 'plan_manager', scopeOrgUnit: null, scopePlans: ['ftz'] }];
const planner: RoleGrant[] = [{ role: 'plan_manager', scopeOrgUnit: null, scopePlans: null }];

test("a plan's manager may change what belongs to that plan only", () => {
  assert.equal(authorize(ftzPlanner, 'define_plans', planOwnedResource(['ftz']), parentOf), true);
  assert.equal(authorize(ftzPlanner, 'define_plans', planOwnedResource(['parks']), parentOf), false);
  assert.equal(authorize(ftzPlanner, 'define_plans', planOwnedResource(['ftz', 'parks']), parentOf), false);
  assert.equal(authorize(planner, 'define_plans', planOwnedResource(['parks']), parentOf), true);
});

test('something of no plan (or not found) needs a grant for every plan', () => {
  for (const owners of [[], [null], ['ftz', null], ['']])
    assert.equal(authorize(ftzPlanner, 'define_plans', planOwnedResource(owners), parentOf), false, String(owners));
  assert.equal(authorize(planner, 'define_plans', planOwnedResource([]), parentOf), true);
});

test('plans are named once and org units are kept', () => {
  assert.deepEqual(planOwnedResource(['ftz', 'ftz'], ['ZN-A']), { plans: ['ftz'], orgUnits: ['ZN-A'] });
});
