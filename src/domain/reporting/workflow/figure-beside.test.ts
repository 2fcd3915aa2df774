import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figureBeside } from './figure-beside.ts';

describe('figureBeside', () => {
  it('shows a submitted figure awaiting review, marked pending', () => {
    assert.deepEqual(figureBeside(undefined, { value: '100' }), { value: '100', origin: 'reported', pending: true });
  });
  it('prefers the unit’s submitted figure to a demo or plan figure of the same period', () => {
    assert.deepEqual(figureBeside({ value: '90', origin: 'synthetic' }, { value: '100' }), {
      value: '100',
      origin: 'reported',
      pending: true,
    });
  });
  it('shows an approved or stated figure as final, and nothing when there is none', () => {
    assert.deepEqual(figureBeside({ value: '90', origin: 'reported' }, undefined), {
      value: '90',
      origin: 'reported',
      pending: false,
    });
    assert.deepEqual(figureBeside({ value: '8', origin: 'plan' }, undefined), { value: '8', origin: 'plan', pending: false });
    assert.deepEqual(figureBeside(undefined, undefined), { value: null, origin: null, pending: false });
  });
});
