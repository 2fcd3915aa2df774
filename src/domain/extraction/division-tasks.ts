import type { TaskCandidate, UnitRef } from './candidate.schema.ts';
import type { OrgUnitMatcher } from './org-unit-matcher.ts';
import { parseUnitList } from './task-patterns.ts';

/**
 * Task-division documents (分工方案, 任务分解, 责任分工) give each numbered item labelled lines:
 * "牵头单位:省发展改革委 / 责任单位:省工业和信息化厅、省商务厅等,各市人民政府 / 完成时限:2024年底前".
 * Each item becomes a task with the lead and co-units as written; the labels the parenthesised
 * clauses of five-year plans use (…牵头;…负责) are read by task-patterns.ts instead.
 */

const LABEL =
  /(牵头(?:负责)?领导|分管领导|牵头(?:责任)?(?:单位|部门)|主责(?:单位|部门)|责任(?:单位|部门)|协同(?:责任)?(?:单位|部门)|配合(?:单位|部门)|参与(?:单位|部门)|完成(?:时限|时间)|时间节点|时限)\s*[::]/g;

const IS_LABEL = new RegExp(LABEL.source);

export interface DivisionRecord {
  /** Offsets of the labelled lines, and of the item they belong to (the line before them). */
  from: number;
  to: number;
  itemFrom: number;
  lead: string;
  co: string[];
  deadlineText?: string;
  /** The labelled lines as written, for the reviewer. */
  responsibleText: string;
}

/** Labelled lines at the start of a line, grouped into one record per item. */
export function findDivisionRecords(text: string): DivisionRecord[] {
  const labels = [...text.matchAll(LABEL)].map((m) => ({
    name: m[1]!,
    from: m.index,
    valueFrom: m.index + m[0].length,
    valueTo: 0,
  }));
  for (let i = 0; i < labels.length; i++) {
    const next = labels[i + 1]?.from ?? text.length;
    const lineEnd = text.indexOf('\n', labels[i]!.valueFrom);
    labels[i]!.valueTo = Math.min(next, lineEnd < 0 ? text.length : lineEnd);
  }
  const records: DivisionRecord[] = [];
  let current: DivisionRecord | null = null;
  let lastTo = -1;
  for (const l of labels) {
    const atLineStart = l.from === 0 || /\n\s*$/.test(text.slice(Math.max(0, l.from - 8), l.from));
    const joined = current !== null && /^[\s。;;]*$/.test(text.slice(lastTo, l.from));
    if (!joined && !atLineStart) continue;
    // A lead label after the item already has one opens the next item.
    if (!joined || (/^牵头(?:责任)?(?:单位|部门)$/.test(l.name) && current!.lead)) {
      const lineStart = text.lastIndexOf('\n', l.from - 1) + 1;
      const itemFrom = text.lastIndexOf('\n', lineStart - 2) + 1;
      const item = text.slice(itemFrom, lineStart);
      current = {
        from: l.from,
        to: l.valueTo,
        itemFrom: IS_LABEL.test(item) ? lineStart : itemFrom,
        lead: '',
        co: [],
        responsibleText: '',
      };
      records.push(current);
    }
    const value = text.slice(l.valueFrom, l.valueTo).replace(/[。;;\s]+$/, '');
    if (/领导/.test(l.name)) {
      // A person's role, not a unit.
    } else if (/^(?:牵头|主责)/.test(l.name)) current!.lead = value;
    else if (/时限|时间/.test(l.name)) current!.deadlineText = value;
    else current!.co.push(value);
    current!.to = l.valueTo;
    current!.responsibleText = text.slice(current!.from, current!.to).trim();
    lastTo = l.valueTo;
  }
  return records.filter((r) => r.lead || r.co.length > 0);
}

/** 2024年底前 → 2024-12-31, 2024年6月底前 → 2024-06-30, 2024年3月15日前 → 2024-03-15; 持续推进 → none. */
export function divisionDeadline(text: string): { deadline?: string; recurrence?: string } {
  const m = /((?:19|20)\d\d)\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/.exec(text);
  if (m) {
    const year = Number(m[1]);
    if (m[3]) return { deadline: `${year}-${m[2]!.padStart(2, '0')}-${m[3].padStart(2, '0')}` };
    if (m[2]) {
      const last = new Date(Date.UTC(year, Number(m[2]), 0)).getUTCDate();
      return { deadline: `${year}-${m[2].padStart(2, '0')}-${String(last).padStart(2, '0')}` };
    }
    return { deadline: /底|末/.test(text) ? `${year}-12-31` : String(year) };
  }
  // 持续推进, 长期坚持, 常态化推进: ongoing work has no date; it is kept as the plan words it.
  return /持续|长期|常态|每年|逐年/.test(text) ? { recurrence: text.trim() } : {};
}

/** Vague units (各市人民政府, 省政府各部门, 有关单位) name nobody who can be held to the task. */
const VAGUE = /各|有关|相关/;

/** Task candidates from the labelled records of a 分工方案. */
export function divisionTaskCandidates(
  text: string,
  orgs: OrgUnitMatcher,
  deps: {
    span: (from: number, to: number) => { start: number; end: number };
    quoteOf: (from: number, to: number) => string;
    section: (at: number) => string[];
  },
): TaskCandidate[] {
  const units = (s: string): UnitRef[] => parseUnitList(s, orgs).filter((u) => !VAGUE.test(u.mention ?? u.name));
  return findDivisionRecords(text).map((r) => {
    const lead = units(r.lead);
    const co = r.co.flatMap(units).filter((u) => !lead.some((l) => (l.code ?? l.name) === (u.code ?? u.name)));
    const timing = r.deadlineText ? divisionDeadline(r.deadlineText) : {};
    return {
      id: '',
      text: deps.quoteOf(r.itemFrom, r.from).trim(),
      trigger: 'responsibility',
      // Without a 牵头 line every unit named leads (责任单位:A、B).
      lead: lead.length > 0 ? lead : co,
      co: lead.length > 0 ? co : [],
      responsibleText: r.responsibleText,
      ...timing,
      quote: deps.quoteOf(r.itemFrom, r.to),
      span: deps.span(r.itemFrom, r.to),
      section: deps.section(r.itemFrom),
      confidence: lead.every((u) => u.code) && co.every((u) => u.code) ? 0.85 : 0.7,
      evidence: ['分工方案: 牵头单位/责任单位 lines'],
    };
  });
}

/** The labelled records win over what the sentence rules read in the same place. */
export function mergeDivisionTasks(tasks: TaskCandidate[], division: readonly TaskCandidate[]): TaskCandidate[] {
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  return [...tasks.filter((t) => !division.some((d) => overlaps(d.span, t.span))), ...division];
}
