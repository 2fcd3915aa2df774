import { normaliseText } from '../../text/normalise.ts';

/**
 * Key used to compare headings and names: NFKC, lower case, no white space, punctuation or
 * symbols, so "单位 名称", "单位名称：" and "（单位名称）" all meet.
 */
export function matchKey(text: string): string {
  return normaliseText(text)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

const keys = (words: string[]): ReadonlySet<string> => new Set(words.map(matchKey));

/** Headings of the column naming the reporting unit by name. */
export const ORG_NAME_HEADERS = keys([
  '单位名称',
  '开发区名称',
  '园区名称',
  '开发区',
  '园区',
  '片区',
  '片区名称',
  '填报单位',
  '填报单位名称',
  '单位',
  '州市',
  '州(市)',
  '州市名称',
  '地区',
  'org unit name',
  'unit name',
]);

/** Headings of the column naming the reporting unit by code. */
export const ORG_CODE_HEADERS = keys([
  '单位代码',
  '单位编码',
  '开发区代码',
  'code',
  'org_unit',
  'org unit',
  'org_unit_code',
  'unit code',
]);

export const INDICATOR_HEADERS = keys([
  '指标',
  '指标名称',
  '指标代码',
  '项目',
  '项目名称',
  'indicator',
  'indicator_code',
  'indicator name',
]);

export const PERIOD_HEADERS = keys(['期间', '报告期', '报告期间', '统计期', '月份', '年份', '季度', '年月', '时间', 'period']);

/** The measurement-unit column of long and indicator-row tables. */
export const MEASURE_UNIT_HEADERS = keys(['计量单位', '单位计量', '度量单位', 'unit', 'measure unit']);

/** Columns that carry no figure: noted and left alone. */
export const SKIPPED_HEADERS = keys(['序号', '编号', '备注', '说明', '排名', '排序', 'no', 'note', 'notes', 'remark', 'remarks']);

/** Value columns of long and indicator-row tables, by what they hold. */
const CURRENT_VALUE_HEADERS = keys(['本期', '本月', '本期数', '本月数', '本期值', '本季', '本季度', '本季数']);
const CUMULATIVE_VALUE_HEADERS = keys(['本年累计', '累计', '本年累计数', '累计数', '年累计', '1至本月累计']);
const PLAIN_VALUE_HEADERS = keys([
  '数值',
  '值',
  '填报值',
  '填报数',
  '数据',
  '金额',
  '本年',
  '本年数',
  '期末数',
  '期末',
  '年末数',
  'value',
]);

export type Qualifier = 'current' | 'cumulative' | null;

/** Whether a heading names a value column, and of which kind; "1-6月" is cumulative. */
export function valueHeading(text: string): { qualifier: Qualifier } | null {
  const k = matchKey(text);
  if (CURRENT_VALUE_HEADERS.has(k)) return { qualifier: 'current' };
  if (CUMULATIVE_VALUE_HEADERS.has(k) || /^1\d{1,2}月(累计)?$/.test(k)) return { qualifier: 'cumulative' };
  if (PLAIN_VALUE_HEADERS.has(k)) return { qualifier: null };
  return null;
}

/** 本月/本期 (current) or 本年累计/1-6月 (cumulative) anywhere in a heading ("本年累计营业收入"). */
export function qualifierOf(text: string): Qualifier {
  const v = valueHeading(text);
  if (v) return v.qualifier;
  const n = normaliseText(text).replace(/\s+/g, '');
  if (/累计|1[-~至—]\d{1,2}月/.test(n)) return 'cumulative';
  if (/^(本月|本期|当月|本季)|(本月|本期|当月)$/.test(n) || /当月|本月/.test(n)) return 'current';
  return null;
}

/**
 * A heading without the words that say which period and which kind of figure it holds:
 * "固定资产投资（亿元）1-6月累计" → "固定资产投资（亿元）", "2024年6月当月营业收入" → "营业收入".
 * What is left names the indicator (and its unit); the removed words are read by qualifierOf and
 * findPeriodInText.
 */
export function withoutPeriodWords(text: string): string {
  return normaliseText(text)
    .replace(/\s+/g, '')
    .replace(/(?:19|20)\d{2}年度?/g, '')
    .replace(/(?:1[-—–~～至到])?\d{1,2}月份?/g, '')
    .replace(/第?[一二三四1-4]季度/g, '')
    .replace(/本年累计数?|年累计|累计数?|本月数?|当月数?|本期数?|本季度?|完成数?$/g, '')
    .replace(/^[:：、\-—/]+|[:：、\-—/]+$/g, '');
}

/** 同比/增速 columns hold a growth rate computed from the figures, never a figure to import. */
export function isGrowthHeading(text: string): boolean {
  return /同比|环比|增速|增幅|增长|增减|比上年|比去年|上年同期|去年同期|±/.test(normaliseText(text));
}

/**
 * A 环比 heading (change on the previous month or period): a growth rate, never imported, but not one on
 * last year's figure, so the 同比 check must not read it.
 */
export function isPeriodOnPeriodHeading(text: string): boolean {
  const n = normaliseText(text);
  return /环比|比上月|较上月|比上期|较上期/.test(n) && !/同比|比上年|比去年|上年同期|去年同期/.test(n);
}

/** Unit-cell texts that mark a total or subtotal row. */
const TOTAL_KEYS = keys(['合计', '总计', '小计', '共计', '汇总', '全省', '全市', '全州', '全区', '总体', 'total', 'subtotal']);

export function isTotalLabel(text: string): boolean {
  const n = normaliseText(text).replace(/\s+/g, '');
  if (/^其中[:：]/.test(n)) return true;
  const k = matchKey(n);
  return TOTAL_KEYS.has(k) || /(合计|小计|总计)$/.test(k);
}

/** "一、国家级开发区": a category line inside the table. */
export function isCategoryLabel(text: string): boolean {
  return /^[一二三四五六七八九十]+[、.．]/.test(normaliseText(text).trim());
}

/** Lines under a table: notes, who filled it in, phone numbers, dates. */
export function isFooterLabel(text: string): boolean {
  return /^(注|说明|备注|填表说明|填表人|制表人|审核人|负责人|单位负责人|统计负责人|联系人|联系电话|电话|填报日期|报出日期|填表日期)\s*[:：\d.、]/.test(
    normaliseText(text).trim(),
  );
}

/** Sheet-level lines above a table ("单位：万元", "填报单位：…", "报告期：2024年6月"). */
export type SheetLine = { kind: 'unit'; unit: string } | { kind: 'org_unit'; text: string } | { kind: 'period'; text: string };

/** The sheet-level statements in one cell; one cell may hold several, spaced apart ("填报单位：…    单位：万元"). */
export function readSheetLines(cell: string): SheetLine[] {
  return normaliseText(cell)
    .split(/\s{2,}|\n/)
    .map(readSheetLine)
    .filter((l): l is SheetLine => l !== null);
}

function readSheetLine(part: string): SheetLine | null {
  const s = part.trim();
  let m = /^(?:填报单位|报送单位|单位名称)\s*[:：]\s*(.+)$/.exec(s);
  if (m) return { kind: 'org_unit', text: m[1]!.trim() };
  m = /^(?:金额单位|计量单位|数据单位|货币单位|单位)\s*[:：]\s*(.+)$/.exec(s);
  if (m) return { kind: 'unit', unit: m[1]!.trim() };
  m = /^(?:报告期|统计期|报表期|期间|时间|所属期)\s*[:：]\s*(.+)$/.exec(s);
  if (m) return { kind: 'period', text: m[1]!.trim() };
  return null;
}
