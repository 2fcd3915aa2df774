import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnText } from './column-text.ts';

test('columnText joins a column with commas and sends null as an empty field', () => {
  const rows = [{ v: 1 }, { v: null }, { v: 'a;b' }, { v: true }];
  assert.equal(
    columnText(rows, (r) => r.v),
    '1,,a;b,true',
  );
  assert.equal(
    columnText([], () => 1),
    '',
  );
});
