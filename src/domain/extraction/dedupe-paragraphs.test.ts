import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedupeParagraphs, sentenceRanges } from './dedupe-paragraphs.ts';
import { identityText, originalRange } from './offset-text.ts';

describe('dedupeParagraphs', () => {
  it('keeps the first copy of repeated sentences, in document order, with original offsets', () => {
    const a = '截至2020年,自贸试验区新增市场主体突破6万户。';
    const b = '到2025年,进出口额达到2675.78亿元。';
    const raw = `${a}${b}\n${b}其他内容。\n${a}`;
    const { text, dropped } = dedupeParagraphs(identityText(raw));
    assert.equal(text.text, `${a}${b}\n其他内容。`);
    assert.equal(dropped, 2);
    const at = text.text.indexOf('其他');
    assert.equal(originalRange(text, at, at + 2).start, raw.indexOf('其他'));
  });
  it('drops a copy that a cut-off line ran into within a paragraph, and keeps a full sentence after a fragment of it', () => {
    const a = '示范市政府正式发布《纲要》,到2035年全市GDP力争达2.8万亿元。';
    const cut = '《纲要》设置27个专栏,以图表形式对具体目标';
    const { text, dropped } = dedupeParagraphs(identityText(`${a}${cut}${a}\n其他内容。`));
    assert.equal(text.text, `${a}${cut}\n其他内容。`);
    assert.equal(dropped, 1);
    const fragment = '一般公共预算收入94.93亿元,同比增长103.8%。';
    const full = `截至2020年,吸收外资3.69亿美元;${fragment}`;
    assert.equal(dedupeParagraphs(identityText(`${fragment}\n${full}`)).text.text, `${fragment}\n${full}`);
  });
  it('keeps short sentences and repeated responsibility clauses', () => {
    const clause = '(省工业和信息化委牵头;省发展改革委、质监局等按照职责分工负责)';
    const raw = `加强组织领导。打造新材料产业集群。${clause}\n加强组织领导。打造装备制造业产业集群。${clause}`;
    assert.equal(dedupeParagraphs(identityText(raw)).text.text, raw);
  });
  it('splits sentences after 。!? with closing quotes', () => {
    const s = '他说:“好。”然后走了!';
    assert.deepEqual(
      sentenceRanges(s, 0, s.length).map(([a, b]) => s.slice(a, b)),
      ['他说:“好。”', '然后走了!'],
    );
  });
});

describe('dedupeParagraphs on a 分工方案', () => {
  it('keeps the labelled lines that repeat item after item', () => {
    const line = '牵头领导:省政府分管领导同志牵头单位:省发展改革委责任单位:省工业和信息化厅、省商务厅等';
    const text = `1.地区生产总值增长5%以上。\n${line}\n4.固定资产投资增长10%以上。\n${line}`;
    const r = dedupeParagraphs(identityText(text));
    assert.equal(r.dropped, 0);
    assert.equal(r.text.text, text);
  });
});
