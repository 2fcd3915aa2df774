import { normaliseText } from '../text/normalise.ts';
import { keepUserText } from '../text/user-text.ts';
import { parseDeadline } from './deadline.ts';

/**
 * The customary task-list layout of Chinese government offices: 序号 / 任务 / 牵头单位 / 配合单位 /
 * 完成时限, one task a row, under a header row (title rows above it are skipped). Unit cells hold
 * several names separated by 、，, ; or line breaks. Pure: cells in, rows and problems out.
 */
export const TASK_SHEET_HEADERS = ['序号', '任务', '牵头单位', '配合单位', '完成时限'] as const;
export const TASK_SHEET_FIELDS = ['ordinal', 'text', 'lead', 'co', 'deadline'] as const;
export type TaskSheetField = (typeof TASK_SHEET_FIELDS)[number];

const HEADER_WORDS: Readonly<Record<TaskSheetField, readonly string[]>> = {
  ordinal: ['序号', '编号'],
  text: ['任务', '重点任务', '工作任务', '任务内容', '主要任务'],
  lead: ['牵头单位', '牵头部门', '责任单位', '牵头'],
  co: ['配合单位', '配合部门', '协办单位', '参与单位', '配合'],
  deadline: ['完成时限', '完成时间', '时限', '时间要求'],
};

export const FIELD_LABELS: Readonly<Record<TaskSheetField, { zh: string; en: string }>> = {
  ordinal: { zh: '序号', en: 'No.' },
  text: { zh: '任务', en: 'task' },
  lead: { zh: '牵头单位', en: 'lead unit' },
  co: { zh: '配合单位', en: 'co-unit' },
  deadline: { zh: '完成时限', en: 'deadline' },
};

/** Column index (0-based) of each field, from a header row; null when this row is no header. */
export function readHeader(cells: readonly (string | null)[]): Partial<Record<TaskSheetField, number>> | null {
  const out: Partial<Record<TaskSheetField, number>> = {};
  cells.forEach((c, i) => {
    const t = normaliseText(c ?? '').replace(/\s+/g, '');
    for (const [field, words] of Object.entries(HEADER_WORDS) as [TaskSheetField, readonly string[]][])
      if (out[field] === undefined && words.includes(t)) out[field] = i;
  });
  return out.text !== undefined && out.lead !== undefined ? out : null;
}

/**
 * "省发展改革委、商务厅;昆明海关" → three names, as written (issue 18: 昆明海关（驻昆） keeps its brackets; a name
 * that matches no unit is stored on the task like this): split on the separators in either width, no blanks, no
 * trailing 等. The caller matches each on a folded key.
 */
export function splitUnitNames(cell: string | null | undefined): string[] {
  return (cell ?? '')
    .split(/[、､,，;；\n\r]+/)
    .map((s) => s.replace(/\s+/g, '').replace(/等$/, ''))
    .filter((s) => normaliseText(s).length > 0);
}

export interface ResolvedUnit {
  code: string;
  name: string;
}
/** Looks one written name up among the org units (aliases, historical names) on a folded key; null when unknown. */
export type UnitResolver = (name: string) => ResolvedUnit | null;

export interface TaskSheetRow {
  /** Spreadsheet row number (1-based), for messages. */
  row: number;
  ordinal: number;
  text: string;
  lead: ResolvedUnit[];
  co: ResolvedUnit[];
  leadUnmatched: string[];
  coUnmatched: string[];
  deadline: string | null;
  deadlineOn: string | null;
}

export interface TaskSheetProblem {
  row: number;
  field: TaskSheetField;
  message: string;
  messageZh: string;
}

export interface UnmatchedName {
  row: number;
  field: 'lead' | 'co';
  name: string;
  message: string;
  messageZh: string;
}

export interface InterpretedRow {
  task: TaskSheetRow | null;
  problems: TaskSheetProblem[];
  unmatched: UnmatchedName[];
}

/**
 * One data row. A row needs a task text and a 序号 that is a positive whole number. A row without
 * a lead unit is allowed: plans have tasks that name no unit (the FTZ, bonded-zone and regional
 * plans), and the list must round-trip. Names that match no unit are reported, never dropped: the caller decides
 * whether to keep them as text. A deadline that names no date ("长期坚持") is kept as text.
 */
export function interpretTaskRow(
  row: number,
  cells: Readonly<Partial<Record<TaskSheetField, string | null>>>,
  resolve: UnitResolver,
): InterpretedRow {
  const problems: TaskSheetProblem[] = [];
  const problem = (field: TaskSheetField, en: string, zh: string) =>
    problems.push({
      row,
      field,
      message: `row ${row}, ${FIELD_LABELS[field].en}: ${en}`,
      messageZh: `第${row}行「${FIELD_LABELS[field].zh}」：${zh}`,
    });
  // The task as the sheet words it (issue 18: ，and （） stay); only the cells matched on are folded.
  const text = keepUserText(cells.text ?? '');
  const ordinalText = normaliseText(cells.ordinal ?? '').trim();
  const ordinal = /^\d{1,6}$/.test(ordinalText) ? Number(ordinalText) : NaN;
  if (!(ordinal >= 1)) problem('ordinal', `"${ordinalText}" is not a positive whole number`, `“${ordinalText}”不是正整数`);
  if (!text) problem('text', 'the task text is empty', '任务内容为空');
  const unmatched: UnmatchedName[] = [];
  const match = (field: 'lead' | 'co') => {
    const units: ResolvedUnit[] = [];
    const free: string[] = [];
    for (const name of splitUnitNames(cells[field])) {
      const hit = resolve(name);
      if (hit) {
        if (!units.some((u) => u.code === hit.code)) units.push(hit);
      } else {
        free.push(name);
        unmatched.push({
          row,
          field,
          name,
          message: `row ${row}, ${FIELD_LABELS[field].en}: "${name}" matches no org unit`,
          messageZh: `第${row}行「${FIELD_LABELS[field].zh}」：“${name}”未匹配到组织单位`,
        });
      }
    }
    return { units, free };
  };
  const lead = match('lead');
  const co = match('co');
  const deadline = normaliseText(cells.deadline ?? '').trim() || null;
  if (problems.length) return { task: null, problems, unmatched };
  return {
    task: {
      row,
      ordinal,
      text,
      lead: lead.units,
      // A unit that leads is not also listed as co-operating.
      co: co.units.filter((u) => !lead.units.some((l) => l.code === u.code)),
      leadUnmatched: lead.free,
      coUnmatched: co.free,
      deadline,
      deadlineOn: parseDeadline(deadline),
    },
    problems,
    unmatched,
  };
}

/** Whole-sheet checks: 序号 must not repeat. */
export function duplicateOrdinals(rows: readonly TaskSheetRow[]): TaskSheetProblem[] {
  const seen = new Map<number, number>();
  const out: TaskSheetProblem[] = [];
  for (const r of rows) {
    const first = seen.get(r.ordinal);
    if (first !== undefined)
      out.push({
        row: r.row,
        field: 'ordinal',
        message: `row ${r.row}, No.: ${r.ordinal} repeats row ${first}`,
        messageZh: `第${r.row}行「序号」：${r.ordinal}与第${first}行重复`,
      });
    else seen.set(r.ordinal, r.row);
  }
  return out;
}

/** The cell text a unit list is written as on export: matched names first, then kept free text. */
export function joinUnitNames(units: readonly { name: string }[], free: readonly string[]): string {
  return [...units.map((u) => u.name), ...free].join('、');
}
