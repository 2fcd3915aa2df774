import { useState } from 'react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canDefinePlans } from '../auth/permissions.ts';
import { saveBlob } from '../components/DownloadLink.tsx';
import { OrgUnitOptions } from '../components/OrgUnitOptions.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href, navigate, type Route } from '../router.ts';
import { StatusBadges } from './StatusBadge.tsx';
import { TaskImportPanel } from './TaskImportPanel.tsx';
import { tasksApi } from './tasksApi.ts';
import { TASK_STATUSES, type TaskStatus } from './taskTypes.ts';

const units = (names: { name: string }[], free: string[]) => [...names.map((u) => u.name), ...free].join('、');

/** All tasks in scope with filters (plan, unit, role, status, overdue); Excel export and import per plan. */
export function TaskListView({ route }: { route: Route }) {
  const { t, label, count } = useI18n();
  const me = useMe();
  const q = route.query;
  const plan = q.get('plan') ?? '';
  const status = (q.get('status') ?? '') as TaskStatus | '';
  const role = (q.get('role') ?? '') as 'lead' | 'co' | '';
  const orgUnit = q.get('orgUnit') ?? '';
  const overdue = q.get('overdue') === 'true';
  const [exportError, setExportError] = useState<unknown>(null);
  const plans = useAsync((signal) => api.plans(signal), []);
  const catalogue = useAsync(() => api.orgUnits(), []);
  const [reload, setReload] = useState(0);
  const state = useAsync(
    (signal) =>
      tasksApi.list(
        { plan: plan || undefined, status: status || undefined, role: role || undefined, orgUnit: orgUnit || undefined, overdue },
        signal,
      ),
    [plan, status, role, orgUnit, overdue, reload],
  );
  const go = (change: Record<string, string>) =>
    navigate(href('tasks', 'list', { plan, status, role, orgUnit, overdue: overdue ? 'true' : '', ...change }));

  const download = async () => {
    setExportError(null);
    try {
      const { blob, fileName } = await tasksApi.exportSheet(plan);
      saveBlob(blob, fileName ?? `${plan}-tasks.xlsx`);
    } catch (err) {
      setExportError(err);
    }
  };

  return (
    <div data-testid="task-list">
      <form
        className="toolbar task-filters"
        onSubmit={(e) => {
          e.preventDefault();
          go({});
        }}
      >
        <label className="form-field">
          {t('tasks.filter.plan')}
          <select className="input" data-testid="filter-plan" value={plan} onChange={(e) => go({ plan: e.target.value })}>
            <option value="">{t('tasks.filter.allPlans')}</option>
            {plans.status === 'ok' &&
              plans.data.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
          </select>
        </label>
        <label className="form-field">
          {t('tasks.filter.status')}
          <select className="input" data-testid="filter-status" value={status} onChange={(e) => go({ status: e.target.value })}>
            <option value="">{t('tasks.filter.allStatuses')}</option>
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label('tasks.status', s)}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          {t('tasks.filter.orgUnit')}
          {/* Picked from the catalogue, never typed: a unit's code is nothing a user should know. */}
          <select className="input" data-testid="filter-unit" value={orgUnit} onChange={(e) => go({ orgUnit: e.target.value })}>
            <option value="">{t('tasks.filter.anyUnit')}</option>
            {catalogue.status === 'ok' && <OrgUnitOptions units={catalogue.data} />}
          </select>
        </label>
        <label className="form-field">
          {t('tasks.filter.role')}
          <select className="input" value={role} onChange={(e) => go({ role: e.target.value })}>
            <option value="">{t('tasks.filter.anyRole')}</option>
            <option value="lead">{t('tasks.field.lead')}</option>
            <option value="co">{t('tasks.field.co')}</option>
          </select>
        </label>
        <label className="form-check">
          <input
            type="checkbox"
            data-testid="filter-overdue"
            checked={overdue}
            onChange={(e) => go({ overdue: e.target.checked ? 'true' : '' })}
          />
          {t('tasks.filter.overdue')}
        </label>
        <button type="submit" className="btn">
          {t('tasks.filter.apply')}
        </button>
        {plan && (
          <button type="button" className="btn" data-testid="task-export" onClick={() => void download()}>
            {t('tasks.export')}
          </button>
        )}
      </form>
      {exportError !== null && <ErrorMessage error={exportError} />}
      {plan && canDefinePlans(me) && <TaskImportPanel plan={plan} onImported={() => setReload((n) => n + 1)} />}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && (
        <>
          <p className="muted">{t('tasks.list.count', { n: count(state.data.total) })}</p>
          <DataTable
            testId="task-table"
            columns={[
              'tasks.col.no',
              'tasks.col.task',
              'tasks.col.lead',
              'tasks.col.co',
              'tasks.col.deadline',
              'tasks.col.status',
            ]}
          >
            {state.data.items.map((task) => (
              <tr key={task.id} data-testid="task-row" data-key={task.key}>
                <td>{task.ordinal + 1}</td>
                <td>
                  <a href={href('tasks', task.planId, task.key)}>{task.text}</a>
                </td>
                <td>{units(task.lead, task.leadUnmatched)}</td>
                <td className="small">{units(task.co, task.coUnmatched)}</td>
                <td>{task.deadline ?? ''}</td>
                <td>
                  <StatusBadges task={task} />
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </div>
  );
}
