import { useState } from 'react';
import type { TargetRevisions } from '../../../src/presenters/target-revision.presenter.ts';
import type { Comparator } from '../api/types.ts';
import { api } from '../api/client.ts';
import { useAction } from '../api/useAction.ts';
import { useAsync } from '../api/useAsync.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { ErrorMessage } from '../components/Status.tsx';
import { TitledSection } from '../components/TitledSection.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { COMPARATOR_CHOICES } from '../ingest/reviewModel.ts';

type State = TargetRevisions['current'];

/** The form a plan manager corrects a published target with (修订目标): every field prefilled, a reason required. */
function RevisionForm({
  plan,
  targetKey,
  data,
  onSaved,
}: {
  plan: string;
  targetKey: string;
  data: TargetRevisions;
  onSaved: () => void;
}) {
  const { t, label } = useI18n();
  const c = data.current;
  const [f, setF] = useState({
    baselineYear: c.baseline ? String(c.baseline.year) : '',
    baselineValue: c.baseline?.value ?? '',
    scopeKind: c.scope.kind,
    scopeCode: c.scope.code,
    year: String(c.target.year),
    comparator: c.target.comparator as Comparator,
    value: c.target.value ?? '',
    min: c.target.min ?? '',
    max: c.target.max ?? '',
    rate: c.target.rate ?? '',
    unit: data.unit,
    reason: '',
  });
  const { busy: saving, error, run } = useAction();
  const set = (k: keyof typeof f, v: string) => setF((old) => ({ ...old, [k]: v }));
  const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
  const save = () =>
    run(async () => {
      const baseline =
        f.baselineYear.trim() && f.baselineValue.trim() ? { year: Number(f.baselineYear), value: f.baselineValue.trim() } : null;
      const scopeChanged = f.scopeKind !== c.scope.kind || f.scopeCode !== c.scope.code;
      await api.reviseTarget(plan, targetKey, {
        version: data.version,
        reason: f.reason,
        ...(JSON.stringify(baseline) !== JSON.stringify(c.baseline) ? { baseline } : {}),
        ...(scopeChanged ? (f.scopeKind === 'org_unit' ? { orgUnit: f.scopeCode.trim() } : { group: f.scopeCode.trim() }) : {}),
        target: {
          year: Number(f.year),
          comparator: f.comparator,
          value: orNull(f.value),
          min: orNull(f.min),
          max: orNull(f.max),
          rate: orNull(f.rate),
        },
        ...(f.unit.trim() && f.unit.trim() !== data.unit ? { unit: f.unit.trim() } : {}),
      });
      onSaved();
    });
  const field = (k: keyof typeof f, text: string, type: 'text' | 'number' = 'text') => (
    <label className="field-label">
      {text}
      <input className="input" type={type} value={f[k]} onChange={(e) => set(k, e.target.value)} data-testid={`revise-${k}`} />
    </label>
  );
  return (
    <form
      className="revision-form"
      data-testid="revision-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend>{t('revision.baseline')}</legend>
        {field('baselineYear', t('revision.baselineYear'), 'number')}
        {field('baselineValue', t('revision.baselineValue'))}
      </fieldset>
      <fieldset>
        <legend>{t('revision.scope')}</legend>
        <label className="field-label">
          {t('revision.scopeKind')}
          <select
            className="input"
            value={f.scopeKind}
            onChange={(e) => set('scopeKind', e.target.value)}
            data-testid="revise-scopeKind"
          >
            <option value="org_unit">{t('revision.orgUnit')}</option>
            <option value="group">{t('revision.group')}</option>
          </select>
        </label>
        {field('scopeCode', t('revision.scopeCode'))}
      </fieldset>
      <fieldset>
        <legend>{t('revision.target')}</legend>
        {field('year', t('revision.year'), 'number')}
        <label className="field-label">
          {t('ingest.edit.comparator')}
          <select
            className="input"
            value={f.comparator}
            onChange={(e) => set('comparator', e.target.value)}
            data-testid="revise-comparator"
          >
            {COMPARATOR_CHOICES.map((x) => (
              <option key={x} value={x}>
                {label('cmpName', x)}
              </option>
            ))}
          </select>
        </label>
        {field('value', t('revision.value'))}
        {f.comparator === 'range' && field('min', t('revision.min'))}
        {f.comparator === 'range' && field('max', t('revision.max'))}
        {(f.comparator === 'annual_growth' || f.comparator === 'cumulative_change') && field('rate', t('revision.rate'))}
        {field('unit', t('revision.unit'))}
      </fieldset>
      <label className="field-label">
        {t('revision.reason')}
        <textarea
          rows={2}
          maxLength={500}
          value={f.reason}
          onChange={(e) => set('reason', e.target.value)}
          data-testid="revise-reason"
        />
      </label>
      <div className="toolbar">
        <button type="submit" className="btn" disabled={saving || f.reason.trim() === ''} data-testid="revise-save">
          {t('revision.save')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} testId="revise-error" />}
    </form>
  );
}

/** Words for one side of a revision: 基期 2020：846.3；目标 … */
function describe(side: Record<string, unknown>, t: ReturnType<typeof useI18n>['t'], unit: string): string {
  const parts: string[] = [];
  const s = side as Partial<State>;
  if ('baseline' in side)
    parts.push(
      s.baseline
        ? t('revision.show.baseline', { year: s.baseline.year, value: `${s.baseline.value}${unit}` })
        : t('revision.show.noBaseline'),
    );
  if (s.scope) parts.push(t('revision.show.scope', { code: s.scope.code }));
  if (s.target) {
    const v = s.target.value ?? (s.target.rate !== null ? `${s.target.rate}%` : `${s.target.min ?? ''}–${s.target.max ?? ''}`);
    parts.push(t('revision.show.target', { year: s.target.year, value: `${v}${s.target.rate === null ? unit : ''}` }));
  }
  if ('everyYear' in side) parts.push(t(s.everyYear ? 'revision.show.everyYear' : 'revision.show.notEveryYear'));
  return parts.join('；');
}

/** 修订记录: a target's in-place corrections (issue 17 item 5), and the form for its plan's managers. */
export function RevisionPanel({ plan, targetKey, onRevised }: { plan: string; targetKey: string; onRevised: () => void }) {
  const { t, dateTime } = useI18n();
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState(false);
  const state = useAsync((signal) => api.targetRevisions(plan, targetKey, signal), [plan, targetKey, reload]);
  return (
    <TitledSection id="revisions-heading" title={t('revision.heading')} className="list-section" data-testid="revisions">
      <AsyncView state={state}>
        {(data) => (
          <>
            {data.items.length === 0 ? (
              <p className="muted">{t('revision.none')}</p>
            ) : (
              <ul className="plain-list">
                {data.items.map((r) => (
                  <li key={r.id} data-testid="revision-item">
                    <strong>{dateTime(r.at)}</strong> {r.author}
                    {t('common.colon')}
                    {r.reason}
                    <div className="muted small">
                      {describe(r.before, t, data.unit)} → {describe(r.after, t, data.unit)}
                    </div>
                  </li>
                ))}
              </ul>
            )}
            {data.canRevise && !editing && (
              <button type="button" className="btn" onClick={() => setEditing(true)} data-testid="revise-open">
                {t('revision.open')}
              </button>
            )}
            {data.canRevise && editing && (
              <RevisionForm
                key={data.version}
                plan={plan}
                targetKey={targetKey}
                data={data}
                onSaved={() => {
                  setEditing(false);
                  setReload((n) => n + 1);
                  onRevised();
                }}
              />
            )}
          </>
        )}
      </AsyncView>
    </TitledSection>
  );
}
