import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyField } from './bulk-transaction.ts';

describe('a field of a COPY text row', () => {
  it('is written as it is when nothing in it needs escaping', () => {
    assert.equal(copyField('营业收入 12.5'), '营业收入 12.5');
    assert.equal(copyField(42), '42');
    assert.equal(copyField(false), 'false');
  });
  it('escapes backslash, tab, newline and carriage return, every one, and writes null as \\N', () => {
    assert.equal(copyField('a\\b\tc\nd\re\\\\'), 'a\\\\b\\tc\\nd\\re\\\\\\\\');
    assert.equal(copyField(null), '\\N');
  });
});
