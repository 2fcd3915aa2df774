import assert from 'node:assert/strict';
import { it } from 'node:test';
import { freeCode } from './free-code.ts';

it('takes the first number under the prefix that no code holds', () => {
  assert.equal(freeCode('SC', new Set()), 'SC-1');
  assert.equal(freeCode('SC', new Set(['SC-1', 'SC-2', 'SC-4'])), 'SC-3');
  assert.equal(freeCode('OU', new Set(['SC-1'])), 'OU-1');
});
