import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSectionTree, headingText } from './section-tree.ts';

describe('buildSectionTree', () => {
  it('nests 章/节/一、/(一)/1. by the order in which marker styles appear', () => {
    const text = [
      '第一章 总体要求',
      '第一节 发展目标',
      '一、近期目标',
      '(一)经济指标',
      '1.进出口',
      '正文。',
      '二、远景展望',
      '第二章 主要任务',
      '专栏1 重点项目',
      '附件1:政策汇总',
    ].join('\n');
    const tree = buildSectionTree(text);
    assert.deepEqual(
      tree.headings.map((h) => `${'  '.repeat(h.depth)}${headingText(h)}`),
      [
        '第一章总体要求',
        '  第一节发展目标',
        '    一、近期目标',
        '      (一)经济指标',
        '        1.进出口',
        '    二、远景展望',
        '第二章主要任务',
        '  专栏1重点项目',
        '附件1政策汇总',
      ],
    );
    assert.deepEqual(
      tree.pathAt(text.indexOf('正文')).map((h) => h.title),
      ['总体要求', '发展目标', '近期目标', '经济指标', '进出口'],
    );
  });
  it('finds headings run into the text by a PDF export, after a sentence end', () => {
    const tree = buildSectionTree(
      '…实现了新突破。第一章建设成效和发展环境第一节建设成效2020年1月,总书记考察云南。第三节发展目标到2025年,完成任务。',
    );
    assert.deepEqual(
      tree.headings.map((h) => [h.kind, h.title]),
      [
        ['chapter', '建设成效和发展环境'],
        ['section', '建设成效'],
        ['section', '发展目标'],
      ],
    );
  });
  it('does not take an ordinal inside a sentence for a heading', () => {
    assert.equal(buildSectionTree('入选国家第四批最佳实践案例,规划第十四个五年。').headings.length, 0);
  });
});
