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
/** The State Council's and the NPC's own documents and their news. */
const NATIONAL = /国务院|全国人大|全国人民代表大会|国内生产总值/;

export interface DocumentRegion {
  /** The region's full name (四川省), or 全国. */
  name: string;
}

/** The region the text is about, when the catalogue does not have it; null for the platform's own. */
export function documentRegion(text: string, catalogue: { orgUnits: readonly { name: string }[] }): DocumentRegion | null {
  const known = new Set(catalogue.orgUnits.map((u) => u.name));
  const counts = PROVINCES.map((p) => ({ p, n: occurrences(text, SHORT(p)) })).sort((a, b) => b.n - a.n);
  const top = counts[0]!;
  if (top.n === 0) return NATIONAL.test(text) ? { name: '全国' } : null;
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
    const { code: _code, kind: _kind, ...rest } = m;
    const province = 'orgKind' in m && (m as unknown as OrgMention).orgKind === 'province';
    return { ...rest, name: province ? region.name : m.mention } as T;
  };
  return {
    find: (text) => base.find(text).map(local),
    resolve: (name) => {
      const hit = base.resolve(name);
      return hit ? local({ ...hit, mention: name }) : hit;
    },
  };
}
