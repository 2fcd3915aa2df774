import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cutSectionTexts } from './section-text.ts';

describe('cutSectionTexts', () => {
  const source = '目录 第一章 总则 第二章 目标\n第一章 总则\n总则正文。\n第一节 范围\n范围正文。\n第二章 目标\n目标正文。';
  it('cuts from each heading to the next heading of the same or a higher level, after the table of contents', () => {
    const texts = cutSectionTexts(source, [
      { heading: '第一章 总则', depth: 0 },
      { heading: '第一节 范围', depth: 1 },
      { heading: '第二章 目标', depth: 0 },
    ]);
    assert.equal(texts[0], '第一章 总则\n总则正文。\n第一节 范围\n范围正文。');
    assert.equal(texts[1], '第一节 范围\n范围正文。');
    assert.equal(texts[2], '第二章 目标\n目标正文。');
  });
  it('gives empty text to a heading that is not in the source', () => {
    assert.deepEqual(cutSectionTexts('abc', [{ heading: '第九章', depth: 0 }]), ['']);
  });
});
