import type { UnitRef } from './candidate.schema.ts';
import type { OrgMention, OrgUnitMatcher } from './org-unit-matcher.ts';

/**
 * Whose document is this? The catalogue knows the platform's own province (云南省) and reads 全省,
 * 我省 and 省发展改革委 as its units. A plan of another province (四川省…, 安徽省人民政府…) or of the
 * State Council uses the same words for its own units; reading them as Yunnan's gave every candidate
 * a Yunnan scope and Yunnan's departments. When the text is about a region the catalogue does not
 * have, those generic words are kept as written (全省 → 四川省, 省发展改革委 as named, no code).
 */

const PROVINCES = [
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '内蒙古自治区',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '上海市',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '广西壮族自治区',
  '海南省',
  '重庆市',
  '四川省',
  '贵州省',
  '云南省',
  '西藏自治区',
  '陕西省',
  '甘肃省',
  '青海省',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
] as const;
const SHORT = (p: string) => p.replace(/(?:壮族|回族|维吾尔)?(?:自治区|省|市)$/, '');
/** 昆明市 → 昆明, 红河哈尼族彝族自治州 → 红河哈尼族彝族: enough to tell that the text names the unit. */
const SHORT_UNIT = (u: string) => (u.length >= 3 ? u.replace(/(?:自治州|自治区|省|市|州|县|区)$/, '') : u);
/** The State Council's and the NPC's own documents and their news. */
const NATIONAL = /国务院|全国人大|全国人民代表大会|国内生产总值/;

export interface DocumentRegion {
  /** The region's full name (四川省), or 全国; undefined when the text never says which province it is. */
  name?: string;
}

/** The region the text is about, when the catalogue does not have it; null for the platform's own. */
export function documentRegion(
  text: string,
  catalogue: { orgUnits: readonly { name: string; kind?: string }[] },
): DocumentRegion | null {
  const known = new Set(catalogue.orgUnits.map((u) => u.name));
  const counts = PROVINCES.map((p) => ({ p, n: occurrences(text, SHORT(p)) })).sort((a, b) => b.n - a.n);
  const top = counts[0]!;
  if (top.n === 0) {
    if (NATIONAL.test(text)) return { name: '全国' };
    // 全省 in a text that names neither a province nor any unit of the catalogue (长江日报: 全省…增长6%):
    // whose province it is stays open rather than becoming the catalogue's.
    // Departments (省发展改革委) are named alike in every province: only places tell.
    const ownNamed = catalogue.orgUnits.some(
      (u) => u.kind !== 'department' && u.name.length >= 3 && text.includes(SHORT_UNIT(u.name)),
    );
    return ownNamed ? null : {};
  }
  if (known.has(top.p)) return null;
  // A plan of the catalogue's province that names another one in passing stays the catalogue's.
  const own = counts.find((c) => known.has(c.p));
  if (own && own.n >= top.n) return null;
  return { name: top.p };
}

function occurrences(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  return n;
}

/** Words that name the document's own province or its departments without saying which province. */
const GENERIC = /^(?:全省|我省|本省|省(?!级))/;

/** The catalogue's matcher, with the province's generic words read as the document region's. */
export function regionalMatcher(base: OrgUnitMatcher, region: DocumentRegion): OrgUnitMatcher {
  const local = <T extends UnitRef>(m: T): T => {
    if (!m.code || !GENERIC.test(m.mention)) return m;
    const province = 'orgKind' in m && (m as unknown as OrgMention).orgKind === 'province';
    // With the province left open, departments (省发展改革委) stay the platform's: a planner here most
    // likely uploads a plan that concerns them; only 全省 is not claimed as the catalogue's province.
    if (!region.name && !province) return m;
    const { code: _code, kind: _kind, ...rest } = m;
    return { ...rest, name: province ? (region.name ?? m.mention) : m.mention } as T;
  };
  return {
    find: (text) => base.find(text).map(local),
    resolve: (name) => {
      const hit = base.resolve(name);
      return hit ? local({ ...hit, mention: name }) : hit;
    },
  };
}
