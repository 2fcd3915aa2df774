import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RoleGrant } from '../access/roles.ts';
import { mayOpenDraft } from './draft-visibility.ts';

const planner: RoleGrant[] = [{ role: 'plan_manager', scopeOrgUnit: null, scopePlans: null }];
const admin: RoleGrant[] = [{ role: 'admin', scopeOrgUnit: null, scopePlans: null }];
const scopedAdmin: RoleGrant[] = [{ role: 'admin', scopeOrgUnit: 'YN-HH', scopePlans: null }];

describe('who opens an extraction draft', () => {
  it('is its uploader and a system administrator', () => {
    assert.ok(mayOpenDraft(planner, 7, 7));
    assert.ok(mayOpenDraft(admin, 1, 7));
    assert.ok(mayOpenDraft(admin, null, null), 'the CLI operator acts as a system administrator');
  });
  it('is no other plan manager, nor an administrator of a subtree, nor anyone for a draft with no uploader', () => {
    assert.ok(!mayOpenDraft(planner, 8, 7));
    assert.ok(!mayOpenDraft(scopedAdmin, 8, 7));
    assert.ok(!mayOpenDraft(planner, null, null));
    assert.ok(!mayOpenDraft(planner, 8, null));
  });
});
