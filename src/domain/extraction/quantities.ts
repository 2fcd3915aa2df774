import { Decimal } from 'decimal.js';

/**
 * Numbers and units as plans write them. Values stay decimal strings (never binary floats);
 * conversions between units of one kind (万元 → 亿元) use decimal arithmetic.
 */

/** Units with their kind and factor to the kind's base unit. Longer spellings first when matching. */
const UNIT_TABLE: readonly [unit: string, kind: string, factor: string][] = [
  ['万亿元', 'yuan', '1e12'],
  ['千亿元', 'yuan', '1e11'],
  ['亿元', 'yuan', '1e8'],
  ['万元', 'yuan', '1e4'],
  ['元', 'yuan', '1'],
  ['亿美元', 'usd', '1e8'],
  ['万美元', 'usd', '1e4'],
  ['美元', 'usd', '1'],
  ['万人次', 'visits', '1e4'],
  ['人次', 'visits', '1'],
  ['万人', 'people', '1e4'],
  ['人', 'people', '1'],
  ['万户', 'households', '1e4'],
  ['户', 'households', '1'],
  ['亿吨', 'tonnes', '1e8'],
  ['万吨', 'tonnes', '1e4'],
  ['吨', 'tonnes', '1'],
  ['亿千瓦时', 'kwh', '1e8'],
  ['万千瓦时', 'kwh', '1e4'],
  ['千瓦时', 'kwh', '1'],
  ['万千瓦', 'kw', '1e4'],
  ['千瓦', 'kw', '1'],
  ['万平方公里', 'km2', '1e4'],
  ['平方公里', 'km2', '1'],
  // 新建厂房10万平方米以上: floor space, the measure of a zone's standard factories and offices.
  ['万平方米', 'm2', '1e4'],
  ['平方米', 'm2', '1'],
  ['万亩', 'mu', '1e4'],
  ['亩', 'mu', '1'],
  ['公里', 'km', '1'],
  ['个百分点', 'pp', '1'],
  ['%', 'percent', '1'],
  ['小时', 'hours', '1'],
  ['天', 'days', '1'],
  // Grain: 粮食产量1.3万亿斤; 兆 is the Taiwanese 万亿 (1.4兆斤, 5.89兆元 in reports of mainland plans).
  ['兆斤', 'jin', '1e12'],
  ['万亿斤', 'jin', '1e12'],
  ['亿斤', 'jin', '1e8'],
  ['万斤', 'jin', '1e4'],
  ['斤', 'jin', '1'],
  ['兆元', 'yuan', '1e12'],
  // 人均预期寿命达到79岁.
  ['岁', 'age', '1'],
  ['万标箱', 'teu', '1e4'],
  ['标箱', 'teu', '1'],
  ['万单', 'orders', '1e4'],
  ['单', 'orders', '1'],
  ['柜', 'containers', '1'],
];

/** Measure words of counts (家 enterprises, 个 units, 项 items …): all of kind "count". */
const COUNT_UNITS = [
  '家',
  '个',
  '项',
  '所',
  '座',
  '名',
  '位',
  '条',
  '套',
  '台',
  '批',
  '种',
  '类',
  '次',
  '件',
  '块',
  '处',
  '架',
  '栋',
  '幢',
];

const RATE_SUFFIXES = ['/年', '/亩', '/人'];

const UNITS = [...UNIT_TABLE.map(([u]) => u), ...COUNT_UNITS].sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A unit at the start of a string (with 人民币 after 元, and per-year/per-mu suffixes). */
export const UNIT_RE = new RegExp(`^(?:${UNITS.map(escape).join('|')})(?:${RATE_SUFFIXES.map(escape).join('|')})?(?:人民币)?`);

/** An Arabic number with thousands separators and decimals, or a Chinese numeral. */
export const NUMBER_SOURCE = '\\d+(?:,\\d{3})*(?:\\.\\d+)?';
export const CN_NUMBER_SOURCE = '[零〇一二两三四五六七八九十百千]+';

const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** 三 → 3, 十二 → 12, 一百二十 → 120; null when not a Chinese numeral. */
export function chineseNumeral(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGIT) digit = CN_DIGIT[ch]!;
    else {
      total += (digit === 0 ? 1 : digit) * CN_UNIT[ch]!;
      digit = 0;
    }
  }
  return total + digit;
}

/** "3,837.50" → "3837.50"; Chinese numerals → digits. */
export function decimalText(s: string): string {
  const cn = chineseNumeral(s);
  if (cn !== null) return String(cn);
  return s.replace(/,/g, '');
}

/** Splits a unit such as 万元/年 into a known unit and its rate suffix. */
function baseUnit(unit: string): { unit: string; suffix: string } {
  const clean = unit.replace(/人民币$/, '');
  const suffix = RATE_SUFFIXES.find((s) => clean.endsWith(s)) ?? '';
  return { unit: clean.slice(0, clean.length - suffix.length), suffix };
}

function unitInfo(unit: string): { kind: string; factor: string; suffix: string } | null {
  const { unit: u, suffix } = baseUnit(unit);
  const row = UNIT_TABLE.find(([name]) => name === u);
  if (row) return { kind: row[1], factor: row[2], suffix };
  if (COUNT_UNITS.includes(u)) return { kind: 'count', factor: '1', suffix };
  return null;
}

/** The unit as the platform writes it: 亿元人民币 → 亿元. */
export function cleanUnit(unit: string): string {
  return unit.replace(/人民币$/, '');
}

/**
 * Converts a value from one unit to another of the same kind (5000 万元 → 0.5 亿元). Returns null
 * when the units are of different kinds. A rate suffix on one side only (万元/年 vs 万元/亩) is
 * ignored: plans write 亩均产出 600万元/年 for a value per mu.
 */
export function convertValue(value: string, from: string, to: string): string | null {
  const a = unitInfo(from);
  const b = unitInfo(to);
  if (!a || !b || a.kind !== b.kind) return null;
  if (a.suffix && b.suffix && a.suffix !== b.suffix) return null;
  const out = new Decimal(value).times(a.factor).dividedBy(b.factor);
  return out.toFixed();
}

/** Two decimal strings denote the same number (2.70 = 2.7). */
export function sameNumber(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  try {
    return new Decimal(a).equals(new Decimal(b));
  } catch {
    return false;
  }
}

/** Units of one kind can be compared after conversion. */
export function sameUnitKind(a: string, b: string): boolean {
  const x = unitInfo(a);
  const y = unitInfo(b);
  return x !== null && y !== null && x.kind === y.kind;
}
