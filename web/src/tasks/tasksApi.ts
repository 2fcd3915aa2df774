import { apiGetBlob, apiRequest, MAX_LIMIT } from '../api/client.ts';
import type { Attachment, Notice, TaskBoard, TaskDetail, TaskImportResult, TaskStatus, TrackedTask } from './taskTypes.ts';

const enc = encodeURIComponent;
const taskPath = (plan: string, key: string) => `/tasks/${enc(plan)}/${enc(key)}`;

export interface TrackedQuery {
  plan?: string;
  orgUnit?: string;
  role?: 'lead' | 'co';
  status?: TaskStatus;
  overdue?: boolean;
}

/** The task supervision API (src/http/routes/tasks.routes.ts). */
export const tasksApi = {
  list: (q: TrackedQuery, signal?: AbortSignal) =>
    apiRequest<{ items: TrackedTask[]; total: number }>('GET', '/tasks/tracking', {
      query: { ...q, overdue: q.overdue ? 'true' : undefined, limit: MAX_LIMIT },
      signal,
    }),
  board: (orgUnit: string | undefined, signal?: AbortSignal) =>
    apiRequest<TaskBoard>('GET', '/tasks/board', { query: { orgUnit }, signal }),
  detail: (plan: string, key: string, signal?: AbortSignal) => apiRequest<TaskDetail>('GET', taskPath(plan, key), { signal }),
  addMilestone: (plan: string, key: string, body: { title: string; dueOn: string; version: number }) =>
    apiRequest<TaskDetail>('POST', `${taskPath(plan, key)}/milestones`, { body }),
  postUpdate: (
    plan: string,
    key: string,
    body: { orgUnit?: string; text: string; percent: number; attachments: string[]; milestonesDone: number[] },
  ) => apiRequest<TaskDetail>('POST', `${taskPath(plan, key)}/updates`, { body }),
  postContribution: (plan: string, key: string, body: { orgUnit?: string; text: string; attachments: string[] }) =>
    apiRequest<TaskDetail>('POST', `${taskPath(plan, key)}/contributions`, { body }),
  close: (plan: string, key: string, body: { reason: string; version: number }) =>
    apiRequest<TaskDetail>('POST', `${taskPath(plan, key)}/close`, { body }),
  issueNotice: (plan: string, key: string, body: { orgUnit: string; text: string; replyBy: string }) =>
    apiRequest<Notice>('POST', `${taskPath(plan, key)}/notices`, { body }),
  reply: (id: number, body: { text: string; attachments: string[] }) =>
    apiRequest<Notice>('POST', `/task-notices/${enc(String(id))}/reply`, { body }),
  closeNotice: (id: number) => apiRequest<Notice>('POST', `/task-notices/${enc(String(id))}/close`),
  upload: (file: File) =>
    apiRequest<Attachment>('POST', '/attachments', {
      query: { name: file.name },
      raw: { body: file, contentType: file.type || 'application/octet-stream' },
    }),
  exportSheet: (plan: string) => apiGetBlob('/tasks/export', { plan }),
  importSheet: (plan: string, file: Blob, opts: { dryRun: boolean; keepUnmatched: boolean }) =>
    apiRequest<TaskImportResult>('POST', '/tasks/import', {
      query: { plan, dryRun: String(opts.dryRun), keepUnmatched: String(opts.keepUnmatched) },
      raw: { body: file, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    }),
};
