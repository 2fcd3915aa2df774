import { Decimal } from 'decimal.js';
import { boundedMemo } from '../memo/bounded-memo.ts';
import { normaliseText } from '../text/normalise.ts';

/** Physical dimensions: units convert only within one. */
export type Dimension = 'money_cny' | 'money_usd' | 'area' | 'people' | 'ratio' | 'count';

const D = Decimal.clone({ precision: 50 });
/** Wide enough that multiplying a 50-digit result back never rounds. */
const WIDE = Decimal.clone({ precision: 200 });

/** Each unit as a multiple of its dimension's base unit (元, 美元, 亩, 人, 1, one counted thing). */
const UNITS: Readonly<Record<string, { dimension: Dimension; factor: string }>> = {
  元: { dimension: 'money_cny', factor: '1' },
  千元: { dimension: 'money_cny', factor: '1000' },
  万元: { dimension: 'money_cny', factor: '10000' },
  亿元: { dimension: 'money_cny', factor: '100000000' },
  // Bulletins and news items state provincial totals in 万亿元 (全省地区生产总值2.45万亿元).
  万亿元: { dimension: 'money_cny', factor: '1000000000000' },
  美元: { dimension: 'money_usd', factor: '1' },
  万美元: { dimension: 'money_usd', factor: '10000' },
  亿美元: { dimension: 'money_usd', factor: '100000000' },
  亩: { dimension: 'area', factor: '1' },
  公顷: { dimension: 'area', factor: '15' },
  平方公里: { dimension: 'area', factor: '1500' },
  人: { dimension: 'people', factor: '1' },
  万人: { dimension: 'people', factor: '10000' },
  '%': { dimension: 'ratio', factor: '0.01' },
  '‰': { dimension: 'ratio', factor: '0.001' },
  // One family of counts: zone statisticians write 户 (enterprises registered as households of the
  // tax roll), 家, 个 or 项 for the same count of enterprises or projects, so they convert 1:1.
  个: { dimension: 'count', factor: '1' },
  家: { dimension: 'count', factor: '1' },
  户: { dimension: 'count', factor: '1' },
  项: { dimension: 'count', factor: '1' },
  万户: { dimension: 'count', factor: '10000' },
  万家: { dimension: 'count', factor: '10000' },
  万个: { dimension: 'count', factor: '10000' },
};

const ALIASES: Readonly<Record<string, string>> = {
  人民币元: '元',
  万元人民币: '万元',
  亿元人民币: '亿元',
  平方千米: '平方公里',
  km2: '平方公里',
  'km²': '平方公里',
  hm2: '公顷',
  'hm²': '公顷',
  百分比: '%',
  千分比: '‰',
};

/**
 * Canonical spelling of a unit (NFKC, aliases folded), or null when PlanTrack does not know it. Each
 * text is folded once: a file writes a handful of units in every cell, and folding was a tenth of reading it.
 */
export const canonicalUnit: (unit: string) => string | null = boundedMemo(1000, (unit: string) => {
  const u = normaliseText(unit).replace(/\s+/g, '');
  const folded = ALIASES[u] ?? ALIASES[u.toLowerCase()] ?? u;
  return UNITS[folded] ? folded : null;
});

export function unitDimension(unit: string): Dimension | null {
  const u = canonicalUnit(unit);
  return u ? UNITS[u]!.dimension : null;
}

export type Conversion = { ok: true; value: string; exact: boolean } | { ok: false; reason: string; reasonZh: string };

/**
 * Converts a decimal string between units of one dimension. Results are exact in decimal except
 * where the factor ratio has no finite decimal (亩 → 公顷 divides by 15): those are rounded to
 * 50 significant digits and marked exact: false.
 */
export function convertUnit(value: string, from: string, to: string): Conversion {
  const f = canonicalUnit(from);
  const t = canonicalUnit(to);
  if (!f || !t) {
    const bad = f ? to : from;
    return { ok: false, reason: `unknown unit "${bad}"`, reasonZh: `无法识别的单位“${bad}”` };
  }
  const uf = UNITS[f]!;
  const ut = UNITS[t]!;
  if (uf.dimension !== ut.dimension) {
    return {
      ok: false,
      reason: `cannot convert ${f} (${uf.dimension}) to ${t} (${ut.dimension}): different dimensions`,
      reasonZh: `单位“${f}”与“${t}”量纲不同，无法换算`,
    };
  }
  const shift = tenPower(uf.factor) !== null && tenPower(ut.factor) !== null ? tenPower(uf.factor)! - tenPower(ut.factor)! : null;
  if (shift !== null && DECIMAL_RE.test(value)) return { ok: true, value: shiftPoint(value, shift), exact: true };
  const base = new D(value).times(uf.factor);
  const out = base.dividedBy(ut.factor);
  return { ok: true, value: out.toFixed(), exact: new WIDE(out).times(ut.factor).equals(base) };
}

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

/** 1000 → 3, 0.01 → -2; null when the factor is not a power of ten. */
function tenPower(factor: string): number | null {
  if (/^10*$/.test(factor)) return factor.length - 1;
  if (/^0\.0*1$/.test(factor)) return -(factor.length - 2);
  return null;
}

/**
 * Multiplies a decimal string by 10^k by moving its point: exact, and far cheaper than decimal
 * arithmetic for the 元/万元/亿元 conversions a large import does per cell. Output as Decimal's toFixed().
 */
export function shiftPoint(value: string, k: number): string {
  const negative = value.startsWith('-');
  const [int = '', frac = ''] = (negative ? value.slice(1) : value).split('.');
  const digits = int + frac;
  const point = int.length + k;
  let out =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  out = out.replace(/^0+(?=\d)/, '');
  return negative && /[1-9]/.test(out) ? `-${out}` : out;
}

/**
 * Splits a table header into indicator name and unit: "营业收入（万元）" → { name: '营业收入', unit: '万元' }.
 * Accepts ( ) [ ] 【 】 brackets, "单位：" inside them, and "名称/单位"; unit is null when none is given,
 * known tells whether PlanTrack can convert it.
 */
export function splitHeaderUnit(header: string): { name: string; unit: string | null; known: boolean } {
  const h = normaliseText(header).trim();
  const m =
    /^(.*?)\s*[([【]\s*(?:单位\s*[:：]\s*)?([^()[\]【】]+?)\s*[)\]】]\s*$/.exec(h) ?? /^(.*?)\s*\/\s*([^/]+?)\s*$/.exec(h);
  if (!m || !m[1]) return { name: h, unit: null, known: false };
  const canonical = canonicalUnit(m[2]!);
  return { name: m[1], unit: canonical ?? m[2]!, known: canonical !== null };
}
