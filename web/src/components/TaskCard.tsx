import type { Task } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router.ts';
import { QuoteBlock } from './QuoteBlock.tsx';
import { UnitList } from './UnitList.tsx';
import { Fact } from './Fact.tsx';

interface TaskCardProps {
  task: Task;
  /** Org unit to highlight among lead and co units, and whose role is shown as a badge. */
  unit?: string;
  showSection?: boolean;
}

/** A task's deadline in words: a bare year as {year}年底前, else the date; null when it has none. */
export function useDeadlineText(): (deadline: string | null | undefined) => string | null {
  const { t, date } = useI18n();
  return (deadline) =>
    deadline ? (/^\d{4}$/.test(deadline) ? t('task.deadlineYear', { year: deadline }) : date(deadline)) : null;
}

export function TaskCard({ task, unit, showSection = false }: TaskCardProps) {
  const { t } = useI18n();
  const deadline = useDeadlineText()(task.deadline);
  const role = unit
    ? task.lead.some((u) => u.code === unit)
      ? 'lead'
      : task.co.some((u) => u.code === unit)
        ? 'co'
        : null
    : null;

  return (
    <article className="card task-card" data-testid="task-card" data-key={task.key}>
      <header className="card-head">
        <p className="task-text">{task.text}</p>
        {role && <span className={`badge badge-role-${role}`}>{t(`org.role.${role}`)}</span>}
      </header>
      <dl className="facts">
        {task.lead.length > 0 && (
          <Fact term="task.lead">
            <UnitList units={task.lead} highlight={unit} />
          </Fact>
        )}
        {task.co.length > 0 && (
          <Fact term="task.co">
            <UnitList units={task.co} highlight={unit} />
          </Fact>
        )}
        {task.responsibleText && <Fact term="task.responsible">{task.responsibleText}</Fact>}
        {deadline && (
          <Fact term="task.deadline">
            <time dateTime={task.deadline ?? undefined}>{deadline}</time>
          </Fact>
        )}
        {showSection && task.section && (
          <Fact term="target.section">
            <a href={href('plans', task.planId, { section: task.section.key })}>{task.section.heading}</a>
          </Fact>
        )}
      </dl>
      <QuoteBlock source={task.source} planId={task.planId} testId="task-quote" />
      <a className="small" href={href('tasks', task.planId, task.key)} data-testid="task-track-link">
        {t('tasks.track')}
      </a>
    </article>
  );
}
