import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boundedMemo } from './bounded-memo.ts';

test('a result is made once per argument, undefined and null results included', () => {
  let calls = 0;
  const f = boundedMemo(10, (k: string) => {
    calls++;
    return k === 'none' ? undefined : k.length;
  });
  assert.equal(f('abc'), 3);
  assert.equal(f('abc'), 3);
  assert.equal(f('none'), undefined);
  assert.equal(f('none'), undefined);
  assert.equal(calls, 2);
});

test('past the limit everything is forgotten, and results stay right', () => {
  let calls = 0;
  const f = boundedMemo(2, (k: number) => {
    calls++;
    return k * 2;
  });
  assert.deepEqual([f(1), f(2), f(3), f(1)], [2, 4, 6, 2]);
  // 1 and 2 were kept, 3 cleared them, so 1 was made again.
  assert.equal(calls, 4);
});
