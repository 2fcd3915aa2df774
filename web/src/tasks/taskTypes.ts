/** Shapes of the task supervision API (src/presenters/task-tracking.presenter.ts). */
export type TaskStatus = 'not_started' | 'in_progress' | 'completed' | 'lagging' | 'closed';
export const TASK_STATUSES: readonly TaskStatus[] = ['not_started', 'in_progress', 'completed', 'lagging', 'closed'];

export interface CodeName {
  code: string;
  name: string;
}

export interface Attachment {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  url: string;
}

export interface TrackedTask {
  id: number;
  planId: string;
  key: string;
  ordinal: number;
  section: { key: string; heading: string } | null;
  text: string;
  lead: CodeName[];
  co: CodeName[];
  leadUnmatched: string[];
  coUnmatched: string[];
  responsibleText: string | null;
  deadline: string | null;
  deadlineOn: string | null;
  status: TaskStatus;
  overdue: boolean;
  missedMilestones: number;
  percent: number | null;
  lastUpdateAt: string | null;
  openNotices: number;
  closed: { at: string; reason: string } | null;
  version: number;
  source: { plan: string; section: string | null; quote: string; start: number | null; end: number | null };
}

export type NoticeStatus = 'open' | 'replied' | 'escalated' | 'closed';

export interface Notice {
  id: number;
  planId: string;
  taskKey: string;
  taskText: string;
  orgUnit: CodeName;
  body: string;
  replyBy: string;
  status: NoticeStatus;
  level: number;
  issuedAt: string;
  issuedBy: string | null;
  reply: { text: string; at: string; by: string | null; attachments: Attachment[] } | null;
  escalatedAt: string | null;
  closedAt: string | null;
  version: number;
}

export interface TimelineEntry {
  kind: 'update' | 'contribution';
  id: number;
  orgUnit: CodeName;
  author: string | null;
  text: string;
  percent: number | null;
  at: string;
  attachments: Attachment[];
}

export interface TaskDetail {
  task: TrackedTask;
  milestones: { id: number; title: string; dueOn: string; doneAt: string | null; overdue: boolean }[];
  timeline: TimelineEntry[];
  notices: Notice[];
  can: { update: string[]; contribute: string[]; reply: number[]; manage: boolean };
}

export interface TaskBoard {
  orgUnit: CodeName;
  today: string;
  asLead: TrackedTask[];
  asCo: TrackedTask[];
  counts: Record<TaskStatus, number>;
  overdue: number;
  openNotices: Notice[];
}

export interface UnmatchedName {
  row: number;
  field: 'lead' | 'co';
  name: string;
  message: string;
  messageZh: string;
  alreadyKept: boolean;
}

export interface TaskImportResult {
  plan: string;
  dryRun: boolean;
  committed: boolean;
  rows: {
    row: number;
    ordinal: number;
    text: string;
    lead: CodeName[];
    co: CodeName[];
    leadUnmatched: string[];
    coUnmatched: string[];
    deadline: string | null;
    action: 'create' | 'update' | 'unchanged';
    taskKey: string | null;
  }[];
  problems: { row: number; field: string; message: string; messageZh: string }[];
  unmatched: UnmatchedName[];
  counts: { create: number; update: number; unchanged: number; notInFile: number };
}
