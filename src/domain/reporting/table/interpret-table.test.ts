import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTableInterpreter } from './interpret-table.ts';
import type { InterpreterOptions, SheetRow, TableItem, TableRecord, TableUnit } from './table.types.ts';

const items: TableItem[] = [
  {
    indicator: 'REVENUE',
    name: '营业收入',
    nameEn: 'Operating revenue',
    unit: '亿元',
    synonyms: ['营业总收入', '营收'],
    cumulative: true,
  },
  { indicator: 'EMPLOYEES', name: '从业人员', nameEn: 'Persons employed', unit: '人', synonyms: ['从业人员期末人数'] },
  { indicator: 'LAND_AREA_MU', name: '用地面积', nameEn: 'Land area in use', unit: '亩', synonyms: ['建成区面积'] },
];
const units: TableUnit[] = [
  { code: 'ZN-HH-MENGZI', name: '蒙自经济技术开发区' },
  { code: 'ZN-QJ-ETDZ', name: '曲靖经济技术开发区', aliases: ['曲靖经开区'] },
  { code: 'X-1', name: '高新区' },
  { code: 'X-2', name: '高新区' },
];

function sheet(name: string, grid: (string | null)[][], first = 1): SheetRow[] {
  return grid.map((cells, i) => ({ sheet: name, row: first + i, cells }));
}

function run(rows: SheetRow[], options: Partial<InterpreterOptions> = {}) {
  const t = createTableInterpreter({ items, units, frequency: 'month', period: '2024-06', ...options });
  const records: TableRecord[] = [];
  for (const row of rows) records.push(...t.push(row));
  const outcome = t.finish();
  const brief = (r: TableRecord) => `${r.sheet}!${r.column}${r.row} ${r.orgUnit} ${r.indicator} ${r.period} ${r.value}`;
  return {
    ...outcome,
    records: records.map(brief),
    full: records,
    problemList: outcome.problems.map((p) => `${p.sheet}!${p.column ?? ''}${p.row ?? ''} ${p.code}`),
    noteList: outcome.notes.map((n) => `${n.row ?? ''} ${n.code}`),
  };
}

describe('wide layout', () => {
  it('reads one row per unit with stacked merged headings, unit row, sheet unit line and ignored columns', () => {
    const out = run(
      sheet('月报', [
        ['2024年6月开发区主要经济指标'],
        ['填报单位：省商务厅', null, null, '金额单位：万元'],
        ['序号', '开发区名称', '主要经济指标', null, null, '备注'],
        [null, null, '营业收入', '从业人员', '用地面积', null],
        [null, null, null, '人', '公顷', null],
        ['1', '蒙自经济技术开发区', '１２，３４５．６', '1,200', '10', null],
        ['2', '曲靖经开区', '3亿元', '—', null, null],
        [null, '合计', '1', '2', '3'],
      ]),
    );
    assert.deepEqual(out.records, [
      '月报!C6 ZN-HH-MENGZI REVENUE 2024-06 1.23456',
      '月报!D6 ZN-HH-MENGZI EMPLOYEES 2024-06 1200',
      '月报!E6 ZN-HH-MENGZI LAND_AREA_MU 2024-06 150',
      '月报!C7 ZN-QJ-ETDZ REVENUE 2024-06 3',
      '月报!D7 ZN-QJ-ETDZ EMPLOYEES 2024-06 null',
    ]);
    assert.deepEqual(out.full[0], {
      sheet: '月报',
      row: 6,
      column: 'C',
      orgUnit: 'ZN-HH-MENGZI',
      indicator: 'REVENUE',
      cumulative: true,
      period: '2024-06',
      value: '1.23456',
      raw: '１２，３４５．６',
      fromUnit: '万元',
      exact: true,
    });
    assert.deepEqual(out.noteList, ['3 column_ignored', '3 column_ignored', '8 total_row_skipped']);
    assert.deepEqual(out.problemList, []);
    assert.deepEqual(out.sheets, [{ name: '月报', layout: 'wide', status: 'read', reason: null, rows: 8, records: 5 }]);
  });

  it('returns each row’s records from push, as the row arrives', () => {
    const t = createTableInterpreter({ items, units, frequency: 'month', period: '2024-06' });
    const [head, row] = sheet('s', [
      ['单位名称', '营业收入'],
      ['ZN-HH-MENGZI', '2'],
    ]);
    assert.deepEqual(t.push(head!), []);
    assert.equal(t.push(row!).length, 1);
  });

  it('keeps 本月 and 本年累计 both, each as its own kind; same-kind columns clash', () => {
    const out = run(
      sheet('s', [
        ['单位名称', '营业收入', null, '从业人员', null, '营收'],
        [null, '本月', '本年累计', '本月', '本年累计', '本年累计'],
        ['蒙自经济技术开发区', '1', '6', '100', '100', '7'],
      ]),
    );
    assert.deepEqual(out.records, [
      's!B3 ZN-HH-MENGZI REVENUE 2024-06 1',
      's!C3 ZN-HH-MENGZI REVENUE 2024-06 6',
      's!D3 ZN-HH-MENGZI EMPLOYEES 2024-06 100',
      's!E3 ZN-HH-MENGZI EMPLOYEES 2024-06 100',
    ]);
    assert.deepEqual(
      out.full.map((r) => r.cumulative),
      [false, true, false, true],
    );
    assert.deepEqual(out.problemList, ['s!F1 duplicate_column']);
    assert.deepEqual(out.noteList, []);
  });

  it('reads a period column, checks its frequency, and reports header units of the wrong kind', () => {
    const out = run(
      sheet('s', [
        ['单位名称', '报告期', '营业收入（亩）', '从业人员'],
        ['蒙自经济技术开发区', '2024年5月', '1', '10'],
        ['蒙自经济技术开发区', '2024年第二季度', '1', '11'],
        ['蒙自经济技术开发区', '上半年', '1', '12'],
        ['蒙自经济技术开发区', null, '1', '13'],
      ]),
    );
    assert.deepEqual(out.records, ['s!D2 ZN-HH-MENGZI EMPLOYEES 2024-05 10', 's!D5 ZN-HH-MENGZI EMPLOYEES 2024-06 13']);
    assert.deepEqual(out.problemList, ['s!C1 header_unit_mismatch', 's!B3 period_frequency', 's!B4 bad_period']);
  });

  it('reports unknown, ambiguous and missing units, cell errors and duplicates with bilingual reasons', () => {
    const out = run(
      sheet('s', [
        ['单位', '营业收入', '从业人员'],
        ['不存在的园区', '1', '1'],
        ['高新区', '1', '1'],
        ['蒙自经济技术开发区', '1,23', '1e5'],
        [null, '5', null],
        ['ZN-HH-MENGZI', '9', '8'],
        ['蒙自经济技术开发区', null, '9'],
        ['二、省级开发区', null, null],
      ]),
    );
    assert.deepEqual(out.problemList, [
      's!A2 unknown_org_unit',
      's!A3 ambiguous_org_unit',
      's!B4 bad_thousands_separator',
      's!C4 scientific_notation',
      's!A5 missing_org_unit',
      's!C7 duplicate',
    ]);
    const dup = out.problems.at(-1)!;
    assert.equal(dup.value, '9');
    assert.equal(dup.reason, 'Persons employed of ZN-HH-MENGZI for 2024-06 was already given in sheet "s" cell C6');
    assert.equal(dup.reasonZh, '蒙自经济技术开发区2024-06的“从业人员”已在工作表“s”C6单元格填报，重复');
    assert.equal(out.problems[2]!.reasonZh, '营业收入：“1,23”的千分位分隔符位置不正确');
    assert.deepEqual(out.noteList, ['8 row_skipped']);
  });

  it('without a period anywhere the sheet is not read and says so once', () => {
    const out = run(
      sheet('s', [
        ['单位名称', '营业收入'],
        ['ZN-HH-MENGZI', '1'],
      ]),
      { period: null },
    );
    assert.deepEqual(out.problemList, ['s!1 missing_period', '! no_table']);
    assert.equal(out.sheets[0]!.status, 'ignored');
  });
});

describe('long layout', () => {
  it('reads unit, indicator, period, value and unit columns, English or Chinese', () => {
    const out = run(
      [
        ...sheet('values', [
          ['org_unit', 'indicator', 'period', 'value', 'unit'],
          ['ZN-HH-MENGZI', 'REVENUE', '2024-06', '125000', '万元'],
          ['ZN-HH-MENGZI', '营业收入（万元）', '2024-05', '100', null],
          ['ZN-HH-MENGZI', '亩均税收', '2024-06', '1', null],
          ['ZN-QJ-ETDZ', 'LAND_AREA_MU', '2024', '1', null],
          ['ZN-QJ-ETDZ', 'EMPLOYEES', null, '—', null],
        ]),
      ],
      { period: null },
    );
    assert.deepEqual(out.records, ['values!D2 ZN-HH-MENGZI REVENUE 2024-06 12.5', 'values!D3 ZN-HH-MENGZI REVENUE 2024-05 0.01']);
    assert.deepEqual(out.problemList, ['values!B4 unknown_indicator', 'values!C5 period_frequency', 'values!C6 missing_period']);
  });
});

describe('indicator-row layout', () => {
  it('takes the unit from the 填报单位 line and 本年累计/本月 by indicator', () => {
    const out = run(
      sheet('统计表', [
        ['填报单位：红河州蒙自经济技术开发区'],
        ['指标名称', '计量单位', '本月', '1-6月累计', '同比增长%'],
        ['一、营业收入', '万元', '100', '600', '5'],
        ['（二）从业人员', '人', '50', '49', null],
        ['亩均税收', '万元/亩', '1', '1', null],
        ['三、其他指标', null, null, null, null],
      ]),
    );
    assert.deepEqual(out.records, [
      '统计表!C3 ZN-HH-MENGZI REVENUE 2024-06 0.01',
      '统计表!D3 ZN-HH-MENGZI REVENUE 2024-06 0.06',
      '统计表!C4 ZN-HH-MENGZI EMPLOYEES 2024-06 50',
      '统计表!D4 ZN-HH-MENGZI EMPLOYEES 2024-06 49',
    ]);
    assert.deepEqual(out.problemList, ['统计表!A5 unknown_indicator']);
    assert.deepEqual(out.noteList, ['2 growth_column', '6 row_skipped']);
  });

  it('falls back to the sheet name, and reports a unit it cannot name', () => {
    const named = run(
      sheet('曲靖经济技术开发区', [
        ['指标', '单位', '2024年6月'],
        ['营业收入', '亿元', '2'],
      ]),
    );
    assert.deepEqual(named.records, ['曲靖经济技术开发区!C2 ZN-QJ-ETDZ REVENUE 2024-06 2']);
    const unknown = run(sheet('表1', [['填报单位：某某园区'], ['指标名称', '本期'], ['营业收入', '2']]));
    assert.deepEqual(unknown.problemList, ['表1!A1 unknown_org_unit', '! no_table']);
    const missing = run(
      sheet('表1', [
        ['指标名称', '本期'],
        ['营业收入', '2'],
      ]),
    );
    assert.deepEqual(missing.problemList, ['表1! missing_org_unit', '! no_table']);
  });
});

describe('sheets and limits', () => {
  it('ignores sheets without a heading, reports when no sheet is usable', () => {
    const out = run([...sheet('说明', [['填表说明'], ['1. 按月填报']]), ...sheet('空', [[]])]);
    assert.deepEqual(
      out.sheets.map((s) => [s.name, s.status, s.reason?.en]),
      [
        ['说明', 'ignored', 'no table heading (such as 单位名称 or 指标名称) in the first 20 rows'],
        ['空', 'ignored', 'empty sheet'],
      ],
    );
    assert.deepEqual(out.problemList, ['! no_table']);
  });

  it('finds a heading only in the first 20 rows', () => {
    const filler = Array.from({ length: 20 }, (_, i) => [`第${i + 1}行说明文字`]);
    const out = run(sheet('s', [...filler, ['单位名称', '营业收入'], ['ZN-HH-MENGZI', '1']]));
    assert.equal(out.sheets[0]!.status, 'ignored');
  });

  it('stores at most 1000 problems but counts them all', () => {
    const rows = sheet('s', [['单位名称', '营业收入'], ...Array.from({ length: 1500 }, () => ['ZN-HH-MENGZI', 'abc'])]);
    const out = run(rows);
    assert.equal(out.problems.length, 1000);
    assert.equal(out.problemsTotal, 1500);
  });

  it('catches a figure given twice across sheets', () => {
    const out = run([
      ...sheet('a', [
        ['单位名称', '营业收入'],
        ['ZN-HH-MENGZI', '1'],
      ]),
      ...sheet('b', [
        ['单位代码', '营业收入'],
        ['ZN-HH-MENGZI', '2'],
      ]),
    ]);
    assert.deepEqual(out.problemList, ['b!B2 duplicate']);
  });

  it('rejects an upload period of the wrong frequency', () => {
    assert.throws(() => createTableInterpreter({ items, units, frequency: 'quarter', period: '2024-06' }), RangeError);
  });

  it('accepts quarterly forms with Chinese quarter periods', () => {
    const out = run(
      sheet('s', [
        ['单位名称', '季度', '营业收入'],
        ['ZN-HH-MENGZI', '2024年第二季度', '1'],
      ]),
      {
        frequency: 'quarter',
        period: null,
      },
    );
    assert.deepEqual(out.records, ['s!C2 ZN-HH-MENGZI REVENUE 2024Q2 1']);
  });
});

describe('zone workbooks as statisticians send them (issue 18)', () => {
  const zoneItems: TableItem[] = [
    ...items,
    { indicator: 'FAI', name: '固定资产投资', nameEn: 'Fixed-asset investment', unit: '亿元', synonyms: [], cumulative: true },
    { indicator: 'ENTERPRISES', name: '入驻企业数', nameEn: 'Enterprises', unit: '家', synonyms: ['企业数'] },
  ];
  const zoneUnits: TableUnit[] = [
    { code: 'ZN-KM-HTDZ', name: '昆明高新技术产业开发区' },
    { code: 'ZN-CX-HTDZ', name: '楚雄国家高新技术产业开发区' },
    { code: 'FTZ-KM', name: '中国（云南）自由贸易试验区昆明片区' },
    { code: 'FTZ-HH', name: '中国（云南）自由贸易试验区红河片区' },
    { code: 'ZN-QJ-ETDZ', name: '曲靖经济技术开发区', inScope: false },
  ];
  const zone = (rows: SheetRow[], options: Partial<InterpreterOptions> = {}) =>
    run(rows, { items: zoneItems, units: zoneUnits, ...options });

  it('reads short zone names (昆明高新区, 楚雄高新区) and suggests in-scope units for unknown ones', () => {
    const out = zone(
      sheet('s', [
        ['单位名称', '营业收入'],
        ['昆明高新区', '1'],
        ['楚雄高新区', '2'],
        ['昆明高新园', '3'],
        ['曲靖经开', '4'],
      ]),
    );
    assert.deepEqual(out.records, ['s!B2 ZN-KM-HTDZ REVENUE 2024-06 1', 's!B3 ZN-CX-HTDZ REVENUE 2024-06 2']);
    assert.deepEqual(out.problemList, ['s!A4 unknown_org_unit', 's!A5 unknown_org_unit']);
    assert.deepEqual(out.problems[0]!.suggestions?.[0], { code: 'ZN-KM-HTDZ', name: '昆明高新技术产业开发区' });
    assert.match(out.problems[0]!.reasonZh, /您是否指：昆明高新技术产业开发区（ZN-KM-HTDZ）/);
    // 曲靖 is outside the uploader's scope: never suggested.
    assert.ok(!(out.problems[1]!.suggestions ?? []).some((u) => u.code === 'ZN-QJ-ETDZ'));
  });

  it('reads "固定资产投资（亿元）1-6月累计"; a recognised but unreadable or off-form column is an error, not a note', () => {
    const read = zone(
      sheet('s', [
        ['单位名称', '固定资产投资（亿元）1-6月累计', '营业收入（万元）当月'],
        ['昆明高新区', '3.5', '1200'],
      ]),
    );
    assert.deepEqual(read.records, ['s!B2 ZN-KM-HTDZ FAI 2024-06 3.5', 's!C2 ZN-KM-HTDZ REVENUE 2024-06 0.12']);
    assert.deepEqual(
      read.full.map((r) => r.cumulative),
      [true, false],
    );
    assert.deepEqual(read.problemList, []);
    const bad = zone(
      sheet('s', [
        ['单位名称', '营业收入', '营业收入占全省比重', '工业总产值'],
        ['昆明高新区', '1', '5', '9'],
      ]),
      {
        otherIndicators: [
          { indicator: 'INDUSTRIAL_OUTPUT', name: '工业总产值', nameEn: 'Gross industrial output', synonyms: [] },
        ],
      },
    );
    assert.deepEqual(bad.problemList, ['s!C1 unmapped_indicator_column', 's!D1 indicator_not_on_form']);
    assert.deepEqual(bad.noteList, []);
  });

  it('reads a transposed sheet: indicators in rows, 片区 in columns, with a 本月/累计 sub-heading', () => {
    const out = zone(
      sheet('片区', [
        ['指标名称', '计量单位', '昆明片区', null, '红河片区', null, '合计'],
        [null, null, '本月', '1-6月累计', '本月', '1-6月累计', null],
        ['营业收入', '亿元', '1', '6', '2', '9', '15'],
        ['入驻企业数', '户', '3', null, '4', null, null],
      ]),
    );
    assert.deepEqual(out.records, [
      '片区!C3 FTZ-KM REVENUE 2024-06 1',
      '片区!D3 FTZ-KM REVENUE 2024-06 6',
      '片区!E3 FTZ-HH REVENUE 2024-06 2',
      '片区!F3 FTZ-HH REVENUE 2024-06 9',
      '片区!C4 FTZ-KM ENTERPRISES 2024-06 3',
      '片区!E4 FTZ-HH ENTERPRISES 2024-06 4',
    ]);
    assert.deepEqual(
      out.full.map((r) => r.cumulative),
      [false, true, false, true, false, false],
    );
    assert.deepEqual(out.problemList, []);
    assert.equal(out.sheets[0]!.layout, 'units_in_columns');
  });

  it('counts 户 where the indicator counts 家; a unit of another kind names the cell', () => {
    const out = zone(
      sheet('s', [
        ['单位名称', '企业数（户）'],
        ['昆明高新区', '12'],
        ['楚雄高新区', '5亩'],
      ]),
    );
    assert.deepEqual(out.records, ['s!B2 ZN-KM-HTDZ ENTERPRISES 2024-06 12']);
    assert.deepEqual(out.problemList, ['s!B3 unit_mismatch']);
  });

  it('reads a month a heading states without a year in the sheet’s year, never as the sheet’s period', () => {
    const out = zone(
      sheet('s', [
        ['2024年6月开发区主要经济指标'],
        ['单位名称', '营业收入1-5月累计', '营业收入1-6月累计'],
        ['昆明高新区', '5', '6'],
      ]),
      { period: null },
    );
    assert.deepEqual(out.records, ['s!B3 ZN-KM-HTDZ REVENUE 2024-05 5', 's!C3 ZN-KM-HTDZ REVENUE 2024-06 6']);
    assert.deepEqual(out.problemList, []);
    const given = zone(
      sheet('s', [
        ['单位名称', '营业收入（亿元）1-5月累计'],
        ['昆明高新区', '5'],
      ]),
    );
    assert.deepEqual(given.records, ['s!B2 ZN-KM-HTDZ REVENUE 2024-05 5']);
    const transposed = zone(
      sheet('片区', [
        ['指标名称', '计量单位', '昆明片区1-5月累计', '红河片区1-5月累计'],
        ['营业收入', '亿元', '1', '2'],
      ]),
    );
    assert.deepEqual(transposed.records, ['片区!C2 FTZ-KM REVENUE 2024-05 1', '片区!D2 FTZ-HH REVENUE 2024-05 2']);
    // 1-5月 ends no quarter: an error naming the column, not a quarter's figure.
    const quarterly = zone(
      sheet('s', [
        ['单位名称', '营业收入1-5月累计'],
        ['昆明高新区', '5'],
      ]),
      { period: '2024Q2', frequency: 'quarter' },
    );
    assert.deepEqual(quarterly.records, []);
    assert.deepEqual(quarterly.problemList, ['s!B1 period_frequency']);
    assert.match(quarterly.problems[0]!.reasonZh, /第B列“营业收入1-5月累计”的期间2024年5月/);
  });

  it('reads the period from the title, else from the sheet name, when the upload names none', () => {
    const titled = zone(sheet('月报', [['2024年1-6月昆明片区主要经济指标'], ['单位名称', '营业收入'], ['昆明片区', '6']]), {
      period: null,
    });
    assert.deepEqual(titled.records, ['月报!B3 FTZ-KM REVENUE 2024-06 6']);
    assert.deepEqual(titled.noteList, ['1 period_from_title']);
    const named = zone(
      sheet('2024年5月', [
        ['单位名称', '营业收入'],
        ['昆明片区', '5'],
      ]),
      { period: null },
    );
    assert.deepEqual(named.records, ['2024年5月!B2 FTZ-KM REVENUE 2024-05 5']);
    const quarterly = zone(sheet('s', [['2024年1-6月片区季报'], ['单位名称', '营业收入'], ['昆明片区', '6']]), {
      period: null,
      frequency: 'quarter',
    });
    assert.deepEqual(quarterly.records, ['s!B3 FTZ-KM REVENUE 2024Q2 6']);
  });
});
