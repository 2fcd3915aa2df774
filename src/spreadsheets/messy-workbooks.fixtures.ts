import ExcelJS from 'exceljs';
import type { SheetSummary, TableItem, TableProblem, TableRecord, TableUnit } from '../domain/reporting/table/table.types.ts';

/**
 * Messy .xlsx workbooks as reporters really send them, built in memory, each with the exact
 * outcome of reading it. Items are DEV_ZONE_MONTHLY's (dataset/forms/dev-zone-monthly.yaml, with
 * the indicators' own synonyms from dataset/base.yaml) plus one percentage indicator of the parks
 * plan; units are real zones. Plain data, so the fixtures need no database; the HTTP tests load
 * the same form and zones from the dataset.
 */

export const FIXTURE_PERIOD = '2024-06';
export const FIXTURE_FREQUENCY = 'month' as const;

export const FIXTURE_ITEMS: TableItem[] = [
  {
    indicator: 'REVENUE',
    name: '营业收入',
    nameEn: 'Operating revenue',
    unit: '亿元',
    synonyms: ['营业总收入', '主营业务收入', '营收'],
    cumulative: true,
  },
  {
    indicator: 'INDUSTRIAL_OUTPUT',
    name: '工业总产值',
    nameEn: 'Gross industrial output',
    unit: '亿元',
    synonyms: ['工业产值', '规上工业总产值'],
    cumulative: true,
  },
  {
    indicator: 'INDUSTRIAL_VA_ABOVE_SCALE',
    name: '规上工业增加值',
    nameEn: 'Value added of industry above designated size',
    unit: '亿元',
    synonyms: ['规模以上工业增加值'],
    cumulative: true,
  },
  {
    indicator: 'FAI',
    name: '固定资产投资',
    nameEn: 'Fixed-asset investment',
    unit: '亿元',
    synonyms: ['固投', '固定资产投资额', '完成固定资产投资'],
    cumulative: true,
  },
  {
    indicator: 'TAX_REVENUE',
    name: '税收收入',
    nameEn: 'Tax revenue',
    unit: '亿元',
    synonyms: ['税收', '税收总额', '实缴税金'],
    cumulative: true,
  },
  {
    indicator: 'TRADE_TOTAL',
    name: '进出口总额',
    nameEn: 'Total imports and exports',
    unit: '亿元',
    synonyms: ['外贸进出口', '货物进出口', '进出口', '外贸进出口总额', '货物贸易进出口', '进出口额', '外贸进出口额'],
    cumulative: true,
  },
  {
    indicator: 'FDI_ACTUAL',
    name: '实际利用外资',
    nameEn: 'Actually utilised foreign investment',
    unit: '亿美元',
    synonyms: ['实际使用外资', '利用外资', '实际到位外资', '实际利用外资额'],
    cumulative: true,
  },
  {
    indicator: 'LAND_AREA_MU',
    name: '用地面积',
    nameEn: 'Land area in use',
    unit: '亩',
    synonyms: ['建成区面积', '已开发面积', '已建成面积', '用地规模'],
  },
  {
    indicator: 'EMPLOYEES',
    name: '从业人员',
    nameEn: 'Persons employed',
    unit: '人',
    synonyms: ['从业人员数', '从业人数', '年末从业人员', '期末从业人员', '从业人员期末人数'],
  },
  {
    indicator: 'RD_EXPENDITURE',
    name: '研发经费支出',
    nameEn: 'R&D expenditure',
    unit: '亿元',
    synonyms: ['R&D经费', 'R&D经费支出', '研发投入', '研究与试验发展经费支出'],
    cumulative: true,
  },
  {
    indicator: 'LEADING_INDUSTRY_REVENUE_SHARE',
    name: '主导产业营业收入占全部营业收入比重',
    nameEn: "Share of the leading industries in a zone's operating revenue",
    unit: '%',
    synonyms: ['主导产业营业收入占比', '产业集中度'],
  },
];

export const FIXTURE_UNITS: TableUnit[] = [
  { code: 'ZN-HH-MENGZI', name: '蒙自经济技术开发区' },
  { code: 'ZN-QJ-ETDZ', name: '曲靖经济技术开发区' },
  { code: 'ZN-DL-ETDZ', name: '大理经济技术开发区' },
  { code: 'ZN-KM-HIGHTECH', name: '昆明高新技术产业开发区' },
];

const MENGZI = '蒙自经济技术开发区';
const QUJING = '曲靖经济技术开发区';
const DALI = '大理经济技术开发区';

export type ExpectedProblem = Pick<TableProblem, 'sheet' | 'row' | 'column' | 'value' | 'code'>;
export type ExpectedNote = { sheet: string; row: number | null; code: string };
export type ExpectedSheet = Pick<SheetSummary, 'name' | 'layout' | 'status' | 'records'>;

export interface MessyCase {
  name: string;
  /** What the workbook shows, in one line. */
  covers: string;
  fileName: string;
  /** The upload's period (null: rows must state theirs). */
  period: string | null;
  build(): Promise<Buffer>;
  expected: { records: TableRecord[]; problems: ExpectedProblem[]; notes: ExpectedNote[]; sheets: ExpectedSheet[] };
}

type Cell = string | number | boolean | Date | ExcelJS.CellValue | null;

interface SheetSpec {
  name: string;
  rows: Cell[][];
  merges?: string[];
  state?: 'visible' | 'hidden';
}

async function workbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, spec.state ? { state: spec.state } : {});
    spec.rows.forEach((cells, i) => {
      cells.forEach((value, j) => {
        if (value !== null && value !== '') ws.getCell(i + 1, j + 1).value = value as ExcelJS.CellValue;
      });
    });
    for (const range of spec.merges ?? []) ws.mergeCells(range);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function at(cell: string): { column: string; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { column: m[1]!, row: Number(m[2]) };
}

function record(
  sheet: string,
  cell: string,
  orgUnit: string,
  indicator: string,
  value: string | null,
  raw: string,
  fromUnit: string | null,
  period = FIXTURE_PERIOD,
  cumulative = FIXTURE_ITEMS.find((i) => i.indicator === indicator)?.cumulative === true,
): TableRecord {
  return { sheet, ...at(cell), orgUnit, indicator, cumulative, period, value, raw, fromUnit, exact: true };
}

function problem(sheet: string, cell: string | null, value: string | null, code: string): ExpectedProblem {
  const where = cell ? at(cell) : { row: null, column: null };
  return { sheet, row: where.row, column: where.column, value, code };
}

const note = (sheet: string, row: number | null, code: string): ExpectedNote => ({ sheet, row, code });

const cases: MessyCase[] = [
  {
    name: 'merged-two-row-header',
    covers: 'title merged over the table, 营业收入 merged over 本月/本年累计, vertically merged 单位/序号/备注',
    fileName: '2024年6月开发区月报（两行表头）.xlsx',
    period: FIXTURE_PERIOD,
    build: () =>
      workbook([
        {
          name: '月报',
          rows: [
            ['2024年6月全省开发区主要经济指标月报'],
            ['序号', '开发区名称', '营业收入', null, '从业人员（人）', '备注'],
            [null, null, '本月', '本年累计', null, null],
            [1, MENGZI, 2.1, 12.5, 3200, null],
            [2, QUJING, '1.8', '10.25', '2850', '已核实'],
          ],
          merges: ['A1:F1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3'],
        },
      ]),
    expected: {
      records: [
        // 本月 and 本年累计 are both kept, each as its own kind of figure.
        record('月报', 'C4', 'ZN-HH-MENGZI', 'REVENUE', '2.1', '2.1', '亿元', FIXTURE_PERIOD, false),
        record('月报', 'D4', 'ZN-HH-MENGZI', 'REVENUE', '12.5', '12.5', '亿元'),
        record('月报', 'E4', 'ZN-HH-MENGZI', 'EMPLOYEES', '3200', '3200', '人'),
        record('月报', 'C5', 'ZN-QJ-ETDZ', 'REVENUE', '1.8', '1.8', '亿元', FIXTURE_PERIOD, false),
        record('月报', 'D5', 'ZN-QJ-ETDZ', 'REVENUE', '10.25', '10.25', '亿元'),
        record('月报', 'E5', 'ZN-QJ-ETDZ', 'EMPLOYEES', '2850', '2850', '人'),
      ],
      problems: [],
      notes: [note('月报', 2, 'column_ignored'), note('月报', 2, 'column_ignored')],
      sheets: [{ name: '月报', layout: 'wide', status: 'read', records: 6 }],
    },
  },
  {
    name: 'merged-three-row-header-with-unit-row',
    covers: 'group title 主要经济指标 over indicator names over a unit row (（万元）, 万元, 亿元, 公顷)',
    fileName: '开发区月报-三行表头.xlsx',
    period: FIXTURE_PERIOD,
    build: () =>
      workbook([
        {
          name: '主要指标',
          rows: [
            ['2024年1-6月开发区主要经济指标'],
            ['序号', '园区名称', '主要经济指标', null, null, null],
            [null, null, '营业收入', '工业总产值', '固定资产投资', '用地面积'],
            [null, null, '（万元）', '万元', '亿元', '公顷'],
            [1, MENGZI, '125,000', '98,765.4', 3.2, 20],
            [2, QUJING, '８６，０００', 0, '—', null],
            [3, DALI, 45000, '12000.5', '1.05', '100'],
          ],
          merges: ['A1:F1', 'A2:A4', 'B2:B4', 'C2:F2'],
        },
      ]),
    expected: {
      records: [
        record('主要指标', 'C5', 'ZN-HH-MENGZI', 'REVENUE', '12.5', '125,000', '万元'),
        record('主要指标', 'D5', 'ZN-HH-MENGZI', 'INDUSTRIAL_OUTPUT', '9.87654', '98,765.4', '万元'),
        record('主要指标', 'E5', 'ZN-HH-MENGZI', 'FAI', '3.2', '3.2', '亿元'),
        record('主要指标', 'F5', 'ZN-HH-MENGZI', 'LAND_AREA_MU', '300', '20', '公顷'),
        record('主要指标', 'C6', 'ZN-QJ-ETDZ', 'REVENUE', '8.6', '８６，０００', '万元'),
        record('主要指标', 'D6', 'ZN-QJ-ETDZ', 'INDUSTRIAL_OUTPUT', '0', '0', '万元'),
        record('主要指标', 'E6', 'ZN-QJ-ETDZ', 'FAI', null, '—', null),
        record('主要指标', 'C7', 'ZN-DL-ETDZ', 'REVENUE', '4.5', '45000', '万元'),
        record('主要指标', 'D7', 'ZN-DL-ETDZ', 'INDUSTRIAL_OUTPUT', '1.20005', '12000.5', '万元'),
        record('主要指标', 'E7', 'ZN-DL-ETDZ', 'FAI', '1.05', '1.05', '亿元'),
        record('主要指标', 'F7', 'ZN-DL-ETDZ', 'LAND_AREA_MU', '1500', '100', '公顷'),
      ],
      problems: [],
      notes: [note('主要指标', 2, 'column_ignored')],
      sheets: [{ name: '主要指标', layout: 'wide', status: 'read', records: 11 }],
    },
  },
  {
    name: 'sheet-unit-line',
    covers: '"金额单位：万元" above the table applies to money columns without their own unit, not to 从业人员; header unit wins',
    fileName: 'unit-line.xlsx',
    period: FIXTURE_PERIOD,
    build: () =>
      workbook([
        {
          name: 'Sheet1',
          rows: [
            ['开发区主要经济指标（2024年6月）'],
            ['金额单位：万元', null, null, null, null],
            ['单位名称', '营业收入', '税收收入', '进出口总额（亿元）', '从业人员'],
            [MENGZI, 125000, '8500', '3.5', 3200],
            [QUJING, '98,000', '7,200.5', 2.25, '2850'],
          ],
          merges: ['A1:E1'],
        },
      ]),
    expected: {
      records: [
        record('Sheet1', 'B4', 'ZN-HH-MENGZI', 'REVENUE', '12.5', '125000', '万元'),
        record('Sheet1', 'C4', 'ZN-HH-MENGZI', 'TAX_REVENUE', '0.85', '8500', '万元'),
        record('Sheet1', 'D4', 'ZN-HH-MENGZI', 'TRADE_TOTAL', '3.5', '3.5', '亿元'),
        record('Sheet1', 'E4', 'ZN-HH-MENGZI', 'EMPLOYEES', '3200', '3200', '人'),
        record('Sheet1', 'B5', 'ZN-QJ-ETDZ', 'REVENUE', '9.8', '98,000', '万元'),
        record('Sheet1', 'C5', 'ZN-QJ-ETDZ', 'TAX_REVENUE', '0.72005', '7,200.5', '万元'),
        record('Sheet1', 'D5', 'ZN-QJ-ETDZ', 'TRADE_TOTAL', '2.25', '2.25', '亿元'),
        record('Sheet1', 'E5', 'ZN-QJ-ETDZ', 'EMPLOYEES', '2850', '2850', '人'),
      ],
      problems: [],
      notes: [],
      sheets: [{ name: 'Sheet1', layout: 'wide', status: 'read', records: 8 }],
    },
  },
  {
    name: 'unit-in-cell',
    covers: 'units written in cells (元/万元/亿元, 公顷→亩, 万美元→亿美元, 12.5% into a % indicator) win over the header unit',
    fileName: 'unit-in-cell.xlsx',
    period: FIXTURE_PERIOD,
    build: () =>
      workbook([
        {
          name: '6月',
          rows: [
            ['单位名称', '营业收入（万元）', '固定资产投资', '用地面积', '主导产业营业收入占比', '实际利用外资'],
            [MENGZI, '12.5亿元', '3000万元', '20公顷', '12.5%', '500万美元'],
            [QUJING, '98000000元', '1.2亿元', '450亩', '８５．２％', '—'],
            [DALI, 30000, '12000万元', 15.5, 60, null],
          ],
        },
      ]),
    expected: {
      records: [
        record('6月', 'B2', 'ZN-HH-MENGZI', 'REVENUE', '12.5', '12.5亿元', '亿元'),
        record('6月', 'C2', 'ZN-HH-MENGZI', 'FAI', '0.3', '3000万元', '万元'),
        record('6月', 'D2', 'ZN-HH-MENGZI', 'LAND_AREA_MU', '300', '20公顷', '公顷'),
        record('6月', 'E2', 'ZN-HH-MENGZI', 'LEADING_INDUSTRY_REVENUE_SHARE', '12.5', '12.5%', '%'),
        record('6月', 'F2', 'ZN-HH-MENGZI', 'FDI_ACTUAL', '0.05', '500万美元', '万美元'),
        record('6月', 'B3', 'ZN-QJ-ETDZ', 'REVENUE', '0.98', '98000000元', '元'),
        record('6月', 'C3', 'ZN-QJ-ETDZ', 'FAI', '1.2', '1.2亿元', '亿元'),
        record('6月', 'D3', 'ZN-QJ-ETDZ', 'LAND_AREA_MU', '450', '450亩', '亩'),
        record('6月', 'E3', 'ZN-QJ-ETDZ', 'LEADING_INDUSTRY_REVENUE_SHARE', '85.2', '８５．２％', '%'),
        record('6月', 'F3', 'ZN-QJ-ETDZ', 'FDI_ACTUAL', null, '—', null),
        record('6月', 'B4', 'ZN-DL-ETDZ', 'REVENUE', '3', '30000', '万元'),
        record('6月', 'C4', 'ZN-DL-ETDZ', 'FAI', '1.2', '12000万元', '万元'),
        record('6月', 'D4', 'ZN-DL-ETDZ', 'LAND_AREA_MU', '15.5', '15.5', '亩'),
        record('6月', 'E4', 'ZN-DL-ETDZ', 'LEADING_INDUSTRY_REVENUE_SHARE', '60', '60', '%'),
      ],
      problems: [],
      notes: [],
      sheets: [{ name: '6月', layout: 'wide', status: 'read', records: 14 }],
    },
  },
  {
    name: 'full-width-and-thousands',
    covers: 'full-width digits and punctuation (１２，３４５．６), thousands separators, full-width brackets in headers',
    fileName: 'ｆｕｌｌｗｉｄｔｈ.xlsx',
    period: FIXTURE_PERIOD,
    build: () =>
      workbook([
        {
          name: '数据',
          rows: [
            ['开发区名称', '营业收入（万元）', '从业人员期末人数', '税收（万元）'],
            [MENGZI, '１２，３４５．６', '３，２００', '1,234.89'],
            [`\u3000${QUJING}\u3000`, '１２３４５６', '2,850', '8,000.00'],
          ],
        },
      ]),
    expected: {
      records: [
        record('数据', 'B2', 'ZN-HH-MENGZI', 'REVENUE', '1.23456', '１２，３４５．６', '万元'),
        record('数据', 'C2', 'ZN-HH-MENGZI', 'EMPLOYEES', '3200', '３，２００', '人'),
        // Tax below revenue: the form's hard rule tax-within-revenue holds (the import applies it).
        record('数据', 'D2', 'ZN-HH-MENGZI', 'TAX_REVENUE', '0.123489', '1,234.89', '万元'),
        record('数据', 'B3', 'ZN-QJ-ETDZ', 'REVENUE', '12.3456', '１２３４５６', '万元'),
        record('数据', 'C3', 'ZN-QJ-ETDZ', 'EMPLOYEES', '2850', '2,850', '人'),
        record('数据', 'D3', 'ZN-QJ-ETDZ', 'TAX_REVENUE', '0.8', '8,000.00', '万元'),
      ],
      problems: [],
      notes: [],
      sheets: [{ name: '数据', layout: 'wide', status: 'read', records: 6 }],
    },
  },
  {
    name: 'blank-zero-not-applicable',
    covers: 'blank cells yield nothing, 0 and 0.00 are zero, —/无// are "not applicable" (value null)',
    fileName: 'blank-zero-dash.xlsx',
    period: FIXTURE_PERIOD,
    build: () =>
      workbook([
        {
          name: '月报',
          rows: [
            ['单位名称', '营业收入', '实际利用外资', '研发经费支出', '进出口总额'],
            [MENGZI, '12.5', null, 0, '—'],
            [QUJING, '—', '无', '/', '0.00'],
            [DALI, null, '  ', null, null],
          ],
        },
      ]),
    expected: {
      records: [
        record('月报', 'B2', 'ZN-HH-MENGZI', 'REVENUE', '12.5', '12.5', '亿元'),
        record('月报', 'D2', 'ZN-HH-MENGZI', 'RD_EXPENDITURE', '0', '0', '亿元'),
        record('月报', 'E2', 'ZN-HH-MENGZI', 'TRADE_TOTAL', null, '—', null),
        record('月报', 'B3', 'ZN-QJ-ETDZ', 'REVENUE', null, '—', null),
        record('月报', 'C3', 'ZN-QJ-ETDZ', 'FDI_ACTUAL', null, '无', null),
        record('月报', 'D3', 'ZN-QJ-ETDZ', 'RD_EXPENDITURE', null, '/', null),
        record('月报', 'E3', 'ZN-QJ-ETDZ', 'TRADE_TOTAL', '0', '0.00', '亿元'),
      ],
      problems: [],
      notes: [],
      sheets: [{ name: '月报', layout: 'wide', status: 'read', records: 7 }],
    },
  },
  {
    name: 'total-and-subtotal-rows',
    covers: 'category line, 小计/其中：/合计/全省 rows and a footer are skipped with notes, not read as units',
    fileName: 'totals.xlsx',
    period: FIXTURE_PERIOD,
    build: () =>
      workbook([
        {
          name: '汇总表',
          rows: [
            ['单位名称', '营业收入', '从业人员'],
            ['一、国家级经济技术开发区', null, null],
            [MENGZI, '12.5', '3200'],
            [QUJING, '10.25', '2850'],
            ['国家级开发区小计', '22.75', '6050'],
            ['其中：红河州', '12.5', '3200'],
            [DALI, '4.5', '1800'],
            ['合计', '27.25', '7850'],
            ['全  省', '27.25', '7850'],
            ['填表人：张三  联系电话：0871-12345678'],
          ],
        },
      ]),
    expected: {
      records: [
        record('汇总表', 'B3', 'ZN-HH-MENGZI', 'REVENUE', '12.5', '12.5', '亿元'),
        record('汇总表', 'C3', 'ZN-HH-MENGZI', 'EMPLOYEES', '3200', '3200', '人'),
        record('汇总表', 'B4', 'ZN-QJ-ETDZ', 'REVENUE', '10.25', '10.25', '亿元'),
        record('汇总表', 'C4', 'ZN-QJ-ETDZ', 'EMPLOYEES', '2850', '2850', '人'),
        record('汇总表', 'B7', 'ZN-DL-ETDZ', 'REVENUE', '4.5', '4.5', '亿元'),
        record('汇总表', 'C7', 'ZN-DL-ETDZ', 'EMPLOYEES', '1800', '1800', '人'),
      ],
      problems: [],
      notes: [
        note('汇总表', 2, 'row_skipped'),
        note('汇总表', 5, 'total_row_skipped'),
        note('汇总表', 6, 'total_row_skipped'),
        note('汇总表', 8, 'total_row_skipped'),
        note('汇总表', 9, 'total_row_skipped'),
        note('汇总表', 10, 'footer_row'),
      ],
      sheets: [{ name: '汇总表', layout: 'wide', status: 'read', records: 6 }],
    },
  },
  {
    name: 'extra-sheets',
    covers: 'a 填表说明 sheet, a chart-data sheet, an empty sheet and a hidden old copy around the real table',
    fileName: 'extra-sheets.xlsx',
    period: FIXTURE_PERIOD,
    build: () =>
      workbook([
        {
          name: '填表说明',
          rows: [['填表说明'], ['1. 金额单位为亿元。'], ['2. 无此项的填“—”，不要留空。'], ['3. 请于次月10日前报送。']],
        },
        {
          name: '月报',
          rows: [
            ['单位名称', '营业收入', '固定资产投资'],
            [MENGZI, 12.5, 3.2],
            [QUJING, 10.25, 2.1],
          ],
        },
        {
          name: '图表数据',
          rows: [
            ['月份', '营业收入'],
            ['1月', 1.9],
            ['2月', 2.0],
          ],
        },
        { name: 'Sheet3', rows: [] },
        {
          name: '上月(旧)',
          state: 'hidden',
          rows: [
            ['单位名称', '营业收入'],
            [MENGZI, 10.4],
          ],
        },
      ]),
    expected: {
      records: [
        record('月报', 'B2', 'ZN-HH-MENGZI', 'REVENUE', '12.5', '12.5', '亿元'),
        record('月报', 'C2', 'ZN-HH-MENGZI', 'FAI', '3.2', '3.2', '亿元'),
        record('月报', 'B3', 'ZN-QJ-ETDZ', 'REVENUE', '10.25', '10.25', '亿元'),
        record('月报', 'C3', 'ZN-QJ-ETDZ', 'FAI', '2.1', '2.1', '亿元'),
      ],
      problems: [],
      notes: [],
      sheets: [
        { name: '填表说明', layout: null, status: 'ignored', records: 0 },
        { name: '月报', layout: 'wide', status: 'read', records: 4 },
        { name: '图表数据', layout: null, status: 'ignored', records: 0 },
        { name: 'Sheet3', layout: null, status: 'ignored', records: 0 },
      ],
    },
  },
  {
    name: 'renamed-columns',
    covers:
      'columns named by synonyms (营业总收入, 固投, 实缴税金, 外贸进出口额, 已建成面积, 从业人数, 研发投入), growth columns checked and not stored, code column with name fallback',
    fileName: 'renamed.xlsx',
    period: FIXTURE_PERIOD,
    build: () =>
      workbook([
        {
          name: 'Sheet1',
          rows: [
            [
              '单位代码',
              '园区名称',
              '营业总收入（万元）',
              '同比增长（%）',
              '规模以上工业增加值/亿元',
              '固投（万元）',
              '实缴税金（万元）',
              '外贸进出口额（万元）',
              '已建成面积（亩）',
              '从业人数',
              '研发投入（万元）',
              '增速',
              '亩均税收',
            ],
            ['ZN-HH-MENGZI', MENGZI, 125000, 8.5, 2.5, 32000, 8500, 35000, 3000, 3200, 1200, '5.1%', 2.8],
            [null, QUJING, 98000, -2.1, '1.9', 21000, 7200, 12000, 4500, 2850, 800, null, 1.6],
          ],
        },
      ]),
    expected: {
      records: [
        record('Sheet1', 'C2', 'ZN-HH-MENGZI', 'REVENUE', '12.5', '125000', '万元'),
        record('Sheet1', 'E2', 'ZN-HH-MENGZI', 'INDUSTRIAL_VA_ABOVE_SCALE', '2.5', '2.5', '亿元'),
        record('Sheet1', 'F2', 'ZN-HH-MENGZI', 'FAI', '3.2', '32000', '万元'),
        record('Sheet1', 'G2', 'ZN-HH-MENGZI', 'TAX_REVENUE', '0.85', '8500', '万元'),
        record('Sheet1', 'H2', 'ZN-HH-MENGZI', 'TRADE_TOTAL', '3.5', '35000', '万元'),
        record('Sheet1', 'I2', 'ZN-HH-MENGZI', 'LAND_AREA_MU', '3000', '3000', '亩'),
        record('Sheet1', 'J2', 'ZN-HH-MENGZI', 'EMPLOYEES', '3200', '3200', '人'),
        record('Sheet1', 'K2', 'ZN-HH-MENGZI', 'RD_EXPENDITURE', '0.12', '1200', '万元'),
        record('Sheet1', 'C3', 'ZN-QJ-ETDZ', 'REVENUE', '9.8', '98000', '万元'),
        record('Sheet1', 'E3', 'ZN-QJ-ETDZ', 'INDUSTRIAL_VA_ABOVE_SCALE', '1.9', '1.9', '亿元'),
        record('Sheet1', 'F3', 'ZN-QJ-ETDZ', 'FAI', '2.1', '21000', '万元'),
        record('Sheet1', 'G3', 'ZN-QJ-ETDZ', 'TAX_REVENUE', '0.72', '7200', '万元'),
        record('Sheet1', 'H3', 'ZN-QJ-ETDZ', 'TRADE_TOTAL', '1.2', '12000', '万元'),
        record('Sheet1', 'I3', 'ZN-QJ-ETDZ', 'LAND_AREA_MU', '4500', '4500', '亩'),
        record('Sheet1', 'J3', 'ZN-QJ-ETDZ', 'EMPLOYEES', '2850', '2850', '人'),
        record('Sheet1', 'K3', 'ZN-QJ-ETDZ', 'RD_EXPENDITURE', '0.08', '800', '万元'),
      ],
      problems: [],
      // 亩均税收 is not on the form; 同比增长（%） and 增速 are the growth of the column on their left: checked, not stored.
      notes: [note('Sheet1', 1, 'column_ignored'), note('Sheet1', 1, 'growth_column'), note('Sheet1', 1, 'growth_column')],
      sheets: [{ name: 'Sheet1', layout: 'wide', status: 'read', records: 16 }],
    },
  },
  {
    name: 'long-layout',
    covers: 'machine layout, Chinese and English headings: unit, indicator by name/code/synonym, period per row, unit column',
    fileName: 'long.xlsx',
    period: null,
    build: () =>
      workbook([
        {
          name: '明细',
          rows: [
            ['单位代码', '指标名称', '期间', '数值', '计量单位'],
            ['ZN-HH-MENGZI', '营业收入', '2024年6月', '125000', '万元'],
            ['ZN-HH-MENGZI', '从业人员', '2024-06', '3,200', '人'],
            ['ZN-QJ-ETDZ', 'REVENUE', '2024年6月', 9.8, '亿元'],
            [QUJING, '用地面积', '2024-06', 30, '公顷'],
            ['ZN-DL-ETDZ', '实际利用外资', '2024年6月', 500, '万美元'],
            ['ZN-HH-MENGZI', '营收', '2024年5月', '10.4', null],
          ],
        },
        {
          name: 'machine',
          rows: [
            ['org_unit', 'indicator', 'period', 'value', 'unit'],
            ['ZN-KM-HIGHTECH', 'TAX_REVENUE', '2024-06', '1.5', '亿元'],
            ['ZN-KM-HIGHTECH', 'LEADING_INDUSTRY_REVENUE_SHARE', '2024-06', '72.5%', null],
          ],
        },
      ]),
    expected: {
      records: [
        record('明细', 'D2', 'ZN-HH-MENGZI', 'REVENUE', '12.5', '125000', '万元'),
        record('明细', 'D3', 'ZN-HH-MENGZI', 'EMPLOYEES', '3200', '3,200', '人'),
        record('明细', 'D4', 'ZN-QJ-ETDZ', 'REVENUE', '9.8', '9.8', '亿元'),
        record('明细', 'D5', 'ZN-QJ-ETDZ', 'LAND_AREA_MU', '450', '30', '公顷'),
        record('明细', 'D6', 'ZN-DL-ETDZ', 'FDI_ACTUAL', '0.05', '500', '万美元'),
        record('明细', 'D7', 'ZN-HH-MENGZI', 'REVENUE', '10.4', '10.4', '亿元', '2024-05'),
        record('machine', 'D2', 'ZN-KM-HIGHTECH', 'TAX_REVENUE', '1.5', '1.5', '亿元'),
        record('machine', 'D3', 'ZN-KM-HIGHTECH', 'LEADING_INDUSTRY_REVENUE_SHARE', '72.5', '72.5%', '%'),
      ],
      problems: [],
      notes: [],
      sheets: [
        { name: '明细', layout: 'long', status: 'read', records: 6 },
        { name: 'machine', layout: 'long', status: 'read', records: 2 },
      ],
    },
  },
  {
    name: 'indicator-rows',
    covers:
      '统计报表 with one unit per sheet: 填报单位 line (with a prefecture prefix) or the sheet name, 计量单位 column, 本月 vs 本年累计, numbered names',
    fileName: '蒙自经开区2024年6月统计报表.xlsx',
    period: null,
    build: () =>
      workbook([
        {
          name: '统计月报',
          rows: [
            ['开发区主要经济指标月报'],
            ['填报单位：红河州蒙自经济技术开发区', null, null, null, '报告期：2024年6月'],
            ['序号', '指标名称', '计量单位', '本月', '本年累计', '同比增长（%）'],
            ['1', '营业收入', '万元', 21000, 125000, 8.5],
            ['2', '工业总产值', '亿元', 1.5, 9.8, 3.1],
            ['3', '  其中：规上工业增加值', '亿元', 0.4, 2.5, 2.2],
            ['4', '固定资产投资', '亿元', 0.6, 3.2, -1.5],
            ['5', '从业人员', '人', 3200, 3200, null],
            ['6', '用地面积', '公顷', 20, 20, null],
            ['7', '实际利用外资', '万美元', '—', '—', null],
            ['填表人：李四', null, null, null, null, null],
          ],
          merges: ['A1:F1', 'A2:D2', 'E2:F2'],
        },
        {
          name: QUJING,
          rows: [
            ['2024年6月'],
            ['指标', '单位', '2024年6月'],
            ['（一）营业收入', '亿元', '9.8'],
            ['（二）税收收入', '万元', '7,200'],
          ],
        },
      ]),
    expected: {
      records: [
        record('统计月报', 'D4', 'ZN-HH-MENGZI', 'REVENUE', '2.1', '21000', '万元', '2024-06', false),
        record('统计月报', 'E4', 'ZN-HH-MENGZI', 'REVENUE', '12.5', '125000', '万元'),
        record('统计月报', 'D5', 'ZN-HH-MENGZI', 'INDUSTRIAL_OUTPUT', '1.5', '1.5', '亿元', '2024-06', false),
        record('统计月报', 'E5', 'ZN-HH-MENGZI', 'INDUSTRIAL_OUTPUT', '9.8', '9.8', '亿元'),
        record('统计月报', 'D6', 'ZN-HH-MENGZI', 'INDUSTRIAL_VA_ABOVE_SCALE', '0.4', '0.4', '亿元', '2024-06', false),
        record('统计月报', 'E6', 'ZN-HH-MENGZI', 'INDUSTRIAL_VA_ABOVE_SCALE', '2.5', '2.5', '亿元'),
        record('统计月报', 'D7', 'ZN-HH-MENGZI', 'FAI', '0.6', '0.6', '亿元', '2024-06', false),
        record('统计月报', 'E7', 'ZN-HH-MENGZI', 'FAI', '3.2', '3.2', '亿元'),
        record('统计月报', 'D8', 'ZN-HH-MENGZI', 'EMPLOYEES', '3200', '3200', '人'),
        record('统计月报', 'E8', 'ZN-HH-MENGZI', 'EMPLOYEES', '3200', '3200', '人', '2024-06', true),
        record('统计月报', 'D9', 'ZN-HH-MENGZI', 'LAND_AREA_MU', '300', '20', '公顷'),
        record('统计月报', 'E9', 'ZN-HH-MENGZI', 'LAND_AREA_MU', '300', '20', '公顷', '2024-06', true),
        record('统计月报', 'D10', 'ZN-HH-MENGZI', 'FDI_ACTUAL', null, '—', null, '2024-06', false),
        record('统计月报', 'E10', 'ZN-HH-MENGZI', 'FDI_ACTUAL', null, '—', null),
        record(QUJING, 'C3', 'ZN-QJ-ETDZ', 'REVENUE', '9.8', '9.8', '亿元'),
        record(QUJING, 'C4', 'ZN-QJ-ETDZ', 'TAX_REVENUE', '0.72', '7,200', '万元'),
      ],
      problems: [],
      notes: [
        note('统计月报', 3, 'column_ignored'),
        note('统计月报', 3, 'growth_column'),
        note('统计月报', 11, 'footer_row'),
        // The second sheet's period comes from its title row "2024年6月" (the upload names none).
        note(QUJING, 1, 'period_from_title'),
      ],
      sheets: [
        { name: '统计月报', layout: 'indicator_rows', status: 'read', records: 14 },
        { name: QUJING, layout: 'indicator_rows', status: 'read', records: 2 },
      ],
    },
  },
  {
    name: 'errors',
    covers:
      'unknown unit row, text in a number cell, misplaced thousands separator, 亩 in a money column, scientific notation, duplicate value, missing unit, header unit of the wrong kind, unknown indicator, bad and wrong-frequency periods',
    fileName: 'errors.xlsx',
    period: FIXTURE_PERIOD,
    build: () =>
      workbook([
        {
          name: '月报',
          rows: [
            ['2024年6月开发区主要经济指标'],
            ['单位名称', '营业收入（万元）', '用地面积', '从业人员', '税收收入（亩）'],
            ['红河综合保税区', 100, 1, 1, 1],
            [MENGZI, '12.5万元左右', '1,23,4', 3200, 5],
            [QUJING, '50亩', '1.2e3', 2850, null],
            [MENGZI, null, null, 3300, null],
            [null, 1, null, null, null],
          ],
        },
        {
          name: 'long',
          rows: [
            ['单位代码', '指标', '期间', '数值'],
            ['ZN-DL-ETDZ', '亩均税收', '2024-06', '5'],
            ['ZN-DL-ETDZ', '营业收入', '2024年13月', '5'],
            ['ZN-DL-ETDZ', '营业收入', '2024Q2', '5'],
            ['ZN-DL-ETDZ', '营业收入', null, '4.5'],
          ],
        },
      ]),
    expected: {
      records: [
        record('月报', 'D4', 'ZN-HH-MENGZI', 'EMPLOYEES', '3200', '3200', '人'),
        record('月报', 'D5', 'ZN-QJ-ETDZ', 'EMPLOYEES', '2850', '2850', '人'),
        record('long', 'D5', 'ZN-DL-ETDZ', 'REVENUE', '4.5', '4.5', '亿元'),
      ],
      problems: [
        problem('月报', 'E2', '税收收入(亩)', 'header_unit_mismatch'),
        problem('月报', 'A3', '红河综合保税区', 'unknown_org_unit'),
        problem('月报', 'B4', '12.5万元左右', 'not_a_number'),
        problem('月报', 'C4', '1,23,4', 'bad_thousands_separator'),
        problem('月报', 'B5', '50亩', 'unit_mismatch'),
        problem('月报', 'C5', '1.2e3', 'scientific_notation'),
        problem('月报', 'D6', '3300', 'duplicate'),
        problem('月报', 'A7', null, 'missing_org_unit'),
        problem('long', 'B2', '亩均税收', 'unknown_indicator'),
        problem('long', 'C3', '2024年13月', 'bad_period'),
        problem('long', 'C4', '2024Q2', 'period_frequency'),
      ],
      notes: [],
      sheets: [
        { name: '月报', layout: 'wide', status: 'read', records: 2 },
        { name: 'long', layout: 'long', status: 'read', records: 1 },
      ],
    },
  },
];

/** Every messy workbook case; build() makes a fresh buffer each time. */
export function messyWorkbookCases(): MessyCase[] {
  return cases;
}
