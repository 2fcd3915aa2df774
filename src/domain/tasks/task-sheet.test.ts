import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  duplicateOrdinals,
  interpretTaskRow,
  joinUnitNames,
  readHeader,
  splitUnitNames,
  type UnitResolver,
} from './task-sheet.ts';

const UNITS: Record<string, string> = {
  省发展改革委: 'DEPT-FGW',
  发展改革委: 'DEPT-FGW',
  省商务厅: 'DEPT-SWT',
  商务厅: 'DEPT-SWT',
  昆明海关: 'DEPT-KMHG',
};
const resolve: UnitResolver = (name) => (UNITS[name] ? { code: UNITS[name]!, name } : null);

describe('task sheet', () => {
  it('finds the customary header, with common variants', () => {
    assert.deepEqual(readHeader(['序号', '任务', '牵头单位', '配合单位', '完成时限']), {
      ordinal: 0,
      text: 1,
      lead: 2,
      co: 3,
      deadline: 4,
    });
    assert.deepEqual(readHeader(['编号', '重点任务', '责任单位', '完成时间']), { ordinal: 0, text: 1, lead: 2, deadline: 3 });
    assert.equal(readHeader(['云南省泛珠合作重点任务分工表']), null);
  });
  it('splits unit cells on 、，, ; and line breaks of either width, keeping each name as written (issue 18)', () => {
    const cases: [cell: string | null, names: string[]][] = [
      [
        '省发展改革委、商务厅，昆明海关;省外办；  省旅游发展委等\n省林业厅',
        ['省发展改革委', '商务厅', '昆明海关', '省外办', '省旅游发展委', '省林业厅'],
      ],
      ['昆明海关（驻昆）、第２协调小组，省外办;省林业厅；\u200b', ['昆明海关（驻昆）', '第２协调小组', '省外办', '省林业厅']],
      [null, []],
    ];
    for (const [cell, names] of cases) assert.deepEqual(splitUnitNames(cell), names, String(cell));
  });
  it('matches names and reports each unmatched one with row and field, keeping it', () => {
    const r = interpretTaskRow(
      5,
      {
        ordinal: '3',
        text: '推进口岸建设',
        lead: '昆明海关、省口岸办',
        co: '商务厅、发展改革委、滇中某局',
        deadline: '2020年底前',
      },
      resolve,
    );
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.task?.lead, [{ code: 'DEPT-KMHG', name: '昆明海关' }]);
    assert.deepEqual(r.task?.leadUnmatched, ['省口岸办']);
    assert.deepEqual(
      r.task?.co.map((u) => u.code),
      ['DEPT-SWT', 'DEPT-FGW'],
    );
    assert.deepEqual(r.task?.coUnmatched, ['滇中某局']);
    assert.equal(r.task?.deadlineOn, '2020-12-31');
    assert.deepEqual(
      r.unmatched.map((u) => [u.row, u.field, u.name, u.messageZh]),
      [
        [5, 'lead', '省口岸办', '第5行「牵头单位」：“省口岸办”未匹配到组织单位'],
        [5, 'co', '滇中某局', '第5行「配合单位」：“滇中某局”未匹配到组织单位'],
      ],
    );
  });
  it('drops a co-unit that also leads, and keeps a dateless deadline as text', () => {
    const r = interpretTaskRow(
      2,
      { ordinal: '1', text: '任务', lead: '省发展改革委', co: '发展改革委、商务厅', deadline: '长期坚持' },
      resolve,
    );
    assert.deepEqual(
      r.task?.co.map((u) => u.code),
      ['DEPT-SWT'],
    );
    assert.equal(r.task?.deadline, '长期坚持');
    assert.equal(r.task?.deadlineOn, null);
  });
  it('rejects a row without 序号 or text, naming row and field; a row without lead unit is allowed', () => {
    const r = interpretTaskRow(7, { ordinal: 'x', text: ' ', lead: '' }, resolve);
    assert.equal(r.task, null);
    assert.deepEqual(
      r.problems.map((p) => [p.field, p.messageZh]),
      [
        ['ordinal', '第7行「序号」：“x”不是正整数'],
        ['text', '第7行「任务」：任务内容为空'],
      ],
    );
    assert.match(r.problems[1]!.message, /^row 7, task: the task text is empty/);
    const noLead = interpretTaskRow(8, { ordinal: '4', text: '编制园区总体规划', lead: null }, resolve);
    assert.deepEqual([noLead.problems, noLead.task?.lead, noLead.task?.leadUnmatched], [[], [], []]);
  });
  it('flags repeated 序号 and joins names back for export', () => {
    const a = interpretTaskRow(2, { ordinal: '1', text: 'a', lead: '商务厅' }, resolve).task!;
    const b = interpretTaskRow(3, { ordinal: '1', text: 'b', lead: '商务厅' }, resolve).task!;
    assert.deepEqual(
      duplicateOrdinals([a, b]).map((p) => p.messageZh),
      ['第3行「序号」：1与第2行重复'],
    );
    assert.equal(joinUnitNames([{ name: '省商务厅' }], ['省口岸办']), '省商务厅、省口岸办');
  });
  it('keeps the task text as the sheet words it (issue 18: full-width punctuation stays)', () => {
    const r = interpretTaskRow(
      2,
      { ordinal: '1', text: '  推进口岸建设（含２个口岸），年底前完成 ', lead: '昆明海关', co: null, deadline: null },
      resolve,
    );
    assert.equal(r.task?.text, '推进口岸建设（含２个口岸），年底前完成');
  });
});
