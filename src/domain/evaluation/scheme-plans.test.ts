import assert from 'node:assert/strict';
import { test } from 'node:test';
import { schemeOwners, schemePlans } from './scheme-plans.ts';

test("a scheme belongs to its subject's plan and to every plan its sources cite, once each", () => {
  const definition = {
    subject: { kinds: ['development_zone'], plan: 'parks' },
    sources: [
      { item: 'scheme', plan: 'parks', section: '一', quote: '…' },
      { item: 'A', plan: 'regional', section: '二', quote: '…' },
    ],
  };
  assert.deepEqual(schemePlans(definition), ['parks', 'regional']);
});

test('a definition of any shape names no plan rather than throwing', () => {
  for (const d of [null, 'x', 3, [], { subject: 'x', sources: 'y' }, { sources: [null, 1, { plan: 2 }, { plan: '' }] }])
    assert.deepEqual(schemePlans(d), []);
});

test('a stored scheme citing no plan is owned by every plan (null)', () => {
  assert.deepEqual(schemeOwners({ subject: { kinds: ['ftz_area'] } }), [null]);
  assert.deepEqual(schemeOwners({ subject: { plan: 'ftz' } }), ['ftz']);
});
