import type { UnitRef } from './candidate.schema.ts';
import type { OrgUnitMatcher } from './org-unit-matcher.ts';
import { findYears } from './value-expressions.ts';

/**
 * Tasks: measures the plan gives an owner or a date.
 * - responsibility: a clause naming the units, "(省发展改革委牵头;省工业和信息化委、住房城乡建设厅等按照职责分工负责)",
 *   "(责任单位:…)", or a sentence opening "X牵头/负责…" or "由X牵头,Y配合";
 * - deadline: 到2022年…完成 / 2016年12月31日前,完成… (a horizon year or a date with 前/底);
 * - recurrence: 每年开展一次… / 每季度召开… .
 */
export interface RawResponsibility {
  /** Offsets of the clause within the text searched. */
  from: number;
  to: number;
  /** Where the measure it closes starts: after the previous clause. */
  text: string;
  lead: UnitRef[];
  co: UnitRef[];
  inline: boolean;
}

/** (…牵头;…负责) and 〔责任单位:…〕, the bracket some provinces use; a 〔〕 clause may add remarks after 。. */
const CLAUSE_RE =
  /\(([^()]{0,400}?(?:牵头|负责|配合|参与|协助|责任单位)[^()]{0,200}?)\)|〔([^〔〕]{0,400}?(?:牵头|负责|配合|参与|协助|责任单位)[^〔〕]{0,200}?)〕/g;
const ROLE_WORDS = /(?:等)?(?:按照|按)?(?:职责分工|职责)?(?:分别)?(?:牵头负责|负责落实|共同负责|负责|牵头|配合|参与|协助|落实)$/;
/** A list of prefectures written as 保山、红河…等州、市人民政府. */
const PLACE_LIST_TAIL = /等?(?:州、市|州\(市\)|州市|县、市、区|县\(市、区\)|县市区|市、县)(?:人民政府|政府)?$/;
const VAGUE_UNIT = /有关|相关|^各|金融机构|等单位$|其他/;

const LABELLED_RE =
  /^(?:牵头单位|牵头部门)[::]\s*(.+?)[;;,,。\s]*(?:责任单位|配合单位|协同单位|参与单位|责任部门|配合部门)[::]\s*(.+?)[;;。]?$/;
/** A bracket that explains the roles rather than naming units: (无牵头单位的,责任单位即为牵头单位,下同). */
const EXPLANATION_RE = /下同|即为|是指|无牵头/;

/** Parses "(A、B牵头;C、D等按照职责分工负责)" into lead A, B and co C, D; without 牵头 every unit leads. */
export function parseResponsibleUnits(text: string, orgs: OrgUnitMatcher): { lead: UnitRef[]; co: UnitRef[] } | null {
  // 牵头单位:市商务局  责任单位:市编办、市发改委 — labels run together once the spaces between them are dropped.
  const labelled = LABELLED_RE.exec(text.trim());
  if (labelled) {
    const leads = dedupe(parseUnitList(labelled[1]!, orgs));
    const co = dedupe(parseUnitList(labelled[2]!, orgs)).filter((u) => !leads.some((l) => sameUnit(l, u)));
    return leads.length + co.length > 0 ? { lead: leads, co } : null;
  }
  const body = text.replace(/^(?:责任单位|牵头单位|责任部门)[::]/, '');
  const hasLead = /牵头/.test(body);
  const lead: UnitRef[] = [];
  const co: UnitRef[] = [];
  for (const part of body
    .split(/[;;]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf('牵头');
    if (at >= 0) {
      lead.push(...parseUnitList(part.slice(0, at), orgs));
      const rest = part
        .slice(at + 2)
        .replace(/^(?:负责)?[,,]?/, '')
        .replace(ROLE_WORDS, '');
      if (rest) co.push(...parseUnitList(rest, orgs));
    } else (hasLead ? co : lead).push(...parseUnitList(part.replace(ROLE_WORDS, ''), orgs));
  }
  if (lead.length === 0 && co.length === 0) return null;
  const leads = dedupe(lead);
  return { lead: leads, co: dedupe(co).filter((u) => !leads.some((l) => sameUnit(l, u))) };
}

/** "省发展改革委、商务厅,滇中新区管委会" → three units; a leading 省 carries over to the items after it. */
export function parseUnitList(text: string, orgs: OrgUnitMatcher): UnitRef[] {
  const out: UnitRef[] = [];
  for (const group of text.split(/[,,]/)) {
    let g = group.trim().replace(/^(?:由|请)/, '');
    const places = PLACE_LIST_TAIL.test(g);
    g = g.replace(PLACE_LIST_TAIL, '').replace(/等$/, '');
    const items = g
      .split('、')
      .map((s) => s.trim())
      .filter(Boolean);
    const prefix = /^省(?!级)/.test(items[0] ?? '') ? '省' : /^市(?!级)/.test(items[0] ?? '') ? '市' : '';
    for (const raw of items) {
      const item = raw.replace(/等$/, '');
      if (item.length < 2) continue;
      const direct = orgs.resolve(item);
      const prefixed = prefix && !item.startsWith(prefix) ? orgs.resolve(`${prefix}${item}`) : null;
      const hit = direct?.code ? direct : prefixed?.code ? prefixed : null;
      if (hit) out.push({ ...hit, mention: item });
      else if (!VAGUE_UNIT.test(item) && !places) {
        // 省工业和信息化委、住房城乡建设厅: the prefix carries over to departments, not to zones (示范港区管委会).
        const department = /^[^区县州]{2,12}(?:委|厅|局|办)$/.test(item);
        out.push({ name: prefix && department && !item.startsWith(prefix) ? `${prefix}${item}` : item, mention: item });
      }
    }
  }
  return out;
}

/** Responsibility clauses in a paragraph, each with the text of the measure it closes. */
export function findResponsibilities(paragraph: string, orgs: OrgUnitMatcher): RawResponsibility[] {
  const out: RawResponsibility[] = [];
  let measureStart = 0;
  for (const m of paragraph.matchAll(CLAUSE_RE)) {
    const body = m[1] ?? m[2]!.split('。')[0]!;
    if (EXPLANATION_RE.test(body)) continue;
    const units = parseResponsibleUnits(body, orgs);
    if (!units || units.lead.length + units.co.length === 0) continue;
    // Only units, not a parenthetical remark that happens to say 负责.
    const from = m.index!;
    out.push({ from, to: from + m[0].length, text: paragraph.slice(measureStart, from).trim(), ...units, inline: false });
    measureStart = from + m[0].length;
  }
  return out;
}

const UNIT_LIKE = /(?:部门|委员会|委|厅|局|办公室|办|室|人民政府|政府|管委会|领导小组|小组|中心|公司|海关|机构)$/;
/**
 * An office that follows the work up, opening a clause with 要/将: 市政府办公室将加强日常跟踪督办, 区绩效考评机构要将…
 * 纳入绩效管理考核范围 — the notices of 分工方案 name who checks. Offices only: a place (长春市将…) is no owner.
 */
const OFFICE_RE = /^(?<units>[\u4e00-\u9fa5()、]{2,30}?(?:办公室|办公厅|机构|督查室|督考办))(?:要|将|应)(?![来近])/;
/**
 * A department that follows a plan's implementation up, opening a clause with 要/将: 区发改委要发挥综合协调职能,
 * 加强对规划实施的监测和评估 — the notice issuing a plan names who monitors it. A coordinating or monitoring
 * measure only: 市商务局将… with any other verb is the plan's prose, not an assignment.
 */
const OVERSIGHT_RE =
  /^(?<units>[\u4e00-\u9fa5()、]{2,30}?(?:委|局|厅|部门))(?:要|将|应)(?:发挥[\u4e00-\u9fa5]{0,6}(?:协调|统筹|牵头)(?:职能|作用)|加强对[\u4e00-\u9fa5]{2,12}的?(?:监测|评估|督查|督导|跟踪|调度))/;
const ROLE_RE =
  /^(?:由)?(?<units>[\u4e00-\u9fa5()、]{2,40}?)(?:要|应|应当|定期)?(?:(?<lead>牵头负责|牵头|负责|做好|抓好|组织开展|加大督查|开展督查)|协同(?<co>[\u4e00-\u9fa5、]{2,30}?)(?:抓好|做好|开展|负责|推进))/;
const ENLIST_RE = /^(?:积极)?发挥(?<units>[\u4e00-\u9fa5()、]{2,40}?)的作用$/;

/**
 * Owners named in the running text, per clause: "昆明市人民政府负责重点推进…", "科技部门牵头负责…",
 * "发展改革部门做好…工作", "统计部门协同工业和信息化部门抓好…", "发挥省开发区工作领导小组的作用,负责…".
 * The names must be known units or read like units (…部门, …厅, …政府, …领导小组). Each owner's
 * measure runs to the next clause that names another owner.
 */
export function findInlineResponsibilities(
  sentence: string,
  orgs: OrgUnitMatcher,
): { lead: UnitRef[]; co: UnitRef[]; from: number; to: number }[] {
  const clauses: [number, number][] = [];
  let from = 0;
  for (let i = 0; i <= sentence.length; i++) {
    if (i === sentence.length || /[,;。]/.test(sentence[i]!)) {
      if (i > from) clauses.push([from, i]);
      from = i + 1;
    }
  }
  const found: { lead: UnitRef[]; co: UnitRef[]; from: number; to: number }[] = [];
  for (let c = 0; c < clauses.length; c++) {
    const [a, b] = clauses[c]!;
    const clause = sentence.slice(a, b);
    const enlist = ENLIST_RE.exec(clause);
    if (enlist && /^(?:负责|牵头)/.test(sentence.slice(b + 1))) {
      const units = ownerUnits(enlist.groups!.units!, orgs);
      if (units) found.push({ lead: units, co: [], from: a, to: b });
      continue;
    }
    const m = ROLE_RE.exec(clause) ?? OFFICE_RE.exec(clause) ?? OVERSIGHT_RE.exec(clause);
    if (!m) continue;
    const units = ownerUnits(m.groups!.units!, orgs);
    if (!units) continue;
    const co = m.groups?.co ? (ownerUnits(m.groups.co, orgs) ?? []) : [];
    found.push({ lead: units, co, from: a, to: b });
  }
  // Each measure runs to the start of the next owner's clause, and may name helpers on the way.
  return found.map((f, i) => {
    const to = i + 1 < found.length ? Math.max(f.to, found[i + 1]!.from - 1) : sentence.length;
    const co = [...f.co, ...helpers(sentence.slice(f.from, to), orgs)].filter(
      (u, j, all) => all.findIndex((x) => x.code === u.code) === j,
    );
    return { ...f, to, co };
  });
}

function ownerUnits(text: string, orgs: OrgUnitMatcher): UnitRef[] | null {
  // 建立由省政府牵头的…机制: a verb first means the units are not the subject.
  if (
    /^(?:建立|建设|成立|组建|设立|推动|加强|完善|实施|开展|支持|鼓励|引导|积极|加快|深化|实行|按照|根据|落实|强化|提升|推进|鼓励|首问)/.test(
      text,
    )
  )
    return null;
  const names = text.split('、').filter(Boolean);
  const units = parseUnitList(text, orgs);
  if (units.length === 0 || units.length < names.length) return null;
  // A group of zones (边(跨)境经济合作区做好“边”文章) is not an owner.
  if (units.some((u) => u.kind === 'group')) return null;
  return units.every((u) => u.code !== undefined || UNIT_LIKE.test(u.name)) ? units : null;
}

/** Units that help: 在昆明海关职责职能配合下, 会同海关、出入境检验检疫等部门. */
function helpers(text: string, orgs: OrgUnitMatcher): UnitRef[] {
  const out: UnitRef[] = [];
  for (const m of text.matchAll(
    /在([\u4e00-\u9fa5、]{2,20}?)(?:的)?(?:职责职能)?(?:配合|支持|协助)下|会同([\u4e00-\u9fa5、]{2,30}?)(?:等)?(?:有关)?(?:部门)?(?=[,,对共])/g,
  )) {
    out.push(...parseUnitList(m[1] ?? m[2] ?? '', orgs).filter((u) => u.code));
  }
  return out;
}

export interface RawTiming {
  deadline?: string;
  recurrence?: string;
  /** Position of the date or the recurrence word in the sentence. */
  at: number;
}

const ACTION_RE =
  /完成|建成|实现|形成|建立|出台|制定|启动|开工|投运|投产|达到|基本|全面|取得|提升|提高|推动|推进|开展|组织|召开|举办|编制|发布|设立|引进|落地|创建|争创|健全|完善|成为|打造/;
const RECURRENCE_RE = /每(?:个)?(?<unit>年|季度|半年|月|两年|三年|五年)(?<what>[^;。]{0,40})/;
const RECURRENT_ACTION =
  /组织|开展|召开|举办|发布|编制|评估|考核|更新|推动|进行|举行|安排|统筹|修订|通报|遴选|引进|组织|评价|检查|督查|报送|一次|报(?:市|省|区|县|州)/;

/** A deadline (到2022年…, 2016年12月31日前…) or a recurrence (每年开展…) that makes a sentence a task. */
export function findTiming(sentence: string, periodStart?: number): RawTiming | null {
  const rec = RECURRENCE_RE.exec(sentence);
  // 规划期为2021—2025年,展望到2035年: the plan describing itself.
  if (/规划期|展望到|远景展望/.test(sentence) && !/^(?:到|至)20\d\d年/.test(sentence)) return null;
  for (const y of findYears(sentence)) {
    if (y.base || y.asOf) continue;
    if (periodStart !== undefined && y.year < periodStart) continue;
    const after = sentence.slice(y.to);
    const deadlineDate = /前|底/.test(sentence.slice(y.from, y.to));
    if (!y.horizon && !deadlineDate) continue;
    // 提出了到2035年基本实现社会主义现代化的远景目标: the horizon of a goal the text describes, no deadline of a measure.
    if (/^[^,,;;。]*的(?:远景|发展|奋斗|总体|主要)?目标/.test(after)) continue;
    // 到2025年,… opening a sentence states what is to be reached by then; elsewhere an action must follow.
    const opening = y.from === 0 && /^[,,]/.test(after);
    // A full date with 前 (2023年2月10日前) is a deadline whatever the verb (报送, 将…报市政府).
    const dated = deadlineDate && y.date !== undefined && /-\d\d-\d\d$/.test(y.date);
    if (!opening && !dated && !ACTION_RE.test(after) && !ACTION_RE.test(sentence.slice(0, y.from))) continue;
    return { deadline: y.date ?? String(y.year), at: y.from };
  }
  if (rec && RECURRENT_ACTION.test(rec.groups!.what!)) return { recurrence: `每${rec.groups!.unit}`, at: rec.index! };
  return null;
}

function sameUnit(a: UnitRef, b: UnitRef): boolean {
  return a.code !== undefined ? a.code === b.code : a.name === b.name;
}

function dedupe(units: UnitRef[]): UnitRef[] {
  const out: UnitRef[] = [];
  for (const u of units) if (!out.some((o) => sameUnit(o, u))) out.push(u);
  return out;
}
