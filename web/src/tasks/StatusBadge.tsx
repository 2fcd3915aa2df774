import { useI18n } from '../i18n/I18nProvider.tsx';
import type { TrackedTask } from './taskTypes.ts';

/** 未启动/推进中/已完成/滞后/已销号, plus 逾期 when a milestone or the deadline has passed. */
export function StatusBadges({ task }: { task: TrackedTask }) {
  const { t, label } = useI18n();
  return (
    <span className="badges">
      <span className={`badge task-status task-status-${task.status}`} data-testid="task-status" data-status={task.status}>
        {label('tasks.status', task.status)}
      </span>
      {task.overdue && task.status !== 'lagging' && <span className="badge task-status-lagging">{t('tasks.overdue')}</span>}
      {task.percent !== null && <span className="badge badge-sub">{t('tasks.percent', { n: task.percent })}</span>}
      {task.openNotices > 0 && <span className="badge task-notice-badge">{t('tasks.openNotices', { n: task.openNotices })}</span>}
    </span>
  );
}
