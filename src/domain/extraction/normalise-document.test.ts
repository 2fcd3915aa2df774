import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseDocument } from './normalise-document.ts';
import { originalRange } from './offset-text.ts';

const wrapped = (lines: string[]) => lines.join('\n\n');

describe('normaliseDocument', () => {
  it('folds look-alikes and full-width forms, repairing the 口 written as U+2F1C', () => {
    assert.equal(normaliseDocument('进出\u2F1C额达到２６７５．７８亿元（含税）').text, '进出口额达到2675.78亿元(含税)');
  });
  it('joins lines broken inside a sentence and keeps breaks after a sentence or around a heading', () => {
    const raw = wrapped([
      '一、 发展目标',
      '到 2025 年，进出口贸易总额由 2021 年的 77.33 亿元',
      '提高至超 110 亿元人民币，年均增长 10%以',
      '上。',
      '(一) 进出口贸易总额持续增长',
      '到 2025 年，进出口贸易总额保持稳定增长，全面深化改革。',
    ]);
    assert.equal(
      normaliseDocument(raw).text,
      '一、发展目标\n到2025年,进出口贸易总额由2021年的77.33亿元提高至超110亿元人民币,年均增长10%以上。\n(一)进出口贸易总额持续增长\n到2025年,进出口贸易总额保持稳定增长,全面深化改革。',
    );
  });
  it('keeps a document’s title line apart from the wrapped text after it', () => {
    const raw = [
      '某某区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
      '“十三五”时期,面对错综复杂的形势,全区经济社',
      '会发展取得巨大成就。',
    ].join('\n');
    assert.equal(
      normaliseDocument(raw).text,
      '某某区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n“十三五”时期,面对错综复杂的形势,全区经济社会发展取得巨大成就。',
    );
  });
  it('keeps the title line apart after a page’s furniture lines too', () => {
    const raw = [
      '首页 > 新闻中心',
      '某某区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
      '“十三五”时期,面对错综复杂的形势,全区经济社',
      '会发展取得巨大成就。',
    ].join('\n');
    assert.match(normaliseDocument(raw).text, /远景目标纲要\n“十三五”时期,/);
  });
  it('drops page numbers and running headers, and keeps the map to original offsets', () => {
    const page = (n: number) => `昆明综合保税区产业发展规划\n- ${n} -`;
    const body = ['第一段内容包括进出口贸易总额的发展情况和相', '关数据,以及园区建设的主要成效和经验。'];
    const raw = [body[0], page(1), '\f', body[1], page(2), '\f', '第三段内容说明规划期为2021年至2025年。', page(3)].join('\n');
    const t = normaliseDocument(raw);
    assert.equal(
      t.text,
      '第一段内容包括进出口贸易总额的发展情况和相关数据,以及园区建设的主要成效和经验。\n第三段内容说明规划期为2021年至2025年。',
    );
    const at = t.text.indexOf('关数据');
    const { start } = originalRange(t, at, at + 3);
    assert.equal(raw.slice(start, start + 3), '关数据');
  });
  it('keeps year columns of a table, which look like page numbers only when short', () => {
    const t = normaliseDocument(wrapped(['年份 进出口贸易总额（亿元）', '2023', '2024', '2025'])).text;
    assert.match(t, /2023[\s\S]*2024[\s\S]*2025/);
  });
  it('joins a line break inside a responsibility clause', () => {
    const raw = [
      '这是一个很长的任务说明文字,用来模拟PDF中按页宽折行的正文内容。',
      '(省交通运输厅牵头;',
      '省发展改革委等按照职责分工负责)',
    ].join('\n');
    assert.match(normaliseDocument(raw).text, /\(省交通运输厅牵头;省发展改革委等按照职责分工负责\)/);
  });
  it('reads a page’s HTML source as the page: tags and comments dropped, block tags as breaks, entities decoded', () => {
    const raw =
      '<!----><style>html{font-size:375%}</style><p data-track="9">持续做好&ldquo;两重&rdquo;工作。</p><p data-track="12">供应建设用地35万亩以上。</p>';
    const doc = normaliseDocument(raw);
    assert.equal(doc.text, '持续做好“两重”工作。\n供应建设用地35万亩以上。');
    const at = doc.text.indexOf('35');
    const { start } = originalRange(doc, at, at + 2);
    assert.equal(raw.slice(start, start + 2), '35');
    assert.equal(normaliseDocument('甲<乙>丙 & 丁').text, '甲<乙>丙&丁');
  });
});
