import type { WarningLevel } from './warning-level.ts';

/** What the tally reads of a judged target: its responsible subject and its warning level. */
export interface TalliedTarget {
  key: string;
  subject: { kind: 'org_unit' | 'group'; code: string; name: string };
  warning: { level: WarningLevel };
}

export interface WarningCounts {
  red: number;
  yellow: number;
  green: number;
}

export interface UnitWarnings<T extends TalliedTarget> {
  /** The responsible unit; null for group targets (板块, 园区类别 …), which no single unit answers for. */
  orgUnit: { code: string; name: string } | null;
  red: number;
  yellow: number;
  /** Red first, then yellow, each in the order given. */
  targets: T[];
}

/**
 * The one count of warnings by level. The overview panel, its warning list, the monitoring brief
 * (.docx) and its tables (.xlsx) all print this over the same judged targets, so they cannot
 * disagree (issue 19: the panel said 0/37 beside a list built from stored episodes of another period).
 */
export function countWarnings(targets: readonly TalliedTarget[]): WarningCounts {
  const out = { red: 0, yellow: 0, green: 0 };
  for (const t of targets) out[t.warning.level] += 1;
  return out;
}

/**
 * Red and yellow targets grouped by responsible unit: units with a red warning first, then by
 * count, then by name (zh collation); targets without a single unit last.
 */
export function warningsByUnit<T extends TalliedTarget>(targets: readonly T[]): UnitWarnings<T>[] {
  const groups = new Map<string, UnitWarnings<T>>();
  for (const t of targets) {
    const level = t.warning.level;
    if (level === 'green') continue;
    const orgUnit = t.subject.kind === 'org_unit' ? { code: t.subject.code, name: t.subject.name } : null;
    const key = orgUnit?.code ?? '';
    const g = groups.get(key) ?? { orgUnit, red: 0, yellow: 0, targets: [] };
    g[level] += 1;
    g.targets.push(t);
    groups.set(key, g);
  }
  const rank = (t: T) => (t.warning.level === 'red' ? 0 : 1);
  for (const g of groups.values())
    g.targets = g.targets
      .map((t, i) => ({ t, i }))
      .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
      .map((x) => x.t);
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.orgUnit === null) - Number(b.orgUnit === null) ||
      b.red - a.red ||
      b.red + b.yellow - (a.red + a.yellow) ||
      (a.orgUnit?.name ?? '').localeCompare(b.orgUnit?.name ?? '', 'zh-CN'),
  );
}
