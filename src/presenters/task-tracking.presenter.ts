import { z } from 'zod';
import { parseDeadline } from '../domain/tasks/deadline.ts';
import { TASK_SHEET_FIELDS } from '../domain/tasks/task-sheet.ts';
import { judgeTask, TASK_STATUSES } from '../domain/tasks/task-status.ts';
import type { AttachmentRow } from '../repositories/attachment.repository.ts';
import type { NoticeRow, TrackedTaskRow } from '../repositories/task-supervision.repository.ts';
import { sourceResponseSchema } from './source.presenter.ts';

const codeName = z.object({ code: z.string(), name: z.string() });
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const attachmentResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  /** GET this to download. */
  url: z.string(),
});
export type AttachmentResponse = z.infer<typeof attachmentResponseSchema>;

export function presentAttachment(a: AttachmentRow): AttachmentResponse {
  return {
    id: a.id,
    name: a.name,
    mediaType: a.media_type,
    size: a.size_bytes,
    sha256: a.sha256,
    uploadedAt: iso(a.uploaded_at)!,
    url: `/api/v1/attachments/${a.id}`,
  };
}

export const trackedTaskSchema = z.object({
  id: z.number().int(),
  planId: z.string(),
  key: z.string(),
  ordinal: z.number().int(),
  section: z.object({ key: z.string(), heading: z.string() }).nullable(),
  text: z.string(),
  lead: z.array(codeName),
  co: z.array(codeName),
  /** Unit names kept as written because they match no org unit (from an import). */
  leadUnmatched: z.array(z.string()),
  coUnmatched: z.array(z.string()),
  responsibleText: z.string().nullable(),
  /** The plan's words, e.g. "2020年底前"; deadlineOn the date they mean, when they name one. */
  deadline: z.string().nullable(),
  deadlineOn: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  overdue: z.boolean(),
  missedMilestones: z.number().int(),
  percent: z.number().int().nullable(),
  lastUpdateAt: z.string().nullable(),
  openNotices: z.number().int(),
  closed: z.object({ at: z.string(), reason: z.string() }).nullable(),
  version: z.number().int(),
  source: sourceResponseSchema,
});
export type TrackedTask = z.infer<typeof trackedTaskSchema>;

export function presentTrackedTask(r: TrackedTaskRow, today: string): TrackedTask {
  const pick = (role: 'lead' | 'co') => r.units.filter((u) => u.role === role).map(({ code, name }) => ({ code, name }));
  // Tasks loaded from plan files (seed, import-plan) store only the text; imports store both.
  const deadlineOn = r.deadline_on ?? parseDeadline(r.deadline);
  const j = judgeTask({
    closed: r.closed_at !== null,
    latestPercent: r.latest_percent,
    milestones: r.milestones,
    deadlineOn,
    today,
  });
  return {
    id: r.id,
    planId: r.plan_id,
    key: r.key,
    ordinal: r.ordinal,
    section: r.section_key && r.section_heading ? { key: r.section_key, heading: r.section_heading } : null,
    text: r.text,
    lead: pick('lead'),
    co: pick('co'),
    leadUnmatched: r.lead_unmatched,
    coUnmatched: r.co_unmatched,
    responsibleText: r.responsible_text,
    deadline: r.deadline,
    deadlineOn,
    status: j.status,
    overdue: j.overdue,
    missedMilestones: j.missedMilestones,
    percent: r.latest_percent,
    lastUpdateAt: iso(r.last_update_at),
    openNotices: r.open_notices,
    closed: r.closed_at ? { at: iso(r.closed_at)!, reason: r.close_reason ?? '' } : null,
    version: r.version,
    source: {
      plan: r.source_plan_id,
      section: r.source_section,
      quote: r.source_quote,
      start: r.source_start,
      end: r.source_end,
    },
  };
}

export const noticeResponseSchema = z.object({
  id: z.number().int(),
  planId: z.string(),
  taskKey: z.string(),
  taskText: z.string(),
  orgUnit: codeName,
  body: z.string(),
  replyBy: z.string(),
  status: z.enum(['open', 'replied', 'escalated', 'closed']),
  level: z.number().int(),
  issuedAt: z.string(),
  issuedBy: z.string().nullable(),
  reply: z
    .object({ text: z.string(), at: z.string(), by: z.string().nullable(), attachments: z.array(attachmentResponseSchema) })
    .nullable(),
  escalatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type NoticeResponse = z.infer<typeof noticeResponseSchema>;

export function presentNotice(n: NoticeRow, attachments: readonly AttachmentRow[]): NoticeResponse {
  return {
    id: n.id,
    planId: n.plan_id,
    taskKey: n.task_key,
    taskText: n.task_text,
    orgUnit: { code: n.org_unit_code, name: n.org_unit_name },
    body: n.body,
    replyBy: n.reply_by,
    status: n.status,
    level: n.level,
    issuedAt: iso(n.issued_at)!,
    issuedBy: n.issued_by_name,
    reply:
      n.reply_text !== null && n.replied_at !== null
        ? { text: n.reply_text, at: iso(n.replied_at)!, by: n.replied_by_name, attachments: attachments.map(presentAttachment) }
        : null,
    escalatedAt: iso(n.escalated_at),
    closedAt: iso(n.closed_at),
    version: n.version,
  };
}

const timelineEntry = z.object({
  kind: z.enum(['update', 'contribution']),
  id: z.number().int(),
  orgUnit: codeName,
  author: z.string().nullable(),
  text: z.string(),
  /** Updates only. */
  percent: z.number().int().nullable(),
  at: z.string(),
  attachments: z.array(attachmentResponseSchema),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

/** A progress update (its percent) or a co-unit contribution (no percent) as one entry of the timeline. */
export function presentTimelineEntry(
  kind: TimelineEntry['kind'],
  r: { id: number; body: string; percent?: number; created_at: Date | string; code: string; name: string; author: string | null },
  attachments: readonly AttachmentRow[],
): TimelineEntry {
  return {
    kind,
    id: r.id,
    orgUnit: { code: r.code, name: r.name },
    author: r.author,
    text: r.body,
    percent: r.percent ?? null,
    at: iso(r.created_at)!,
    attachments: attachments.map(presentAttachment),
  };
}

export const taskDetailSchema = z.object({
  task: trackedTaskSchema,
  milestones: z.array(
    z.object({ id: z.number().int(), title: z.string(), dueOn: z.string(), doneAt: z.string().nullable(), overdue: z.boolean() }),
  ),
  timeline: z.array(timelineEntry),
  notices: z.array(noticeResponseSchema),
  /** What the signed-in user may do here. */
  can: z.object({
    update: z.array(z.string()),
    contribute: z.array(z.string()),
    reply: z.array(z.number().int()),
    manage: z.boolean(),
  }),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

export const taskBoardSchema = z.object({
  orgUnit: codeName,
  today: z.string(),
  asLead: z.array(trackedTaskSchema),
  asCo: z.array(trackedTaskSchema),
  counts: z.record(z.enum(TASK_STATUSES), z.number().int()),
  overdue: z.number().int(),
  openNotices: z.array(noticeResponseSchema),
});
export type TaskBoard = z.infer<typeof taskBoardSchema>;
export type CodeName = z.infer<typeof codeName>;

/** A row of an imported task sheet that cannot be taken, and why. */
const sheetProblemSchema = z.object({
  row: z.number().int(),
  field: z.enum(TASK_SHEET_FIELDS),
  message: z.string(),
  messageZh: z.string(),
});

/** A unit name that matches no org unit; alreadyKept: the task already keeps it (confirmed before). */
const unmatchedNameSchema = sheetProblemSchema.extend({
  field: z.enum(['lead', 'co']),
  name: z.string(),
  alreadyKept: z.boolean(),
});
export type UnmatchedName = z.infer<typeof unmatchedNameSchema>;

/** POST /tasks/import: the rows read (dry run or committed), problems, unit names matching no org unit, counts. */
export const taskImportResultSchema = z.object({ plan: z.string(), dryRun: z.boolean(), committed: z.boolean() }).extend({
  // A row reads as the task it will write: the tracked task's own fields, with what the import does.
  rows: z.array(
    trackedTaskSchema
      .pick({
        ordinal: true,
        text: true,
        lead: true,
        co: true,
        leadUnmatched: true,
        coUnmatched: true,
        deadline: true,
        deadlineOn: true,
      })
      .extend({ row: z.number().int(), action: z.enum(['create', 'update', 'unchanged']), taskKey: z.string().nullable() }),
  ),
  problems: z.array(sheetProblemSchema),
  unmatched: z.array(unmatchedNameSchema),
  counts: z.record(z.enum(['create', 'update', 'unchanged', 'notInFile']), z.number().int()),
});
export type TaskImportResult = z.infer<typeof taskImportResultSchema>;
