import { canonicalUnit } from '../units.ts';
import { normaliseText } from '../../text/normalise.ts';
import { matchKey } from './header-words.ts';
import type { TableItem, TableUnit } from './table.types.ts';

/** Units with no conversion that still name a unit, so a heading "(家)" is read as a unit and not a name. */
const COUNT_UNITS = [
  '个',
  '家',
  '项',
  '户',
  '件',
  '台',
  '套',
  '辆',
  '人次',
  '万人次',
  '吨',
  '万吨',
  '平方米',
  '万平方米',
  '百分点',
];

const CACHE_LIMIT = 10_000;

export type UnitMatch = { kind: 'unit'; index: number } | { kind: 'ambiguous'; codes: string[] } | null;

/**
 * Lookup tables built once per upload from the form's items and the reporting units: O(items +
 * units), independent of the file's size.
 */
export interface TableContext {
  items: readonly TableItem[];
  units: readonly TableUnit[];
  /** Index into items of the indicator a heading or cell names (code, name, English name or synonym). */
  findItem(text: string): number | null;
  /** The unit a cell or line names: exact code, name or alias, else the longest unit name it ends with ("红河州蒙自…"). */
  findUnit(text: string): UnitMatch;
  /** The unit a heading part names (canonical spelling), or null when the part is not a unit. */
  unitOf(text: string): string | null;
}

export function buildTableContext(items: readonly TableItem[], units: readonly TableUnit[]): TableContext {
  const itemByKey = new Map<string, number>();
  items.forEach((item, i) => {
    for (const name of [item.indicator, item.name, item.nameEn, ...item.synonyms]) {
      const k = matchKey(name);
      if (k && !itemByKey.has(k)) itemByKey.set(k, i);
    }
  });

  const unitByKey = new Map<string, number[]>();
  units.forEach((unit, i) => {
    for (const name of [unit.code, unit.name, ...(unit.aliases ?? [])]) {
      const k = matchKey(name);
      const list = unitByKey.get(k) ?? [];
      if (k && !list.includes(i)) unitByKey.set(k, [...list, i]);
    }
  });
  /** Names long enough to be recognised at the end of a longer text. */
  const suffixKeys = [...unitByKey.keys()].filter((k) => [...k].length >= 4).sort((a, b) => b.length - a.length);

  const plainUnits = new Set([...COUNT_UNITS, ...items.map((i) => normaliseText(i.unit).trim())]);

  const asMatch = (list: number[]): UnitMatch =>
    list.length === 1 ? { kind: 'unit', index: list[0]! } : { kind: 'ambiguous', codes: list.map((i) => units[i]!.code) };

  // Unit and indicator cells repeat on every row of a large file: remember what each text named.
  const unitCache = new Map<string, UnitMatch>();
  const itemCache = new Map<string, number | null>();
  const remember = <T>(cache: Map<string, T>, text: string, value: T): T => {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, value);
    return value;
  };

  return {
    items,
    units,
    findItem(text) {
      const cached = itemCache.get(text);
      if (cached !== undefined) return cached;
      return remember(itemCache, text, itemByKey.get(matchKey(text)) ?? null);
    },
    findUnit(text) {
      const cached = unitCache.get(text);
      if (cached !== undefined) return cached;
      const k = matchKey(text);
      const exact = k ? unitByKey.get(k) : undefined;
      const suffix = k && !exact ? suffixKeys.find((s) => k.endsWith(s)) : undefined;
      const list = exact ?? (suffix ? unitByKey.get(suffix) : undefined);
      return remember(unitCache, text, list ? asMatch(list) : null);
    },
    unitOf(text) {
      const s = normaliseText(text)
        .replace(/\s+/g, '')
        .replace(/^[([【]?(?:计量单位|金额单位|单位)?[:：]?(.*?)[)\]】]?$/, '$1');
      if (!s) return null;
      return canonicalUnit(s) ?? (plainUnits.has(s) ? s : null);
    },
  };
}
