import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignmentRowsFromSheet } from './group-assignment-sheet.ts';

const sheet = (rows: (string | null)[][]) => rows.map((cells, i) => ({ sheet: 'S', row: i + 1, cells }));

describe('assignmentRowsFromSheet (issue 16 item 2)', () => {
  it('finds the header row by its words, below a title, and reads one unit a row', () => {
    const got = assignmentRowsFromSheet(
      sheet([['主体功能区类型表'], ['序号', '单位名称', '类型'], ['1', '景洪市', '重点生态功能区'], [null, null, null]]),
    );
    assert.deepEqual(got, { rows: [{ unit: '景洪市', group: '重点生态功能区', row: 3 }], problems: [] });
  });

  it('names the row and column of an empty cell, and a sheet with no header', () => {
    const got = assignmentRowsFromSheet(
      sheet([
        ['单位代码', '分组'],
        ['530102', ''],
      ]),
    );
    assert.deepEqual(
      got.problems.map((p) => [p.row, p.field, p.reasonZh]),
      [[2, 'group', '分组为空']],
    );
    assert.equal(assignmentRowsFromSheet(sheet([['县', '类']])).problems[0]!.field, 'header');
  });
});
