import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CatalogueInput } from './candidate.schema.ts';
import { divisionDeadline, findDivisionRecords } from './division-tasks.ts';
import { extractCandidates } from './extract-candidates.ts';

describe('findDivisionRecords', () => {
  it('groups the labelled lines of each item, leaving out the leader (a person)', () => {
    const text = [
      '1.地区生产总值增长5%以上。',
      '牵头领导:省政府分管领导同志牵头单位:省发展改革委责任单位:省工业和信息化厅、省商务厅等,各市人民政府',
      '2.推进数字政府建设。',
      '牵头责任单位:省数据局。',
      '协同责任单位:省财政厅。',
      '完成时限:2024年底前',
    ].join('\n');
    const r = findDivisionRecords(text);
    assert.deepEqual(
      r.map((x) => [text.slice(x.itemFrom, x.from).trim(), x.lead, x.co, x.deadlineText]),
      [
        ['1.地区生产总值增长5%以上。', '省发展改革委', ['省工业和信息化厅、省商务厅等,各市人民政府'], undefined],
        ['2.推进数字政府建设。', '省数据局', ['省财政厅'], '2024年底前'],
      ],
    );
  });
});

describe('divisionDeadline', () => {
  it('reads dates and keeps ongoing work undated', () => {
    assert.deepEqual(['2024年底前', '2024年6月底前', '2024年3月15日前', '持续推进', '长期坚持'].map(divisionDeadline), [
      { deadline: '2024-12-31' },
      { deadline: '2024-06-30' },
      { deadline: '2024-03-15' },
      { recurrence: '持续推进' },
      { recurrence: '长期坚持' },
    ]);
  });
});

describe('extractCandidates on a 分工方案', () => {
  const catalogue: CatalogueInput = { indicators: [], orgUnits: [], groups: [] };
  const text = [
    '示范省2024年《政府工作报告》重点工作任务分工方案',
    '1.加快建设全国统一大市场示范区,清理妨碍公平竞争的政策措施。',
    '牵头单位:省市场监管局',
    '配合单位:省发展改革委、省商务厅,各市人民政府',
    '完成时限:2024年底前',
    '2.深化国资国企改革。',
    '牵头单位:省国资委',
    '责任单位:省财政厅',
    '完成时限:持续推进',
  ].join('\n');
  const r = extractCandidates(text, { catalogue });
  it('makes one task per item with its lead and co-units as written, vague units left out, and its deadline', () => {
    assert.deepEqual(
      r.tasks.map((k) => [k.text, k.lead.map((u) => u.name), k.co.map((u) => u.name), k.deadline, k.recurrence]),
      [
        [
          '1.加快建设全国统一大市场示范区,清理妨碍公平竞争的政策措施。',
          ['省市场监管局'],
          ['省发展改革委', '省商务厅'],
          '2024-12-31',
          undefined,
        ],
        ['2.深化国资国企改革。', ['省国资委'], ['省财政厅'], undefined, '持续推进'],
      ],
    );
  });
});
