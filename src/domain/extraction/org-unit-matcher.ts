import type { Catalogue, UnitRef } from './candidate.schema.ts';

/**
 * Finds org units and groups named in text, through their catalogue names and the short forms
 * Chinese plans use for them, derived by general rules:
 * - 红河哈尼族彝族自治州 → 红河州, 红河; 昆明市 → 昆明; 勐腊县 → 勐腊
 * - 昆明高新技术产业开发区 → 昆明高新区; …经济技术开发区 → …经开区; 综合保税区 → 综保区;
 *   中国(云南)自由贸易试验区 → 自由贸易试验区, 自贸试验区, 自贸区
 * - 省发展改革委 → 发展改革委, 发展改革部门; 滇中新区 ← 滇中新区管委会
 * - the province ← 全省, 我省, 本省
 */
export interface OrgMention extends UnitRef {
  /** Offsets into the searched text. */
  from: number;
  to: number;
  orgKind: string;
}

export interface OrgUnitMatcher {
  /** Non-overlapping mentions, longest first at each position. */
  find(text: string): OrgMention[];
  /** Resolves one name as written in a list of responsible units; unknown names are returned without code. */
  resolve(name: string): UnitRef | null;
}

interface Entry {
  code: string;
  kind: 'org_unit' | 'group';
  orgKind: string;
  name: string;
  /** A generic word (开发区): counts only where a word starts, not inside 高新技术产业开发区. */
  generic?: boolean;
}

/** What may stand before a generic unit word: punctuation, 各, 全省, 的, a conjunction or a verb-like character. */
const WORD_START_BEFORE = /(?:^|[,。;:、()“”\s]|各|全省|的|和|与|及|在|对|将|使|为)$/;

const ZONE_SHORT: readonly [RegExp, string][] = [
  [/高新技术产业开发区$/, '高新区'],
  [/经济技术开发区$/, '经开区'],
  [/综合保税区$/, '综保区'],
  [/自由贸易试验区$/, '自贸试验区'],
  [/自由贸易试验区$/, '自贸区'],
  [/边境经济合作区$/, '边合区'],
  [/跨境经济合作区$/, '跨合区'],
  [/产业园区$/, '园区'],
];

/** The 55 minority nationalities, as they appear in the names of autonomous prefectures and counties. */
const ETHNIC_GROUPS =
  '哈尼|彝|壮|苗|傣|景颇|傈僳|藏|白|纳西|瑶|拉祜|佤|布朗|阿昌|怒|德昂|独龙|基诺|普米|蒙古|回|满|土家|侗|布依|水|仫佬|毛南|黎|羌|土|撒拉|东乡|保安|裕固|哈萨克|柯尔克孜|塔吉克|锡伯|鄂温克|鄂伦春|赫哲|达斡尔|维吾尔|朝鲜|畲|高山|仡佬|京|门巴|珞巴|乌孜别克|俄罗斯|塔塔尔';
const AUTONOMOUS_RE = new RegExp(`^(.{2,5}?)(?:(?:${ETHNIC_GROUPS})族)+自治(州|县|旗)$`);

/** Short forms of a catalogue name (see the module comment). */
export function deriveAliases(name: string, orgKind: string): string[] {
  const out = new Set<string>();
  const n = name.replace(/\s+/g, '');
  const stripped = n.replace(/^中国\([^)]*\)/, '').replace(/^中国/, '');
  if (stripped !== n && stripped.length >= 3) out.add(stripped);
  for (const base of [n, stripped]) {
    for (const [pattern, short] of ZONE_SHORT) if (pattern.test(base)) out.add(base.replace(pattern, short));
  }
  if (orgKind === 'prefecture' || orgKind === 'county') {
    const m = AUTONOMOUS_RE.exec(n);
    if (m) {
      out.add(`${m[1]}${m[2]}`);
      if (m[1]!.length >= 2) out.add(m[1]!);
    }
    const plain = /^(.{2,})(市|县|区|州)$/.exec(n);
    if (plain && !m) out.add(plain[1]!);
  }
  if (orgKind === 'department') {
    const local = n.replace(/^(?:云南)?省/, '');
    if (local !== n && local.length >= 2) out.add(local);
    const core = /^(.{2,}?)(?:委员会|委|厅|局|办公室|办)$/.exec(local);
    if (core) out.add(`${core[1]}部门`);
  }
  if (orgKind === 'province') {
    for (const a of ['全省', '我省', '本省']) out.add(a);
    const m = /^(.{2,})省$/.exec(n);
    if (m) out.add(m[1]!);
  }
  out.delete(n);
  return [...out].filter((a) => a.length >= 2);
}

/** Trailing words that turn a unit into its members or staff: 领导小组各成员单位, 滇中新区管委会, 各州、市人民政府. */
const UNIT_TAIL = /(?:各成员单位|成员单位|管理委员会|管委会|人民政府|政府)$/;

export function createOrgUnitMatcher(catalogue: Pick<Catalogue, 'orgUnits' | 'groups'>): OrgUnitMatcher {
  // When two units share a name or a derived short form, the one listed first in the catalogue
  // keeps it (the platform's current units come before plan files with historical names), and
  // exact names are entered before any short form.
  const table = new Map<string, Entry>();
  const add = (alias: string, e: Entry) => {
    const a = alias.replace(/\s+/g, '');
    if (a.length >= 2 && !table.has(a)) table.set(a, e);
  };
  for (const u of catalogue.orgUnits) {
    const e: Entry = { code: u.code, kind: 'org_unit', orgKind: u.kind, name: u.name };
    add(u.name, e);
    for (const s of u.synonyms) add(s, e);
  }
  for (const g of catalogue.groups) {
    const e: Entry = { code: g.code, kind: 'group', orgKind: 'group', name: g.name };
    add(g.name, e);
    for (const s of g.synonyms) add(s, e);
  }
  for (const g of catalogue.groups) {
    // 规划范围内开发区 is what the plan means by 开发区, 各开发区, 全省开发区.
    const m = /^(?:本?规划范围内|全部|所有)(.{2,})$/.exec(g.name.replace(/\s+/g, ''));
    const e: Entry = { code: g.code, kind: 'group', orgKind: 'group', name: g.name, generic: true };
    if (m) for (const a of [m[1]!, `各${m[1]}`, `全省${m[1]}`]) add(a, e);
  }
  for (const u of catalogue.orgUnits) {
    const e: Entry = { code: u.code, kind: 'org_unit', orgKind: u.kind, name: u.name };
    for (const a of deriveAliases(u.name, u.kind)) add(a, e);
  }
  const maxLen = Math.max(2, ...[...table.keys()].map((k) => k.length));

  const lookup = (s: string): Entry | undefined => table.get(s);

  return {
    find(text) {
      const out: OrgMention[] = [];
      let i = 0;
      while (i < text.length) {
        let hit: { e: Entry; len: number } | null = null;
        for (let len = Math.min(maxLen, text.length - i); len >= 2; len--) {
          const e = lookup(text.slice(i, i + len));
          if (e && e.generic && !WORD_START_BEFORE.test(text.slice(Math.max(0, i - 2), i))) continue;
          if (e) {
            hit = { e, len };
            break;
          }
        }
        if (hit) {
          out.push({
            code: hit.e.code,
            kind: hit.e.kind,
            orgKind: hit.e.orgKind,
            name: hit.e.name,
            mention: text.slice(i, i + hit.len),
            from: i,
            to: i + hit.len,
          });
          i += hit.len;
        } else i++;
      }
      return out;
    },
    resolve(name) {
      const n = name.replace(/\s+/g, '').replace(/等$/, '');
      if (n.length < 2) return null;
      for (const candidate of [n, n.replace(UNIT_TAIL, '')]) {
        const e = lookup(candidate);
        if (e) return { code: e.code, kind: e.kind, name: e.name, mention: name };
      }
      return { name: n, mention: name };
    },
  };
}
