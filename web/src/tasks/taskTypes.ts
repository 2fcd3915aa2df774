/** Shapes of the task supervision API, inferred from the server's presenters (src/presenters/task-tracking.presenter.ts). */
export { TASK_STATUSES, type TaskStatus } from '../../../src/domain/tasks/task-status.ts';
export type {
  AttachmentResponse as Attachment,
  CodeName,
  NoticeResponse as Notice,
  TaskBoard,
  TaskDetail,
  TaskImportResult,
  TimelineEntry,
  TrackedTask,
  UnmatchedName,
} from '../../../src/presenters/task-tracking.presenter.ts';
import type { NoticeResponse } from '../../../src/presenters/task-tracking.presenter.ts';

export type NoticeStatus = NoticeResponse['status'];
