import { useState } from 'react';
import { useMe } from '../auth/AuthProvider.tsx';
import { useAsync } from '../api/useAsync.ts';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href, navigate } from '../router.ts';
import { StatusBadges } from './StatusBadge.tsx';
import { tasksApi } from './tasksApi.ts';
import type { TrackedTask } from './taskTypes.ts';

export function TaskCardLink({ task }: { task: TrackedTask }) {
  const { t, date } = useI18n();
  return (
    <li className="card task-track-card" data-testid="task-card" data-key={task.key} data-plan={task.planId}>
      <a className="card-title task-track-title" href={href('tasks', task.planId, task.key)}>
        {task.text}
      </a>
      <StatusBadges task={task} />
      <div className="muted small">
        {task.planId} · {task.key} · {t('tasks.deadline')}
        {t('common.colon')}
        {task.deadline ?? t('tasks.noDeadline')}
        {task.deadlineOn ? ` (${date(task.deadlineOn)})` : ''}
      </div>
    </li>
  );
}

/** "My tasks as lead / as co-unit" for a unit: the signed-in user's own by default. */
export function TaskBoardView({ unit }: { unit: string | null }) {
  const { t, count } = useI18n();
  const me = useMe();
  const [input, setInput] = useState(unit ?? me.orgUnit?.code ?? '');
  const state = useAsync((signal) => tasksApi.board(unit ?? undefined, signal), [unit]);
  return (
    <div data-testid="task-board">
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(href('tasks', { unit: input.trim() }));
        }}
      >
        <label className="form-field">
          {t('tasks.board.unit')}
          <input className="input" data-testid="board-unit" value={input} onChange={(e) => setInput(e.target.value)} />
        </label>
        <button type="submit" className="btn">
          {t('tasks.board.show')}
        </button>
      </form>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && (
        <>
          <h2 data-testid="board-unit-name">
            {state.data.orgUnit.name}{' '}
            <span className="muted small">
              {t('tasks.board.summary', {
                n: count(state.data.asLead.length + state.data.asCo.length),
                overdue: count(state.data.overdue),
              })}
            </span>
          </h2>
          {state.data.openNotices.length > 0 && (
            <section className="task-board-notices" data-testid="board-notices">
              <h3>{t('tasks.board.notices')}</h3>
              <ul>
                {state.data.openNotices.map((n) => (
                  <li key={n.id}>
                    <a href={href('tasks', n.planId, n.taskKey)}>{n.body}</a>{' '}
                    <span className="muted small">
                      {t('tasks.detail.replyBy')} {n.replyBy}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <div className="task-board">
            {(['asLead', 'asCo'] as const).map((col) => (
              <section key={col} className="task-board-column" data-testid={`board-${col}`}>
                <h3>
                  {t(col === 'asLead' ? 'tasks.board.asLead' : 'tasks.board.asCo')} ({count(state.data[col].length)})
                </h3>
                {state.data[col].length === 0 ? (
                  <Empty>{t('tasks.board.none')}</Empty>
                ) : (
                  <ul className="card-list">
                    {state.data[col].map((task) => (
                      <TaskCardLink key={task.id} task={task} />
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
