/**
 * Where a target's figure comes from (issue 15): a reporting form that collects its indicator from
 * the subject or from units inside it, a formula over indicators that are collected, or an annual
 * plan-office sheet (规划办年度填报表) that states the figure of the plan's own scope (the province, 滇中,
 * the FTZ, a 板块) as a whole. Pure: the caller passes the catalogue; the answer mirrors what the
 * progress engine can read (a unit's own figure wins; otherwise children roll up by the indicator's
 * aggregation; `none` never rolls up over more than one unit; a group rolls up over all its members).
 */

export type DataPathKind = 'form' | 'derived' | 'plan_office_sheet';

export interface PathUnit {
  code: string;
  kind: string;
  parent: string | null;
}

export interface PathForm {
  code: string;
  name: string;
  reporters: { kinds: readonly string[]; units: readonly string[] };
  items: readonly { indicator: string; responsible?: string }[];
  /** `plan_office`: an annual sheet the plan office fills for its own scope. */
  sheet?: 'plan_office';
  /** The unit that owes the figures (省商务厅 for the FTZ sheet); else the reporters themselves. */
  responsible?: string;
  /** Stand-in units whose own figure is a group's figure (滇中城市群 for the 滇中 bloc). */
  standsFor?: readonly { unit: string; group: string }[];
}

export interface PathIndicator {
  code: string;
  aggregation: string;
  /** Codes a `ratio` formula reads, and the weight of a weighted average. */
  inputs: readonly string[];
}

export type PathSubject = { kind: 'org_unit'; code: string } | { kind: 'group'; code: string; members: readonly string[] };

export interface PathTarget {
  indicator: string;
  /** Denominator of a share of an amount. */
  reference?: string | null;
  subject: PathSubject;
}

export interface DataPathCatalogue {
  units: readonly PathUnit[];
  forms: readonly PathForm[];
  indicators: readonly PathIndicator[];
}

export interface DataPath {
  kind: DataPathKind;
  /** Forms (and sheets) whose figures feed the target, by code. */
  forms: string[];
  /** Units that report those figures inside the subject (or the stand-in unit). */
  reporters: string[];
  /** Units that owe the figures: a sheet's or item's `responsible`, else the reporters. */
  responsible: string[];
  /** For a derived path: the collected inputs of the formula. */
  inputs: string[];
}

export type DataPathResult = { ok: true; path: DataPath } | { ok: false; reasonZh: string; reason: string };

interface Hit {
  form: PathForm;
  unit: string;
}

/** The path of one target, or why it has none. */
export function classifyDataPath(target: PathTarget, cat: DataPathCatalogue): DataPathResult {
  const index = buildIndex(cat);
  const main = indicatorPath(target.indicator, target.subject, index);
  if (!main) return noPath(target.indicator);
  if (target.reference) {
    const ref = indicatorPath(target.reference, target.subject, index);
    if (!ref) return noPath(target.reference);
    return { ok: true, path: mergePaths(main, ref) };
  }
  return { ok: true, path: main };
}

function noPath(code: string): DataPathResult {
  return {
    ok: false,
    reasonZh: `没有报表或规划办年度填报表采集指标 ${code}，也无法由已采集指标计算`,
    reason: `no form or plan-office sheet collects ${code} for this subject, nor can it be computed from collected indicators`,
  };
}

function mergePaths(a: DataPath, b: DataPath): DataPath {
  const u = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  return {
    kind: a.kind,
    forms: u(a.forms, b.forms),
    reporters: u(a.reporters, b.reporters),
    responsible: u(a.responsible, b.responsible),
    inputs: u(a.inputs, b.inputs),
  };
}

interface Index {
  units: Map<string, PathUnit>;
  children: Map<string, string[]>;
  indicators: Map<string, PathIndicator>;
  /** indicator → unit → the forms by which that unit reports it. */
  reports: Map<string, Map<string, PathForm[]>>;
  standIn: Map<string, string>;
}

function buildIndex(cat: DataPathCatalogue): Index {
  const units = new Map(cat.units.map((u) => [u.code, u]));
  const children = new Map<string, string[]>();
  for (const u of cat.units) if (u.parent) children.set(u.parent, [...(children.get(u.parent) ?? []), u.code]);
  const reports = new Map<string, Map<string, PathForm[]>>();
  const standIn = new Map<string, string>();
  for (const f of cat.forms) {
    const reporters = cat.units.filter((u) => f.reporters.units.includes(u.code) || f.reporters.kinds.includes(u.kind));
    for (const item of f.items) {
      const byUnit = reports.get(item.indicator) ?? new Map<string, PathForm[]>();
      reports.set(item.indicator, byUnit);
      for (const r of reporters) byUnit.set(r.code, [...(byUnit.get(r.code) ?? []), f]);
    }
    for (const s of f.standsFor ?? []) standIn.set(s.group, s.unit);
  }
  return { units, children, indicators: new Map(cat.indicators.map((i) => [i.code, i])), reports, standIn };
}

/** Units that report `code` at or under `unit`, as the engine reads them; null when the figure cannot be formed. */
function unitHits(code: string, unit: string, idx: Index, seen = new Set<string>()): Hit[] | null {
  if (seen.has(unit)) return null;
  seen.add(unit);
  const own = idx.reports.get(code)?.get(unit);
  if (own?.length) return own.map((form) => ({ form, unit }));
  const agg = idx.indicators.get(code)?.aggregation ?? 'sum';
  const kids = (idx.children.get(unit) ?? []).map((c) => unitHits(code, c, idx, seen)).filter((h): h is Hit[] => h !== null);
  if (kids.length === 0) return null;
  if (agg === 'none' && kids.length > 1) return null;
  return kids.flat();
}

/** Over a group every member must have the figure (a sum over some members would be taken for the whole). */
function subjectHits(code: string, subject: PathSubject, idx: Index): Hit[] | null {
  if (subject.kind === 'org_unit') return unitHits(code, subject.code, idx);
  const standIn = idx.standIn.get(subject.code);
  const agg = idx.indicators.get(code)?.aggregation ?? 'sum';
  if (standIn && agg === 'none') return unitHits(code, standIn, idx);
  if (agg === 'none' && subject.members.length > 1) return null;
  const per = subject.members.map((m) => unitHits(code, m, idx));
  if (per.length === 0 || per.some((h) => h === null)) return null;
  return per.flat() as Hit[];
}

function pathFromHits(hits: readonly Hit[], code: string, kind: DataPathKind, inputs: string[] = []): DataPath {
  const forms = [...new Set(hits.map((h) => h.form.code))];
  const reporters = [...new Set(hits.map((h) => h.unit))];
  const responsible = [
    ...new Set(hits.map((h) => h.form.items.find((i) => i.indicator === code)?.responsible ?? h.form.responsible ?? h.unit)),
  ];
  return { kind, forms, reporters, responsible, inputs };
}

function indicatorPath(code: string, subject: PathSubject, idx: Index, depth = 0): DataPath | null {
  const hits = subjectHits(code, subject, idx);
  const ind = idx.indicators.get(code);
  if (hits) {
    // A weighted average needs its weight as well.
    if (ind?.aggregation === 'weighted_average') {
      for (const w of ind.inputs) if (w !== code && !subjectHits(w, subject, idx)) return null;
    }
    const sheet = hits.every((h) => h.form.sheet === 'plan_office');
    return pathFromHits(hits, code, sheet ? 'plan_office_sheet' : 'form');
  }
  // A formula's figure is formed from its inputs, each collected (one level of nesting is enough for the catalogue).
  if (ind?.aggregation === 'ratio' && ind.inputs.length > 0 && depth === 0) {
    const parts = ind.inputs.map((i) => indicatorPath(i, subject, idx, depth + 1));
    if (parts.some((p) => p === null)) return null;
    const merged = (parts as DataPath[]).reduce(mergePaths);
    return { ...merged, kind: 'derived', inputs: [...ind.inputs] };
  }
  return null;
}
