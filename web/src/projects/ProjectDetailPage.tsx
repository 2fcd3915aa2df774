import { actorLabel } from '../components/actorLabel.ts';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { errorDetail } from '../components/Status.tsx';
import { useMe } from '../auth/AuthProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router.ts';
import { canEditProjects, ProjectForm } from './ProjectForm.tsx';
import { STAGES, type ProjectDetail, type Stage } from './projectTypes.ts';
import { TransferPanel } from './TransferPanel.tsx';
import { Fact } from '../components/Fact.tsx';
import { LabelOptions } from '../components/LabelOptions.tsx';
import './projects.css';

export function ProjectDetailPage({ id }: { id: number }) {
  const [reload, setReload] = useState(0);
  const state = useAsync((signal) => api.project(id, signal), [id, reload]);
  return <AsyncView state={state}>{(p) => <Detail p={p} onChanged={() => setReload((n) => n + 1)} />}</AsyncView>;
}

function Detail({ p, onChanged }: { p: ProjectDetail; onChanged: () => void }) {
  const { t, label, num, date, dateTime, lang } = useI18n();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  return (
    <div data-testid="project-detail" data-stage={p.stage}>
      <p>
        <a href={href('projects')}>← {t('projects.back')}</a>
      </p>
      <div className="page-head">
        <h1>{p.name}</h1>
        <div className="badges">
          <span className="badge badge-state" data-testid="project-stage">
            {label('projects.stage', p.stage)}
          </span>
          {p.stalled && (
            <span className="badge badge-warning" data-testid="stalled-badge">
              {t('projects.stalled')}
            </span>
          )}
          {p.synthetic && <span className="badge badge-sub">{t('projects.synthetic')}</span>}
        </div>
        {p.stallReasons.map((r) => (
          <p key={r.code} className="muted">
            {lang === 'zh' ? r.zh : r.en}
          </p>
        ))}
      </div>
      <dl className="facts-grid">
        <Fact bare term="projects.zone">
          {p.zone.name}
          {p.prefecture ? ` · ${p.prefecture.name}` : ''}
        </Fact>
        <Fact bare term="projects.chain">
          {p.chain?.name ?? t('common.dash')}
        </Fact>
        <Fact bare term="projects.industry">
          {p.industry ?? t('common.dash')}
        </Fact>
        <Fact bare term="projects.totalInvestment" data-testid="project-investment">
          {num(p.totalInvestment)}
        </Fact>
        {p.description && (
          <Fact bare term="projects.form.description" data-testid="project-description">
            {p.description}
          </Fact>
        )}
      </dl>
      {canEditProjects(me) &&
        (editing ? (
          // onReload (offered on a 409) refetches the project: the page remounts and the form closes, so
          // reopening it starts from the other user's version instead of overwriting it.
          <ProjectForm
            project={p}
            zones={[]}
            onSaved={() => {
              setEditing(false);
              onChanged();
            }}
            onCancel={() => setEditing(false)}
            onReload={onChanged}
          />
        ) : (
          <p>
            <button type="button" className="btn" data-testid="edit-project" onClick={() => setEditing(true)}>
              {t('projects.form.edit')}
            </button>
          </p>
        ))}

      <section className="panel">
        <h2 className="panel-title">{t('projects.stages')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th />
              {STAGES.map((s) => (
                <th key={s} className={s === p.stage ? 'project-stage-current' : undefined}>
                  {label('projects.stage', s)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th>{t('projects.planned')}</th>
              {p.stages.map((s) => (
                <td key={s.stage}>{date(s.plannedOn)}</td>
              ))}
            </tr>
            <tr>
              <th>{t('projects.actual')}</th>
              {p.stages.map((s) => (
                <td key={s.stage}>{date(s.actualOn)}</td>
              ))}
            </tr>
          </tbody>
        </table>
        <StageForm p={p} onChanged={onChanged} />
      </section>

      <section className="panel" data-testid="project-history">
        <h2 className="panel-title">{t('projects.history')}</h2>
        <ol className="history-list">
          {p.history.map((h) => (
            <li key={h.id} className="history-entry" data-testid="history-entry" data-kind={h.kind}>
              <span className="history-time">{dateTime(h.at)}</span> <strong>{label('projects.kind', h.kind)}</strong>{' '}
              {h.fromStage && h.toStage && `${label('projects.stage', h.fromStage)} → ${label('projects.stage', h.toStage)}`}
              {!h.fromStage && h.toStage && label('projects.stage', h.toStage)}
              {h.kind === 'transfer' && h.changes.zone && ` ${String(h.changes.zone.from)} → ${String(h.changes.zone.to)}`}
              {h.effectiveOn && ` (${date(h.effectiveOn)})`} · {actorLabel(h, label)}
              {h.reason && <div className="history-comment">{h.reason}</div>}
            </li>
          ))}
        </ol>
      </section>

      <FiguresPanel p={p} onChanged={onChanged} />
      <TransferPanel p={p} />
    </div>
  );
}

function StageForm({ p, onChanged }: { p: ProjectDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const next = STAGES[STAGES.indexOf(p.stage) + 1] ?? STAGES[0]!;
  const [to, setTo] = useState<Stage>(next);
  const [on, setOn] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="project-form"
      data-testid="stage-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await api.changeProjectStage(p.id, { version: p.version, to, on: on || undefined, reason: reason || undefined });
          onChanged();
        } catch (err) {
          setError(errorDetail(err, lang));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3>{t('projects.changeStage')}</h3>
      <label className="form-field">
        {t('projects.to')}
        <select className="input" data-testid="stage-to" value={to} onChange={(e) => setTo(e.target.value as Stage)}>
          <LabelOptions family="projects.stage" codes={STAGES.filter((s) => s !== p.stage)} />
        </select>
      </label>
      <label className="form-field">
        {t('projects.on')}
        <input className="input" type="date" data-testid="stage-on" value={on} onChange={(e) => setOn(e.target.value)} />
      </label>
      <label className="form-field">
        {t('projects.reason')}
        <input className="input" data-testid="stage-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary" data-testid="stage-submit" disabled={busy}>
        {t('projects.submitStage')}
      </button>
      {error && (
        <p className="field-error" role="alert" data-testid="stage-error">
          {error}
        </p>
      )}
    </form>
  );
}

function FiguresPanel({ p, onChanged }: { p: ProjectDetail; onChanged: () => void }) {
  const { t, num, lang } = useI18n();
  const [row, setRow] = useState({ month: '', investment: '', output: '', tax: '' });
  const [error, setError] = useState<string | null>(null);
  const recent = [...p.figures].reverse().slice(0, 24);
  return (
    <section className="panel" data-testid="project-figures">
      <h2 className="panel-title">{t('projects.figures')}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('projects.month')}</th>
            <th className="col-num">{t('projects.investment')}</th>
            <th className="col-num">{t('projects.output')}</th>
            <th className="col-num">{t('projects.tax')}</th>
          </tr>
        </thead>
        <tbody>
          {recent.map((f) => (
            <tr key={f.month}>
              <td>
                {f.month} {f.origin === 'synthetic' && <span className="badge badge-sub">{t('projects.synthetic')}</span>}
              </td>
              <td className="col-num">{num(f.investment)}</td>
              <td className="col-num">{num(f.output)}</td>
              <td className="col-num">{num(f.tax)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="project-form"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            await api.saveProjectFigures(p.id, p.version, [
              { month: row.month, investment: row.investment || null, output: row.output || null, tax: row.tax || null },
            ]);
            setRow({ month: '', investment: '', output: '', tax: '' });
            onChanged();
          } catch (err) {
            setError(errorDetail(err, lang));
          }
        }}
      >
        {(['month', 'investment', 'output', 'tax'] as const).map((k) => (
          <label key={k} className="form-field">
            {t(`projects.${k}`)}
            <input
              className="input"
              data-testid={`figure-${k}`}
              placeholder={k === 'month' ? '2025-06' : ''}
              value={row[k]}
              onChange={(e) => setRow({ ...row, [k]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit" className="btn">
          {t('projects.saveFigures')}
        </button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
