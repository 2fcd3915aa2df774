import { useState } from 'react';
import { supervisionReason } from '../../../src/domain/evaluation/results-use.ts';
import { api } from '../api/client.ts';
import type { GradeHistory, RunView, SupervisionResult, UnitResultView } from '../api/evaluationTypes.ts';
import { useAction } from '../api/useAction.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canManageScheme } from '../auth/permissions.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router.ts';
import { TitledSection } from '../components/TitledSection.tsx';

/** Results used (issue 16): 督办 from a unit's result in one step, and a unit's grades across published runs. */

const isoInDays = (n: number) => {
  const d = new Date(Date.now() + n * 86_400_000);
  const mm = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${mm(d.getMonth() + 1)}-${mm(d.getDate())}`;
};

/**
 * 一键督办: for the scheme's plan managers, on a published run, a unit graded lowest, vetoed or below a plan
 * floor becomes a task with its 督办单 (reply date, optional text; by default the result and its explanation).
 */
export function SuperviseAction({ run, unit }: { run: RunView; unit: UnitResultView }) {
  const { t } = useI18n();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [replyBy, setReplyBy] = useState(isoInDays(15));
  const [text, setText] = useState('');
  const { busy, error, run: start } = useAction();
  const [done, setDone] = useState<SupervisionResult | null>(null);
  const task = done?.task ?? unit.supervision;
  if (task)
    return (
      <p className="hint-box" data-testid="unit-supervised">
        {t('eval.supervise.done')} <a href={href('tasks', task.plan, task.key)}>{t('eval.supervise.openTask')}</a>
      </p>
    );
  const reason = supervisionReason(unit, run.grades);
  if (run.status !== 'published' || reason === null || !canManageScheme(me, { sources: run.sources })) return null;
  const submit = () =>
    start(async () =>
      setDone(await api.superviseFromRun(run.id!, { unit: unit.code, replyBy, ...(text.trim() ? { text } : {}) })),
    );
  return (
    <TitledSection
      className="card eval-supervise"
      id="eval-supervise-heading"
      title={t('eval.supervise.heading')}
      data-testid="unit-supervise"
    >
      <p className="muted small">{t(`eval.supervise.reason.${reason}`)}</p>
      {!open ? (
        <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="supervise-open">
          {t('eval.supervise.button')}
        </button>
      ) : (
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label>
            {t('eval.supervise.replyBy')}
            <input type="date" value={replyBy} min={isoInDays(0)} required onChange={(e) => setReplyBy(e.target.value)} />
          </label>
          <label>
            {t('eval.supervise.text')}
            <textarea
              rows={3}
              value={text}
              placeholder={t('eval.supervise.textPlaceholder')}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <div>
            <button type="submit" className="btn" disabled={busy} data-testid="supervise-submit">
              {t('eval.supervise.submit')}
            </button>
          </div>
        </form>
      )}
      {error !== null && <ErrorMessage error={error} title={t('eval.supervise.failed')} />}
    </TitledSection>
  );
}

/** 历年评价等级: the unit's grade in every published run it was evaluated in (as the reader may see it). */
export function GradeHistoryTable({ code }: { code: string }) {
  const state = useAsync((signal) => api.evaluationGrades(code, signal), [code]);
  return <AsyncView state={state}>{(data) => <GradeHistory code={code} items={data.items} />}</AsyncView>;
}

function GradeHistory({ code, items }: { code: string; items: GradeHistory['items'] }) {
  const { t, num, lang } = useI18n();
  if (items.length === 0) return <p className="muted">{t('eval.history.none')}</p>;
  return (
    <DataTable
      testId="grade-history"
      columns={[
        'eval.history.scheme',
        'eval.history.year',
        'eval.col.grade',
        'eval.col.score',
        'eval.col.rank',
        'eval.history.supervision',
      ]}
    >
      {items.map((i) => (
        <tr key={i.runId} data-testid="grade-history-row" data-year={i.year} data-grade={i.grade ?? ''}>
          <td>
            <a href={href('evaluation', 'runs', String(i.runId), 'units', code)}>
              {lang === 'zh' ? i.scheme.name : (i.scheme.nameEn ?? i.scheme.name)}
            </a>
            {i.simulated && <span className="badge eval-flag-simulated">{t('eval.history.simulated')}</span>}
          </td>
          <td className="num">{i.year}</td>
          <td>{(lang === 'en' ? i.gradeEn : null) ?? i.grade ?? t('eval.history.noGrade')}</td>
          <td className="num">{i.score === null ? t('common.dash') : num(i.score.toFixed(2))}</td>
          <td className="num">{i.rank === null ? t('common.dash') : t('eval.history.rankOf', { rank: i.rank, n: i.of })}</td>
          <td>
            {i.supervision ? (
              <a href={href('tasks', i.supervision.plan, i.supervision.key)}>{t('eval.flag.supervised')}</a>
            ) : (
              t('common.dash')
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
