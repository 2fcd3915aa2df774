import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeSegment, findFlawedText, textFlaw } from './well-formed.ts';

describe('well-formed text', () => {
  it('accepts ordinary text, Chinese and astral characters (surrogate pairs)', () => {
    for (const s of ['', 'abc', '红河州 GDP 增长 8%', '𠀀 emoji 😀', '\t\n\r'])
      assert.equal(textFlaw(s), null, JSON.stringify(s));
  });
  it('refuses NUL anywhere', () => {
    assert.equal(textFlaw('\u0000'), 'nul');
    assert.equal(textFlaw('admin\u0000'), 'nul');
  });
  it('refuses lone high and low surrogates, at the end and in the middle', () => {
    assert.equal(textFlaw('\ud800'), 'lone_surrogate');
    assert.equal(textFlaw('a\ud800b'), 'lone_surrogate');
    assert.equal(textFlaw('a\udc00'), 'lone_surrogate');
    assert.equal(textFlaw('\udc00\ud800'), 'lone_surrogate');
  });
  it('finds the first flawed string with its path, in values and keys at any depth', () => {
    assert.equal(findFlawedText({ a: [1, 'ok', { b: null }] }), null);
    assert.deepEqual(findFlawedText({ values: [{ indicator: 'GDP' }, { indicator: 'x\u0000' }] }), {
      path: '/values/1/indicator',
      flaw: 'nul',
    });
    assert.deepEqual(findFlawedText({ explanations: { ['k\ud800']: 'v' } }), {
      path: '/explanations/k\\ud800(key)',
      flaw: 'lone_surrogate',
    });
    assert.deepEqual(findFlawedText('\u0000'), { path: '/', flaw: 'nul' });
  });
  it('reports nesting deeper than it walks instead of overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.equal(findFlawedText(deep)?.flaw, 'too_deep');
  });
  it('shows flawed characters as escapes in paths', () => {
    assert.equal(escapeSegment('a\u0000\ud83d\ude00\udc00'), 'a\\u0000😀\\udc00');
  });
});
