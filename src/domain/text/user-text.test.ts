import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keepUserText, sameText } from './user-text.ts';

describe('keepUserText', () => {
  it('keeps full-width punctuation, digits and brackets as typed', () => {
    const typed = '请于１２月３１日前报送（含附件），逾期将通报：ＡＢ';
    assert.equal(keepUserText(typed), typed);
  });
  it('keeps inner line breaks and spaces, trims the ends', () => {
    assert.equal(keepUserText('  第一条，\n第二条　 \n'), '第一条，\n第二条');
  });
  it('is empty when only white space or invisible characters were typed', () => {
    assert.equal(keepUserText(' \u3000\n'), '');
    assert.equal(keepUserText('\uFEFF\u200B'), '');
  });
});

describe('sameText', () => {
  it('treats the two widths of one name as the same name, and other names as other names', () => {
    assert.ok(sameText('土地供应率（供地率）', '土地供应率(供地率)'));
    assert.ok(sameText('⼈口（万人）', '人口(万人) '));
    assert.ok(!sameText('土地供应率（供地率）', '土地供应率'));
  });
});
