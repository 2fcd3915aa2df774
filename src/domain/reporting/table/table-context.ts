import { closestUnits } from '../../org-units/closest-units.ts';
import { derivedShortNames } from '../../org-units/short-names.ts';
import { unitNameKey } from '../../org-units/unit-name-key.ts';
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
  /** An indicator PlanTrack knows that is not on this form, by code, name or synonym. */
  findOtherIndicator(text: string): Pick<TableItem, 'indicator' | 'name' | 'nameEn'> | null;
  /** Up to three units a name not recognised may have meant, closest first, from the reporter's scope. */
  suggestUnits(text: string): TableUnit[];
  /** The item whose name or synonym a longer heading starts with ("营业收入占比" → 营业收入), or null; "亩均税收" names another indicator. */
  mentionsItem(text: string): number | null;
}

export function buildTableContext(
  items: readonly TableItem[],
  units: readonly TableUnit[],
  others: readonly Pick<TableItem, 'indicator' | 'name' | 'nameEn' | 'synonyms'>[] = [],
): TableContext {
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
      const k = unitNameKey(name);
      const list = unitByKey.get(k) ?? [];
      if (k && !list.includes(i)) unitByKey.set(k, [...list, i]);
    }
  });
  const otherByKey = new Map<string, (typeof others)[number]>();
  for (const other of others)
    for (const name of [other.indicator, other.name, other.nameEn, ...other.synonyms]) {
      const k = matchKey(name);
      if (k && !itemByKey.has(k) && !otherByKey.has(k)) otherByKey.set(k, other);
    }

  // Short forms derived from official names (昆明高新区) count only where no exact name or alias matches.
  const derivedByKey = new Map<string, number[]>();
  units.forEach((unit, i) => {
    for (const name of derivedShortNames(unit.name)) {
      const k = unitNameKey(name);
      if (!k || unitByKey.has(k)) continue;
      const list = derivedByKey.get(k) ?? [];
      if (!list.includes(i)) derivedByKey.set(k, [...list, i]);
    }
  });
  // Only units the uploader may report for are ever suggested.
  const suggestable = units
    .filter((unit) => unit.inScope !== false)
    .map((unit) => ({
      unit,
      keys: [unit.code, unit.name, ...(unit.aliases ?? []), ...derivedShortNames(unit.name)].map(unitNameKey),
    }));
  const itemKeys = [...itemByKey.entries()].filter(([k]) => [...k].length >= 2).sort((a, b) => b[0].length - a[0].length);
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
      const k = unitNameKey(text);
      const exact = k ? unitByKey.get(k) : undefined;
      const suffix = k && !exact && !derivedByKey.has(k) ? suffixKeys.find((s) => k.endsWith(s)) : undefined;
      const list = exact ?? (k ? derivedByKey.get(k) : undefined) ?? (suffix ? unitByKey.get(suffix) : undefined);
      return remember(unitCache, text, list ? asMatch(list) : null);
    },
    unitOf(text) {
      const s = normaliseText(text)
        .replace(/\s+/g, '')
        .replace(/^[([【]?(?:计量单位|金额单位|单位)?[:：]?(.*?)[)\]】]?$/, '$1');
      if (!s) return null;
      return canonicalUnit(s) ?? (plainUnits.has(s) ? s : null);
    },
    findOtherIndicator(text) {
      return otherByKey.get(matchKey(text)) ?? null;
    },
    suggestUnits(text) {
      return closestUnits(unitNameKey(text), suggestable);
    },
    mentionsItem(text) {
      const k = matchKey(text);
      for (const [key, index] of itemKeys) if (k.startsWith(key)) return index;
      return null;
    },
  };
}
