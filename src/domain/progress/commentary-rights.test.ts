import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RoleGrant } from '../access/roles.ts';
import { mayWriteCommentary } from './commentary-rights.ts';

const PARENTS: Record<string, string | null> = { YN: null, 'YN-HH': 'YN', 'ZN-HH-MENGZI': 'YN-HH', 'YN-KM': 'YN' };
const parentOf = (c: string) => PARENTS[c] ?? undefined;
const g = (role: RoleGrant['role'], scopeOrgUnit: string | null = null, scopePlans: string[] | null = null): RoleGrant[] => [
  { role, scopeOrgUnit, scopePlans },
];
const hh = { plan: 'p', owner: 'YN-HH' };
const km = { plan: 'p', owner: 'YN-KM' };
const group = { plan: 'p', owner: null };

test("the responsible unit's reporters and reviewers write; other units' do not", () => {
  assert.equal(mayWriteCommentary(g('reporter', 'YN-HH'), hh, parentOf), true);
  assert.equal(mayWriteCommentary(g('reviewer', 'YN-HH'), hh, parentOf), true);
  assert.equal(mayWriteCommentary(g('reporter', 'YN-HH'), km, parentOf), false);
  // A zone's reporter does not answer for its prefecture's target.
  assert.equal(mayWriteCommentary(g('reporter', 'ZN-HH-MENGZI'), hh, parentOf), false);
});

test("the plan's managers write, a manager of another plan does not; viewers never", () => {
  assert.equal(mayWriteCommentary(g('plan_manager'), km, parentOf), true);
  assert.equal(mayWriteCommentary(g('plan_manager', null, ['p']), km, parentOf), true);
  assert.equal(mayWriteCommentary(g('plan_manager', null, ['other']), km, parentOf), false);
  assert.equal(mayWriteCommentary(g('viewer'), km, parentOf), false);
  assert.equal(mayWriteCommentary(g('admin'), group, parentOf), true);
});

test('a group target is written by plan managers over the whole tree only', () => {
  assert.equal(mayWriteCommentary(g('plan_manager'), group, parentOf), true);
  assert.equal(mayWriteCommentary(g('plan_manager', 'YN-HH'), group, parentOf), false);
  assert.equal(mayWriteCommentary(g('reporter', 'YN-HH'), group, parentOf), false);
  assert.equal(mayWriteCommentary(g('plan_manager', 'YN-HH'), hh, parentOf), true);
});
