import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparisonGroupOf, selectSubjects, type SubjectUnit } from './subjects.ts';

const unit = (code: string, kind: string, parent: string | null, extra: Partial<SubjectUnit> = {}): SubjectUnit => ({
  code,
  name: code,
  nameEn: null,
  kind,
  parent,
  plan: null,
  zoneLevel: null,
  ...extra,
});

const units = [
  unit('YN', 'province', null),
  unit('YN-KM', 'prefecture', 'YN'),
  unit('YN-HH', 'prefecture', 'YN'),
  unit('ZN-KM-A', 'development_zone', 'YN-KM', { zoneLevel: 'national', plan: 'parks' }),
  unit('ZN-KM-B', 'development_zone', 'YN-KM', { zoneLevel: 'provincial', plan: 'parks' }),
  unit('ZN-HH-C', 'development_zone', 'YN-HH', { zoneLevel: 'national' }),
  unit('ZN-HH-BONDED', 'bonded_zone', 'YN-HH', { zoneLevel: 'national' }),
];
const members = new Map([
  ['urban', new Set(['YN-KM'])],
  ['eco', new Set(['YN-KM', 'YN-HH'])],
  ['linkage', new Set(['ZN-KM-A', 'ZN-HH-C'])],
]);
const codes = (xs: SubjectUnit[]) => xs.map((u) => u.code);

describe('selectSubjects', () => {
  it('selects by kind, group, plan and root, all conditions together, ordered by code', () => {
    assert.deepEqual(codes(selectSubjects(units, members, { kinds: ['development_zone'] })), ['ZN-HH-C', 'ZN-KM-A', 'ZN-KM-B']);
    assert.deepEqual(codes(selectSubjects(units, members, { kinds: ['development_zone', 'bonded_zone'], root: 'YN-HH' })), [
      'ZN-HH-BONDED',
      'ZN-HH-C',
    ]);
    assert.deepEqual(codes(selectSubjects(units, members, { group: 'linkage' })), ['ZN-HH-C', 'ZN-KM-A']);
    assert.deepEqual(codes(selectSubjects(units, members, { plan: 'parks', kinds: ['development_zone'] })), [
      'ZN-KM-A',
      'ZN-KM-B',
    ]);
    // The root itself counts; an unknown group selects nothing.
    assert.deepEqual(codes(selectSubjects(units, members, { root: 'YN-KM', kinds: ['prefecture'] })), ['YN-KM']);
    assert.deepEqual(selectSubjects(units, members, { group: 'nope' }), []);
    assert.equal(selectSubjects(units, members, {}).length, units.length);
  });
});

describe('comparisonGroupOf', () => {
  const byCode = new Map(units.map((u) => [u.code, u]));
  it('groups by zone level when the scheme has a group of that code', () => {
    assert.equal(
      comparisonGroupOf(byCode.get('ZN-KM-A')!, { by: 'zone_level' }, ['national', 'provincial'], members),
      'national',
    );
    assert.equal(comparisonGroupOf(byCode.get('ZN-KM-B')!, { by: 'zone_level' }, ['national'], members), null);
    assert.equal(comparisonGroupOf(byCode.get('YN-KM')!, { by: 'zone_level' }, ['national'], members), null);
    assert.equal(comparisonGroupOf(byCode.get('ZN-KM-A')!, undefined, ['national'], members), null);
  });
  it('groups by org group: the first listed that holds the unit; none = ungrouped', () => {
    const groupBy = { by: 'org_group' as const, groups: { u: 'urban', e: 'eco' } };
    assert.equal(comparisonGroupOf(byCode.get('YN-KM')!, groupBy, ['u', 'e'], members), 'u');
    assert.equal(comparisonGroupOf(byCode.get('YN-HH')!, groupBy, ['u', 'e'], members), 'e');
    assert.equal(comparisonGroupOf(byCode.get('ZN-KM-A')!, groupBy, ['u', 'e'], members), null);
    const reversed = { by: 'org_group' as const, groups: { e: 'eco', u: 'urban' } };
    assert.equal(comparisonGroupOf(byCode.get('YN-KM')!, reversed, ['u', 'e'], members), 'e');
  });
});
