import type { StoredScheme } from './stored-scheme.schema.ts';

/**
 * Every element of a scheme a county may question — indicator, weight (scheme and per group), normalisation
 * (bands, targets), floor, veto, 加分/扣分 item, grade cut-off, comparison group, missing-data rule — and what
 * backs it: a quoted document passage (sources) or a decision of the plan office (decisions: who, when, why).
 * Issue 16: an element with neither is one the office could not defend, so the dataset test refuses it.
 */

export type ElementKind =
  'indicator' | 'weight' | 'normalisation' | 'floor' | 'veto' | 'adjustment' | 'grade' | 'group' | 'missingPolicy' | 'cycle';

export interface SchemeElement {
  /** Stable key: `weight:GDP`, `weight:urbanised:GDP`, `grade:优秀`, `floor:national-floor`, `missingPolicy`. */
  key: string;
  kind: ElementKind;
  /** What the element is and its value, in zh (shown on the scheme page and in the report). */
  labelZh: string;
}

export interface CitedSource {
  plan: string;
  section: string;
  quote: string;
}
export interface OfficeDecision {
  by: string;
  at: string;
  why: string;
}
export interface ElementProvenance extends SchemeElement {
  cited: CitedSource[];
  decided: OfficeDecision[];
}

const fmt = (x: number | undefined) => (x === undefined ? '' : String(Number(x.toFixed(4))));

function normalisationZh(n: StoredScheme['indicators'][number]['normalisation']): string {
  switch (n.method) {
    case 'minmax':
      return '组内极差标准化';
    case 'zscore':
      return '组内标准分';
    case 'rank':
      return '组内百分位';
    case 'target':
      return `目标值 ${fmt(n.target)}（基准 ${fmt(n.baseline)}）`;
    case 'bands':
      return `分档 ${n.bands.map((b) => `[${fmt(b.from) || '−∞'}, ${fmt(b.to) || '+∞'})→${fmt(b.score)}`).join('；')}`;
  }
}

/** The elements of a scheme, in the order the scheme page lists them. */
export function schemeElements(s: StoredScheme): SchemeElement[] {
  const out: SchemeElement[] = [];
  const name = new Map(s.indicators.map((i) => [i.code, i.name]));
  for (const i of s.indicators) {
    out.push({ key: `indicator:${i.code}`, kind: 'indicator', labelZh: `指标：${i.name}` });
    out.push({ key: `weight:${i.code}`, kind: 'weight', labelZh: `权重：${i.name} ${fmt(i.weight)}` });
    out.push({
      key: `normalisation:${i.code}`,
      kind: 'normalisation',
      labelZh: `计分方法：${i.name} ${normalisationZh(i.normalisation)}`,
    });
  }
  for (const g of s.groups) {
    out.push({ key: `group:${g.code}`, kind: 'group', labelZh: `比较组：${g.name}` });
    for (const [code, w] of Object.entries(g.weights))
      out.push({
        key: `weight:${g.code}:${code}`,
        kind: 'weight',
        labelZh: `权重（${g.name}）：${name.get(code) ?? code} ${fmt(w)}`,
      });
    for (const [code, n] of Object.entries(s.groupNormalisation[g.code] ?? {}))
      out.push({
        key: `normalisation:${g.code}:${code}`,
        kind: 'normalisation',
        labelZh: `计分方法（${g.name}）：${name.get(code) ?? code} ${normalisationZh(n)}`,
      });
  }
  for (const f of s.floors)
    out.push({ key: `floor:${f.code}`, kind: 'floor', labelZh: `底线：${f.reason}，最高评为${f.maxGrade}` });
  for (const v of s.vetoes) out.push({ key: `veto:${v.code}`, kind: 'veto', labelZh: `一票否决：${v.reason}` });
  for (const a of s.adjustments)
    out.push({ key: `adjustment:${a.code}`, kind: 'adjustment', labelZh: `${a.kind === 'bonus' ? '加分' : '扣分'}：${a.name}` });
  for (const g of s.grades)
    out.push({ key: `grade:${g.label}`, kind: 'grade', labelZh: `等级：${g.label} ≥ ${fmt(g.minScore)} 分` });
  const policy = { reweight: '按现有指标折算权重，不参与排名', zero: '缺数指标计 0 分', exclude: '缺数单位不计分' }[
    s.missingPolicy
  ];
  out.push({ key: 'missingPolicy', kind: 'missingPolicy', labelZh: `缺数规则：${policy}` });
  if (s.cycle)
    out.push({
      key: 'cycle',
      kind: 'cycle',
      labelZh: `评价周期：每${s.cycle.fullEvery}年全面评价一次（${s.cycle.firstFullYear}年起），其间每年更新`,
    });
  return out;
}

/**
 * The element key a source or decision item names: a full key as is, or a bare code — an indicator,
 * veto, adjustment, floor or group code, or a grade label — for that element (the form sources used
 * before every element was listed). 'scheme' (the scheme as a whole) names no element. Undefined when unknown.
 */
export function resolveItem(s: StoredScheme, item: string, keys: ReadonlySet<string>): string | undefined {
  if (item === 'scheme') return 'scheme';
  if (keys.has(item)) return item;
  for (const prefix of ['indicator', 'veto', 'adjustment', 'floor', 'group', 'grade'])
    if (keys.has(`${prefix}:${item}`)) return `${prefix}:${item}`;
  return undefined;
}

/** Each element with the passages and decisions that back it (both may be empty: see `unbacked`). */
export function schemeProvenance(s: StoredScheme): ElementProvenance[] {
  const elements = schemeElements(s);
  const keys = new Set(elements.map((e) => e.key));
  const byKey = new Map(elements.map((e) => [e.key, { ...e, cited: [] as CitedSource[], decided: [] as OfficeDecision[] }]));
  for (const src of s.sources) {
    const key = resolveItem(s, src.item, keys);
    if (key !== undefined) byKey.get(key)?.cited.push({ plan: src.plan, section: src.section, quote: src.quote });
  }
  for (const d of s.decisions)
    for (const item of d.items) {
      const key = resolveItem(s, item, keys);
      if (key !== undefined) byKey.get(key)?.decided.push({ by: d.by, at: d.at, why: d.why });
    }
  return [...byKey.values()];
}

/** Keys of the elements with neither a quoted source nor a plan-office decision. */
export function unbackedElements(s: StoredScheme): string[] {
  return schemeProvenance(s)
    .filter((e) => e.cited.length === 0 && e.decided.length === 0)
    .map((e) => e.key);
}
