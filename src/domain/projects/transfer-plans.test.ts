import assert from 'node:assert/strict';
import { test } from 'node:test';
import { transferPlans, type FormReach } from './transfer-plans.ts';

const devZoneMonthly: FormReach = {
  plans: ['parks'],
  reporters: { kinds: ['development_zone'], units: [] },
  items: [{ indicator: 'REVENUE' }, { indicator: 'FAI' }],
};
const ftzQuarterly: FormReach = { plans: ['ftz'], reporters: { kinds: ['ftz_area'], units: [] }, items: [{ indicator: 'FAI' }] };
const ftzOffice: FormReach = {
  plans: ['ftz'],
  reporters: { kinds: [], units: ['YN-FTZ'] },
  items: [{ indicator: 'INDUSTRIAL_OUTPUT', responsible: 'DEPT-TJJ' }],
};
const forms = [devZoneMonthly, ftzQuarterly, ftzOffice];

test('a transfer between two development zones belongs to the plan whose form collects their figures', () => {
  const zones = [
    { code: 'ZN-KM-HIGHTECH', kind: 'development_zone' },
    { code: 'ZN-HH-MENGZI', kind: 'development_zone' },
  ];
  assert.deepEqual([...new Set(transferPlans(zones, forms))], ['parks']);
});

test('a zone of another kind brings its own plan; a zone reporting no shared figure brings none (null)', () => {
  const zones = [
    { code: 'ZN-HH-MENGZI', kind: 'development_zone' },
    { code: 'FTZ-KM', kind: 'ftz_area' },
    { code: 'YN-FTZ', kind: 'ftz' },
  ];
  assert.deepEqual(transferPlans(zones, forms), ['parks', 'ftz', null]);
});

test('a form that collects no shared indicator does not tie the transfer to its plan', () => {
  const revenueOnly: FormReach = { ...devZoneMonthly, plans: ['other'], items: [{ indicator: 'REVENUE' }] };
  assert.deepEqual(transferPlans([{ code: 'Z', kind: 'development_zone' }], [revenueOnly]), [null]);
});
