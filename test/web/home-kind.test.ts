import assert from 'node:assert/strict';
import { test } from 'node:test';
import { homeKind } from '../../web/src/home/homeKind.ts';

const me = (...roles: string[]) =>
  ({ grants: roles.map((role) => ({ role, scopeOrgUnit: null, scopePlans: null })) }) as Parameters<typeof homeKind>[0];

test('each role lands on its own home; plan managers before reviewers before reporters', () => {
  assert.equal(homeKind(me('viewer')), 'leader');
  assert.equal(homeKind(me('reporter')), 'reporter');
  assert.equal(homeKind(me('reviewer')), 'reviewer');
  assert.equal(homeKind(me('plan_manager')), 'planner');
  assert.equal(homeKind(me('admin')), 'planner');
  assert.equal(homeKind(me('reporter', 'reviewer')), 'reviewer');
  assert.equal(homeKind(me('viewer', 'plan_manager')), 'planner');
  assert.equal(homeKind(me()), 'leader');
});
