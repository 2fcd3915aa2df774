import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RoleGrant } from '../access/roles.ts';
import { auditRefusal, auditSubject, isSystemAdministrator, mayReadAuditOf, redactAuditEntry } from './audit-visibility.ts';

const admin: RoleGrant[] = [{ role: 'admin', scopeOrgUnit: null, scopePlans: null }];
const hhReviewer: RoleGrant[] = [{ role: 'reviewer', scopeOrgUnit: 'YN-HH', scopePlans: null }];
const scopedAdmin: RoleGrant[] = [{ role: 'admin', scopeOrgUnit: 'YN-HH', scopePlans: null }];

describe('audit subject of an entry', () => {
  it('reads the org unit of data values and submissions, the task of task entries', () => {
    assert.deepEqual(auditSubject('data_value', 'YN-KM/GDP/2024'), { kind: 'org_unit', orgUnit: 'YN-KM' });
    assert.deepEqual(auditSubject('data_value', 'ZN-HH-MENGZI/REVENUE/2025-01/cumulative'), {
      kind: 'org_unit',
      orgUnit: 'ZN-HH-MENGZI',
    });
    assert.deepEqual(auditSubject('report_submission', 'DEV_ZONE_MONTHLY/ZN-HH-MENGZI/2025-01'), {
      kind: 'org_unit',
      orgUnit: 'ZN-HH-MENGZI',
    });
    assert.deepEqual(auditSubject('task', 'pprd-2021/task-02'), { kind: 'task', plan: 'pprd-2021', key: 'task-02' });
    assert.deepEqual(auditSubject('plan', 'yunnan-ftz-2021-2025'), { kind: 'plan', plan: 'yunnan-ftz-2021-2025' });
  });

  it('treats accounts, backups, malformed keys and unknown entities as administration', () => {
    for (const [entity, key] of [
      ['user', 'admin'],
      ['api_token', '3'],
      ['database', 'plantrack-2026-12-06.backup.gz'],
      ['data_value', 'synthetic'],
      ['task', 'no-slash'],
      ['task', '/x'],
      ['report_submission', 'A/B'],
      ['evaluation_run', '1'],
      ['something_new', 'x'],
    ] as const)
      assert.deepEqual(auditSubject(entity, key), { kind: 'administration' }, `${entity} ${key}`);
  });
});

describe('who may read an audit entry', () => {
  it('gives administration to system administrators only, whatever the scope says', () => {
    assert.equal(mayReadAuditOf(admin, { kind: 'administration' }, false), true);
    assert.equal(mayReadAuditOf(hhReviewer, { kind: 'administration' }, true), false);
    assert.equal(mayReadAuditOf(scopedAdmin, { kind: 'administration' }, true), false);
    assert.equal(isSystemAdministrator(scopedAdmin), false);
  });

  it('follows the read scope of the entity for everything else', () => {
    const km = { kind: 'org_unit', orgUnit: 'YN-KM' } as const;
    assert.equal(mayReadAuditOf(hhReviewer, km, false), false);
    assert.equal(mayReadAuditOf(hhReviewer, km, true), true);
    assert.equal(mayReadAuditOf(admin, km, false), true);
  });

  it('blanks the IP address for everyone but a system administrator', () => {
    const entry = { id: 1, ip: '203.0.113.7', action: 'login' };
    assert.equal(redactAuditEntry(entry, admin).ip, '203.0.113.7');
    assert.equal(redactAuditEntry(entry, hhReviewer).ip, null);
    assert.equal(redactAuditEntry(entry, scopedAdmin).ip, null);
    assert.equal(redactAuditEntry(entry, hhReviewer).action, 'login');
  });
});

describe('how a refused history request is answered', () => {
  it('answers 404 for a figure or task outside the scope, as their own routes do', () => {
    assert.equal(auditRefusal(hhReviewer, { kind: 'org_unit', orgUnit: 'YN-KM' }, false), 404);
    assert.equal(auditRefusal(hhReviewer, { kind: 'task', plan: 'yunnan-pprd-2016', key: 'task-01' }, false), 404);
  });
  it('answers 403 for administration and for a plan the grant does not cover', () => {
    assert.equal(auditRefusal(hhReviewer, { kind: 'administration' }, true), 403);
    assert.equal(auditRefusal(scopedAdmin, { kind: 'administration' }, true), 403);
    assert.equal(auditRefusal(hhReviewer, { kind: 'plan', plan: 'yunnan-parks-2021-2025' }, false), 403);
  });
  it('lets readable subjects and a system administrator through', () => {
    assert.equal(auditRefusal(hhReviewer, { kind: 'org_unit', orgUnit: 'ZN-HH-MENGZI' }, true), null);
    assert.equal(auditRefusal(admin, { kind: 'administration' }, false), null);
    assert.equal(auditRefusal(admin, { kind: 'org_unit', orgUnit: 'nowhere' }, false), null);
  });
});
