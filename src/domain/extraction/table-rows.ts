import { NUMBER_SOURCE, UNIT_RE, decimalText } from './quantities.ts';

/**
 * Tables that PDF extraction flattens into text, one row per paragraph:
 *
 * 1. indicator tables (主要指标): a header naming two years, then rows
 *    "地区生产总值 亿元 24521.9 35000 预期性" or "进出口总额(亿元) 2675.78 年均增长8%";
 * 2. year series: a header "年份 进出口贸易总额(亿元)" then rows "2022 115".
 */
export interface IndicatorRow {
  name: string;
  unit?: string;
  baseYear?: number;
  baseValue?: string;
  targetYear?: number;
  /** A plain figure, or a growth rate when the cell says 年均增长x%. */
  targetValue?: string;
  annualGrowth?: string;
  approx: boolean;
  atLeast: boolean;
  nature?: 'expected' | 'binding';
  /** Offsets of the row in the text given. */
  from: number;
  to: number;
}

export interface YearSeries {
  name: string;
  unit?: string;
  points: { year: number; value: string; from: number; to: number }[];
  from: number;
  to: number;
}

const HEADER_YEARS_RE = /((?:19|20)\d\d)年?(?:基期|基数|现状|实际)?[^\d]{0,12}?((?:19|20)\d\d)年?(?:目标|规划)?/;
const CELL = `(?:${NUMBER_SOURCE}|—|-|/)`;
const TARGET_CELL = `(?:[>≥<≤]|超过|达到)?\\s*(?:${NUMBER_SOURCE})(?:左右|以上)?|年均(?:增长)?\\s*${NUMBER_SOURCE}%?(?:以上|左右)?|累计(?:下降|降低|增长)\\s*${NUMBER_SOURCE}%?`;
const ROW_RE = new RegExp(
  `^(?:\\d{1,2}[.、]?\\s*)?(?<name>[^\\d\\s|]{2,40}?)\\s*(?:\\((?<punit>[^)]{1,10})\\))?\\s*(?<base>${CELL})\\s+(?<target>${TARGET_CELL})\\s*(?<nature>预期性|约束性)?$`,
);

/** Indicator rows under a header that names a base year and a target year. */
export function findIndicatorRows(paragraphs: readonly { text: string; from: number }[]): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  let years: [number, number] | null = null;
  let misses = 0;
  for (const p of paragraphs) {
    const text = p.text.trim();
    const header = /指标/.test(text) && HEADER_YEARS_RE.exec(text);
    if (header && text.length < 80) {
      years = [Number(header[1]), Number(header[2])];
      misses = 0;
      continue;
    }
    if (!years) continue;
    const row = parseIndicatorRow(text, years);
    if (row) {
      out.push({ ...row, from: p.from, to: p.from + p.text.length });
      misses = 0;
    } else if (++misses > 2) years = null;
  }
  return out;
}

export function parseIndicatorRow(text: string, years: [number, number]): Omit<IndicatorRow, 'from' | 'to'> | null {
  const m = ROW_RE.exec(text.replace(/\s*\|\s*/g, ' '));
  if (!m) return null;
  const g = m.groups!;
  let name = g.name!.trim();
  let unit = g.punit;
  if (!unit) {
    // 地区生产总值亿元: the unit stuck to the name.
    for (let i = Math.max(0, name.length - 6); i < name.length; i++) {
      const u = UNIT_RE.exec(name.slice(i));
      if (u && u[0].length === name.length - i) {
        unit = u[0];
        name = name.slice(0, i);
        break;
      }
    }
  }
  const target = g.target!.replace(/\s+/g, '');
  const growth = /^年均(?:增长)?(\d[\d.,]*)%?/.exec(target);
  const base = /\d/.test(g.base!) ? decimalText(g.base!) : undefined;
  const figure = /(\d[\d.,]*)/.exec(target)?.[1];
  return {
    name,
    ...(unit ? { unit } : {}),
    baseYear: years[0],
    ...(base ? { baseValue: base } : {}),
    targetYear: years[1],
    ...(growth ? { annualGrowth: decimalText(growth[1]!) } : figure ? { targetValue: decimalText(figure) } : {}),
    approx: /左右/.test(target),
    atLeast: /[>≥]|超过|以上/.test(target),
    ...(g.nature ? { nature: g.nature === '约束性' ? ('binding' as const) : ('expected' as const) } : {}),
  };
}

const SERIES_HEADER_RE = /^年份\s*(?<name>[^\d()]{2,30})\s*(?:\((?<unit>[^)]{1,10})\))?\s*(?<rest>.*)$/;
const POINT_RE = new RegExp(`((?:19|20)\\d\\d)\\s+(${NUMBER_SOURCE})(?!\\d)`, 'g');

/** "年份 进出口贸易总额(亿元) 2021 77.33 / 2022 115 / …": the points that follow the header. */
export function findYearSeries(paragraphs: readonly { text: string; from: number }[]): YearSeries[] {
  const out: YearSeries[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const head = SERIES_HEADER_RE.exec(paragraphs[i]!.text.trim());
    if (!head) continue;
    const series: YearSeries = {
      name: head.groups!.name!.trim(),
      ...(head.groups!.unit ? { unit: head.groups!.unit } : {}),
      points: [],
      from: paragraphs[i]!.from,
      to: paragraphs[i]!.from + paragraphs[i]!.text.length,
    };
    for (let j = i; j < paragraphs.length && j < i + 12; j++) {
      const p = paragraphs[j]!;
      const text = j === i ? head.groups!.rest! : p.text;
      const offset = j === i ? p.text.length - text.length : 0;
      const points = [...text.matchAll(POINT_RE)];
      if (j > i && (points.length === 0 || text.replace(POINT_RE, '').replace(/[\s%\d.-]/g, '').length > 4)) break;
      for (const m of points) {
        series.points.push({
          year: Number(m[1]),
          value: decimalText(m[2]!),
          from: p.from + offset + m.index!,
          to: p.from + offset + m.index! + m[0].length,
        });
      }
      series.to = p.from + p.text.length;
    }
    if (series.points.length >= 2) out.push(series);
  }
  return out;
}
