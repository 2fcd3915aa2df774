import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyDataPath, type DataPathCatalogue, type PathForm } from './data-path.ts';

const units = [
  { code: 'YN', kind: 'province', parent: null },
  { code: 'KM', kind: 'prefecture', parent: 'YN' },
  { code: 'QJ', kind: 'prefecture', parent: 'YN' },
  { code: 'KM-C1', kind: 'county', parent: 'KM' },
  { code: 'FTZ', kind: 'ftz', parent: 'YN' },
  { code: 'FTZ-A', kind: 'ftz_area', parent: 'FTZ' },
  { code: 'FTZ-B', kind: 'ftz_area', parent: 'FTZ' },
  { code: 'UA', kind: 'other', parent: 'YN' },
  { code: 'DEPT', kind: 'department', parent: 'YN' },
];
const indicators = [
  { code: 'GDP', aggregation: 'sum', inputs: [] },
  { code: 'RANK', aggregation: 'none', inputs: [] },
  { code: 'SHARE', aggregation: 'none', inputs: [] },
  { code: 'REV', aggregation: 'sum', inputs: [] },
  { code: 'LAND', aggregation: 'sum', inputs: [] },
  { code: 'PER_MU', aggregation: 'ratio', inputs: ['REV', 'LAND'] },
  { code: 'RATE', aggregation: 'weighted_average', inputs: ['RATE', 'REV'] },
];
const annual: PathForm = {
  code: 'PREF',
  name: '州市年报',
  reporters: { kinds: ['prefecture'], units: [] },
  items: [{ indicator: 'GDP' }, { indicator: 'REV' }],
};
const area: PathForm = {
  code: 'AREA',
  name: '片区季报',
  reporters: { kinds: ['ftz_area'], units: [] },
  items: [{ indicator: 'RANK' }, { indicator: 'GDP' }, { indicator: 'RATE' }],
};
const sheet: PathForm = {
  code: 'OFFICE',
  name: '规划办年度填报表',
  sheet: 'plan_office',
  responsible: 'DEPT',
  reporters: { kinds: [], units: ['FTZ', 'UA'] },
  items: [{ indicator: 'RANK' }, { indicator: 'SHARE', responsible: 'KM' }],
  standsFor: [{ unit: 'UA', group: 'bloc' }],
};
const cat = (forms: PathForm[]): DataPathCatalogue => ({ units, indicators, forms });

test('a prefecture reporting its own figure is a form path, owed by itself', () => {
  const r = classifyDataPath({ indicator: 'GDP', subject: { kind: 'org_unit', code: 'KM' } }, cat([annual]));
  assert.deepEqual(r, { ok: true, path: { kind: 'form', forms: ['PREF'], reporters: ['KM'], responsible: ['KM'], inputs: [] } });
});

test('the province rolls a sum up from the prefectures that report it (departments do not matter)', () => {
  const r = classifyDataPath({ indicator: 'GDP', subject: { kind: 'org_unit', code: 'YN' } }, cat([annual]));
  assert.ok(r.ok);
  assert.deepEqual(r.path.reporters, ['KM', 'QJ']);
});

test('an indicator no form collects has no path, and says so', () => {
  const r = classifyDataPath({ indicator: 'LAND', subject: { kind: 'org_unit', code: 'KM' } }, cat([annual]));
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.reasonZh : '', /LAND/);
});

test('aggregation none never rolls up over two areas: the FTZ needs its own sheet', () => {
  const subject = { kind: 'org_unit' as const, code: 'FTZ' };
  assert.equal(classifyDataPath({ indicator: 'RANK', subject }, cat([area])).ok, false);
  const r = classifyDataPath({ indicator: 'RANK', subject }, cat([area, sheet]));
  assert.deepEqual(r, {
    ok: true,
    path: { kind: 'plan_office_sheet', forms: ['OFFICE'], reporters: ['FTZ'], responsible: ['DEPT'], inputs: [] },
  });
});

test('a group needs every member covered: a county outside the form breaks a sum', () => {
  const members = ['QJ', 'KM-C1'];
  assert.equal(classifyDataPath({ indicator: 'GDP', subject: { kind: 'group', code: 'g', members } }, cat([annual])).ok, false);
  assert.ok(
    classifyDataPath({ indicator: 'GDP', subject: { kind: 'group', code: 'g', members: ['QJ', 'KM'] } }, cat([annual])).ok,
  );
});

test("a group's stand-in unit carries an unaggregable share; the item names who owes it", () => {
  const r = classifyDataPath(
    { indicator: 'SHARE', subject: { kind: 'group', code: 'bloc', members: ['KM', 'QJ'] } },
    cat([sheet]),
  );
  assert.ok(r.ok);
  assert.equal(r.path.kind, 'plan_office_sheet');
  assert.deepEqual(r.path.reporters, ['UA']);
  assert.deepEqual(r.path.responsible, ['KM']);
});

test('a ratio with collected inputs is derived; with one input missing it has no path', () => {
  const withLand: PathForm = { ...annual, code: 'PREF2', items: [{ indicator: 'LAND' }] };
  const r = classifyDataPath({ indicator: 'PER_MU', subject: { kind: 'org_unit', code: 'KM' } }, cat([annual, withLand]));
  assert.ok(r.ok);
  assert.equal(r.path.kind, 'derived');
  assert.deepEqual(r.path.inputs, ['REV', 'LAND']);
  assert.equal(classifyDataPath({ indicator: 'PER_MU', subject: { kind: 'org_unit', code: 'KM' } }, cat([annual])).ok, false);
});

test('a weighted average needs its weight collected; a share of an amount needs its denominator', () => {
  const subject = { kind: 'org_unit' as const, code: 'FTZ' };
  assert.equal(classifyDataPath({ indicator: 'RATE', subject }, cat([area])).ok, false);
  const withRev: PathForm = { ...area, code: 'AREA2', items: [{ indicator: 'REV' }] };
  assert.ok(classifyDataPath({ indicator: 'RATE', subject }, cat([area, withRev])).ok);
  assert.equal(classifyDataPath({ indicator: 'GDP', reference: 'LAND', subject }, cat([area])).ok, false);
});
