import { useI18n } from '../i18n/I18nProvider.tsx';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { href, type Route } from '../router.ts';
import { TaskBoardView } from './TaskBoardView.tsx';
import { TaskDetailPage } from './TaskDetailPage.tsx';
import { TaskListView } from './TaskListView.tsx';
import './tasks.css';

/** #/tasks (a unit's board, ?unit=), #/tasks/list (filters, Excel) and #/tasks/<plan>/<key> (one task). */
export function TasksPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const [, second, third, ...rest] = route.segments;
  if (rest.length > 0) return <NotFoundPage />;
  if (second && third) return <TaskDetailPage plan={second} taskKey={third} />;
  if (second && second !== 'list') return <NotFoundPage />;
  const list = second === 'list';
  return (
    <div data-testid="tasks-page">
      <div className="page-head">
        <h1>{t('tasks.heading')}</h1>
        <p className="page-intro">{t('tasks.intro')}</p>
      </div>
      <nav className="task-tabs" aria-label={t('tasks.heading')}>
        <a href={href('tasks')} aria-current={list ? undefined : 'page'} data-testid="tab-board">
          {t('tasks.tab.board')}
        </a>
        <a href={href('tasks', 'list')} aria-current={list ? 'page' : undefined} data-testid="tab-list">
          {t('tasks.tab.list')}
        </a>
      </nav>
      {list ? <TaskListView route={route} /> : <TaskBoardView unit={route.query.get('unit')} />}
    </div>
  );
}
