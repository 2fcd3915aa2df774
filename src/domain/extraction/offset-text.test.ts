import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OffsetTextBuilder, identityText, originalRange } from './offset-text.ts';

describe('OffsetText', () => {
  it('maps a derived range back to the original characters it was made from', () => {
    const src = identityText('a  b\r\nc');
    const out = new OffsetTextBuilder();
    out.copy(src, 0, 1);
    out.copy(src, 3, 4);
    out.push('\n', 4, 6);
    out.copy(src, 6, 7);
    const t = out.build();
    assert.equal(t.text, 'ab\nc');
    assert.deepEqual(originalRange(t, 1, 4), { start: 3, end: 7 });
    assert.deepEqual(originalRange(t, 2, 2), { start: 4, end: 4 });
  });
});
