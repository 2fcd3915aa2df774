import type { PlanSection } from './api/types.ts';

export interface SectionNode {
  section: PlanSection;
  depth: number;
  children: SectionNode[];
}

/** Nests sections by parentKey, ordered by ordinal; sections whose parent is missing become roots. */
export function buildSectionTree(sections: readonly PlanSection[]): SectionNode[] {
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const children = new Map<string | null, PlanSection[]>();
  for (const s of sections) {
    const parent = s.parentKey !== null && byKey.has(s.parentKey) && s.parentKey !== s.key ? s.parentKey : null;
    const list = children.get(parent) ?? [];
    list.push(s);
    children.set(parent, list);
  }
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): SectionNode[] =>
    (children.get(parent) ?? [])
      .slice()
      .sort((a, b) => a.ordinal - b.ordinal)
      .filter((s) => !seen.has(s.key) && (seen.add(s.key), true))
      .map((s) => ({ section: s, depth, children: build(s.key, depth + 1) }));
  return build(null, 0);
}

/** The key itself and the keys of all its descendants. */
export function descendantKeys(sections: readonly PlanSection[], key: string): Set<string> {
  const kids = new Map<string, string[]>();
  for (const s of sections) {
    if (s.parentKey === null) continue;
    const list = kids.get(s.parentKey) ?? [];
    list.push(s.key);
    kids.set(s.parentKey, list);
  }
  const out = new Set<string>();
  const stack = [key];
  while (stack.length > 0) {
    const k = stack.pop()!;
    if (out.has(k)) continue;
    out.add(k);
    stack.push(...(kids.get(k) ?? []));
  }
  return out;
}

/** Keys of the ancestors of a section, nearest first. */
export function ancestorKeys(sections: readonly PlanSection[], key: string): string[] {
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const out: string[] = [];
  let cur = byKey.get(key)?.parentKey ?? null;
  while (cur !== null && !out.includes(cur)) {
    out.push(cur);
    cur = byKey.get(cur)?.parentKey ?? null;
  }
  return out;
}
