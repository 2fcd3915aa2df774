/**
 * A task's status is derived, never stored: from its closure, its milestones, the lead unit's
 * latest percent and the dates. The rules (docs/tasks.md):
 * - 已销号 closed: the plan office closed it (whatever else holds);
 * - 已完成 completed: the latest progress update says 100% and every milestone is done;
 * - 滞后 lagging: not completed and overdue — a milestone past its date not done, or the deadline passed;
 * - 推进中 in progress: some update or some milestone done;
 * - 未启动 not started: nothing reported yet.
 */
export const TASK_STATUSES = ['not_started', 'in_progress', 'completed', 'lagging', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, { zh: string; en: string }>> = {
  not_started: { zh: '未启动', en: 'Not started' },
  in_progress: { zh: '推进中', en: 'In progress' },
  completed: { zh: '已完成', en: 'Completed' },
  lagging: { zh: '滞后', en: 'Lagging' },
  closed: { zh: '已销号', en: 'Closed' },
};

export interface MilestoneState {
  /** ISO date. */
  dueOn: string;
  done: boolean;
}

export interface TaskState {
  closed: boolean;
  /** The latest progress update's percent; null when none was posted. */
  latestPercent: number | null;
  milestones: readonly MilestoneState[];
  /** The deadline as a date, when the plan's text gives one. */
  deadlineOn: string | null;
  /** ISO date of the day judged. */
  today: string;
}

export interface TaskJudgement {
  status: TaskStatus;
  overdue: boolean;
  /** Milestones past their date and not done. */
  missedMilestones: number;
}

export function judgeTask(s: TaskState): TaskJudgement {
  const missedMilestones = s.milestones.filter((m) => !m.done && m.dueOn < s.today).length;
  const completed = s.latestPercent === 100 && s.milestones.every((m) => m.done);
  const overdue = !s.closed && !completed && (missedMilestones > 0 || (s.deadlineOn !== null && s.deadlineOn < s.today));
  const status: TaskStatus = s.closed
    ? 'closed'
    : completed
      ? 'completed'
      : overdue
        ? 'lagging'
        : s.latestPercent !== null || s.milestones.some((m) => m.done)
          ? 'in_progress'
          : 'not_started';
  return { status, overdue, missedMilestones };
}
