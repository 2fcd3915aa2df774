import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactForMatch, normaliseText } from './normalise.ts';
import { createQuoteIndex } from './locate-quote.ts';

describe('normaliseText', () => {
  it('folds Kangxi radicals, full-width digits and punctuation', () => {
    assert.equal(normaliseText('⼈民政府（２０２５年）：进出⼝'), '人民政府(2025年):进出口');
  });
  it('folds CJK radical supplement look-alikes that NFKC leaves alone', () => {
    assert.equal(normaliseText('\u2EA0族\u2ED3期'), '民族长期');
  });
  it('repairs the 口 that PDF exports write as the Kangxi radical 又, and keeps the word 又', () => {
    assert.equal(normaliseText('进出\u2F1C总额既“便”又“利”,\u2F1D'), '进出口总额既“便”又“利”,口');
  });
  it('drops BOM and zero-width characters and unifies line ends', () => {
    assert.equal(normaliseText('\uFEFFa\u200Bb\r\nc'), 'ab\nc');
  });
  it('compacts white space for matching', () => {
    assert.equal(compactForMatch('进出口 总额\n达到'), '进出口总额达到');
  });
});

describe('createQuoteIndex', () => {
  const source = normaliseText('前言\n到2025年,进出口\n总额达到2675.78亿元。\n其他');
  const index = createQuoteIndex(source);
  it('finds a quote across a PDF line break and returns offsets into the source', () => {
    const at = index.locate('进出口总额达到2675.78亿元');
    assert.ok(at);
    assert.equal(source.slice(at.start, at.end), '进出口\n总额达到2675.78亿元');
  });
  it('matches quotes written with full-width punctuation', () => {
    assert.ok(index.locate('到２０２５年，进出口'));
  });
  it('returns null for text that is not in the source', () => {
    assert.equal(index.locate('进出口总额达到3000亿元'), null);
    assert.equal(index.locate('   '), null);
  });
  it('searches from an offset', () => {
    const text = 'AB AB';
    const i = createQuoteIndex(text);
    assert.deepEqual(i.locate('AB', 1), { start: 3, end: 5 });
  });
});
