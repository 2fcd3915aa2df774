import type { ProgressClass } from './types.ts';

/**
 * Filters and ordering of the monitoring overview's targets table (issue 19). One pure function
 * used by the page and by the report's .xlsx export, so the exported rows are exactly the rows
 * the reader filtered on screen: the two cannot disagree.
 */

export type WarningLevel = 'red' | 'yellow' | 'green';
export const FILTER_CLASSES = ['achieved_early', 'ahead', 'on_track', 'behind', 'insufficient_data'] as const;
export const FILTER_WARNINGS = ['red', 'yellow', 'green'] as const;
export const SORT_KEYS = ['class', 'completion', 'warning'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface TargetFilter {
  class?: ProgressClass;
  warning?: WarningLevel;
  /** Text searched in the indicator's name (zh or en), code and the subject's name. */
  q?: string;
  /** Code of the responsible subject (unit or group). */
  subject?: string;
  /** Column to sort by; '-' in front for descending. Absent: plan order. */
  sort?: SortKey | `-${SortKey}`;
}

export interface FilterableTarget {
  indicator: { code: string; name: string; nameEn?: string };
  subject: { code: string; name: string };
  judgement: { class: ProgressClass; achievementRatio: number | null };
  warning: { level: WarningLevel };
}

/** The filter of a query string (hash query on the page, querystring of the export); unknown values are ignored. */
export function parseTargetFilter(get: (name: string) => string | null | undefined): TargetFilter {
  const f: TargetFilter = {};
  const cls = get('class');
  if (cls && (FILTER_CLASSES as readonly string[]).includes(cls)) f.class = cls as ProgressClass;
  const warning = get('warning');
  if (warning && (FILTER_WARNINGS as readonly string[]).includes(warning)) f.warning = warning as WarningLevel;
  const q = get('q')?.trim();
  if (q) f.q = q;
  const subject = get('subject')?.trim();
  if (subject) f.subject = subject;
  const sort = get('sort');
  if (sort && (SORT_KEYS as readonly string[]).includes(sort.replace(/^-/, ''))) f.sort = sort as TargetFilter['sort'];
  return f;
}

/** The filter as query parameters (only what is set), for links and the export URL. */
export function targetFilterParams(f: TargetFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['class', 'warning', 'q', 'subject', 'sort'] as const) if (f[k]) out[k] = f[k]!;
  return out;
}

const CLASS_ORDER: Record<ProgressClass, number> = Object.fromEntries(FILTER_CLASSES.map((c, i) => [c, i])) as Record<
  ProgressClass,
  number
>;
// Ascending warning means most severe first: red is what the reader sorts by warning to find.
const WARNING_ORDER: Record<WarningLevel, number> = { red: 0, yellow: 1, green: 2 };

function compare(key: SortKey, a: FilterableTarget, b: FilterableTarget): number {
  if (key === 'class') return CLASS_ORDER[a.judgement.class] - CLASS_ORDER[b.judgement.class];
  if (key === 'warning') return WARNING_ORDER[a.warning.level] - WARNING_ORDER[b.warning.level];
  return (a.judgement.achievementRatio ?? -Infinity) - (b.judgement.achievementRatio ?? -Infinity);
}

/** The targets the filter keeps, in its order (ties and no sort: the given, i.e. plan, order). */
export function filterTargets<T extends FilterableTarget>(targets: readonly T[], f: TargetFilter): T[] {
  const needle = f.q?.toLowerCase();
  const kept = targets.filter(
    (t) =>
      (!f.class || t.judgement.class === f.class) &&
      (!f.warning || t.warning.level === f.warning) &&
      (!f.subject || t.subject.code === f.subject) &&
      (!needle ||
        [t.indicator.name, t.indicator.nameEn ?? '', t.indicator.code, t.subject.name].some((s) =>
          s.toLowerCase().includes(needle),
        )),
  );
  if (!f.sort) return kept;
  const desc = f.sort.startsWith('-');
  const key = f.sort.replace(/^-/, '') as SortKey;
  // Missing completion stays last in both directions: an unknown figure is not the smallest one.
  const missingLast = (t: T) => (key === 'completion' && t.judgement.achievementRatio === null ? 1 : 0);
  return kept
    .map((t, i) => ({ t, i }))
    .sort((a, b) => missingLast(a.t) - missingLast(b.t) || (desc ? -1 : 1) * compare(key, a.t, b.t) || a.i - b.i)
    .map((x) => x.t);
}

/** One page of rows (1-based page, clamped to the pages there are) and the number of pages. */
export function pageOf<T>(rows: readonly T[], page: number, size: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(1, Math.floor(Number.isFinite(page) ? page : 1)), pages);
  return { rows: rows.slice((p - 1) * size, p * size), page: p, pages };
}
