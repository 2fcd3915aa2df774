import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogueChangeProblems, type CatalogueChange } from './catalogue-scope.ts';
import type { RoleGrant } from './roles.ts';

const tree = new Map<string, string | null>([
  ['YN', null],
  ['YN-KM', 'YN'],
  ['YN-HH', 'YN'],
  ['ZN-KM-HIGHTECH', 'YN-KM'],
  ['ZN-HH-MENGZI', 'YN-HH'],
]);
const parentOf = (c: string) => tree.get(c);
const ftzPlanner: RoleGrant[] = [{ role: 'plan_manager', scopeOrgUnit: null, scopePlans: ['ftz'] }];
const hhPlanner: RoleGrant[] = [{ role: 'plan_manager', scopeOrgUnit: 'YN-HH', scopePlans: null }];
const planner: RoleGrant[] = [{ role: 'plan_manager', scopeOrgUnit: null, scopePlans: null }];
const admin: RoleGrant[] = [{ role: 'admin', scopeOrgUnit: null, scopePlans: null }];

const move: CatalogueChange = {
  kind: 'orgUnit',
  code: 'ZN-KM-HIGHTECH',
  field: 'orgUnits.0',
  exists: true,
  changed: true,
  move: { from: 'YN-KM', to: 'YN-HH' },
  plans: [],
  orgUnits: ['ZN-KM-HIGHTECH'],
};

test('moving an org unit is an administrator act, even for a plan manager of every plan', () => {
  assert.deepEqual(
    catalogueChangeProblems([move], planner, parentOf).map((p) => p.field),
    ['orgUnits.0.parent'],
  );
  assert.deepEqual(catalogueChangeProblems([move], admin, parentOf), []);
});

test('a plan-scoped manager may not change a shared entry nor one of another plan', () => {
  const shared = { ...move, move: undefined };
  assert.equal(catalogueChangeProblems([shared], ftzPlanner, parentOf).length, 1);
  assert.equal(catalogueChangeProblems([{ ...shared, plans: ['parks'] }], ftzPlanner, parentOf).length, 1);
  assert.deepEqual(catalogueChangeProblems([{ ...shared, plans: ['ftz'] }], ftzPlanner, parentOf), []);
  // Both problems of the escalation are named.
  assert.equal(catalogueChangeProblems([move], ftzPlanner, parentOf).length, 2);
});

test('a subtree-scoped manager changes only units inside the subtree; restating an entry needs no right', () => {
  const edit: CatalogueChange = { ...move, move: undefined, plans: ['parks'] };
  assert.equal(catalogueChangeProblems([edit], hhPlanner, parentOf).length, 1);
  assert.deepEqual(
    catalogueChangeProblems([{ ...edit, code: 'ZN-HH-MENGZI', orgUnits: ['ZN-HH-MENGZI'] }], hhPlanner, parentOf),
    [],
  );
  assert.deepEqual(catalogueChangeProblems([{ ...move, changed: false }], ftzPlanner, parentOf), []);
});

test('a new entry is attributed to the file plan: in scope when it is the manager plan', () => {
  const created: CatalogueChange = {
    kind: 'indicator',
    code: 'NEW_IND',
    field: 'indicators.0',
    exists: false,
    changed: true,
    plans: ['ftz'],
    orgUnits: [],
  };
  assert.deepEqual(catalogueChangeProblems([created], ftzPlanner, parentOf), []);
  assert.equal(
    catalogueChangeProblems([{ ...created, plans: [] }], ftzPlanner, parentOf)[0]!.messageZh.includes('新建指标'),
    true,
  );
});
