import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import {
  NORMALISATION_METHODS,
  type Direction,
  type NormalisationMethod,
  type SchemeDefinition,
  type SchemeVersionView,
} from '../api/evaluationTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canManageScheme } from '../auth/permissions.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href, navigate } from '../router.ts';
import { PUBLICATION_LEVELS, type PublicationLevel } from '../../../src/domain/evaluation/publication.ts';
import { AhpHelper } from './AhpHelper.tsx';
import { SchemeProvenance } from './SchemeProvenance.tsx';
import {
  addIndicator,
  bandsToText,
  normalisationFor,
  parseBands,
  patchIndicator,
  removeIndicator,
  withDefaults,
} from './editorModel.ts';
import { FieldErrors, PreviewPanel } from './PreviewPanel.tsx';
import { defaultYear, YearPicker } from './YearPicker.tsx';
import { TitledSection } from '../components/TitledSection.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { useAction } from '../api/useAction.ts';
import { LabelOptions } from '../components/LabelOptions.tsx';
import { EvalCrumbs } from './bits.tsx';

type Edit = (f: (d: SchemeDefinition) => SchemeDefinition) => void;

/** A number input that reports only finite numbers (a half-typed value is kept on screen, not sent). */
function NumberInput({
  value,
  onChange,
  disabled,
  label,
  testId,
  step = 'any',
}: {
  value: number | undefined;
  onChange: (x: number) => void;
  disabled: boolean;
  label: string;
  testId?: string;
  step?: string;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    setText((old) => (Number(old) === value ? old : value === undefined ? '' : String(value)));
  }, [value]);
  return (
    <input
      className="input eval-num-input"
      type="number"
      step={step}
      value={text}
      disabled={disabled}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => {
        setText(e.target.value);
        const x = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(x)) onChange(x);
      }}
    />
  );
}

function BandsInput({
  bands,
  onChange,
  disabled,
  label,
}: {
  bands: { from?: number; to?: number; score: number }[];
  onChange: (b: { from?: number; to?: number; score: number }[]) => void;
  disabled: boolean;
  label: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(bandsToText(bands));
  const parsed = parseBands(text);
  return (
    <span className="eval-bands">
      <input
        className={`input${parsed ? '' : ' input-invalid'}`}
        value={text}
        disabled={disabled}
        aria-label={label}
        title={t('eval.editor.bandsHelp')}
        onChange={(e) => {
          setText(e.target.value);
          const p = parseBands(e.target.value);
          if (p) onChange(p);
        }}
      />
      {!parsed && <span className="small eval-invalid">{t('eval.editor.bandsInvalid')}</span>}
    </span>
  );
}

/** The last cell of an editable row: its remove button. */
function RemoveCell({ disabled, title, onClick }: { disabled: boolean; title?: string; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <td>
      <button type="button" className="btn btn-small" disabled={disabled} title={title} onClick={onClick}>
        {t('eval.editor.remove')}
      </button>
    </td>
  );
}

function IndicatorsEditor({ def, edit, locked }: { def: SchemeDefinition; edit: Edit; locked: boolean }) {
  const { t, lang } = useI18n();
  const catalogue = useAsync(() => api.indicators(), []);
  const total = def.indicators.reduce((s, i) => s + i.weight, 0);
  const used = new Set(def.indicators.map((i) => i.code));
  const vetoed = new Set((def.vetoes ?? []).map((v) => v.indicator));
  return (
    <TitledSection className="card" id="indicators-heading" title={t('eval.editor.indicators')}>
      <DataTable
        className="data-table eval-editor-table"
        testId="editor-indicators"
        columns={[
          'eval.col.indicator',
          'eval.editor.weight',
          'eval.editor.share',
          'eval.editor.direction',
          'eval.editor.normalisation',
          'eval.editor.required',
          { label: null },
        ]}
      >
        {def.indicators.map((ind, k) => {
          const name = lang === 'en' ? (ind.nameEn ?? ind.name) : ind.name;
          const norm = ind.normalisation ?? { method: 'minmax' as const };
          return (
            <tr key={ind.code} data-testid="editor-indicator" data-indicator={ind.code}>
              <td>
                {name}
                {lang === 'en' && <div className="muted small">{ind.code}</div>}
              </td>
              <td>
                <NumberInput
                  value={ind.weight}
                  disabled={locked}
                  label={t('eval.editor.weightOf', { name })}
                  testId={`weight-${ind.code}`}
                  onChange={(w) => edit((d) => patchIndicator(d, k, { weight: w }))}
                />
              </td>
              <td className="num">{total > 0 ? `${((ind.weight / total) * 100).toFixed(1)}%` : t('common.dash')}</td>
              <td>
                <select
                  className="input"
                  value={ind.direction ?? 'higher_better'}
                  disabled={locked}
                  aria-label={t('eval.editor.directionOf', { name })}
                  onChange={(e) => edit((d) => patchIndicator(d, k, { direction: e.target.value as Direction }))}
                >
                  <option value="higher_better">{t('eval.direction.higher_better')}</option>
                  <option value="lower_better">{t('eval.direction.lower_better')}</option>
                </select>
              </td>
              <td>
                <select
                  className="input"
                  value={norm.method}
                  disabled={locked}
                  aria-label={t('eval.editor.normalisationOf', { name })}
                  data-testid={`normalisation-${ind.code}`}
                  onChange={(e) =>
                    edit((d) =>
                      patchIndicator(d, k, { normalisation: normalisationFor(e.target.value as NormalisationMethod, norm) }),
                    )
                  }
                >
                  <LabelOptions family="eval.normalisation" codes={NORMALISATION_METHODS} />
                </select>
                {norm.method === 'target' && (
                  <span className="eval-params">
                    {t('eval.editor.target')}
                    <NumberInput
                      value={norm.target}
                      disabled={locked}
                      label={t('eval.editor.target')}
                      onChange={(x) => edit((d) => patchIndicator(d, k, { normalisation: { ...norm, target: x } }))}
                    />
                    {t('eval.editor.baseline')}
                    <NumberInput
                      value={norm.baseline ?? 0}
                      disabled={locked}
                      label={t('eval.editor.baseline')}
                      onChange={(x) => edit((d) => patchIndicator(d, k, { normalisation: { ...norm, baseline: x } }))}
                    />
                  </span>
                )}
                {norm.method === 'bands' && (
                  <BandsInput
                    bands={norm.bands}
                    disabled={locked}
                    label={t('eval.editor.bandsOf', { name })}
                    onChange={(bands) => edit((d) => patchIndicator(d, k, { normalisation: { method: 'bands', bands } }))}
                  />
                )}
              </td>
              <td>
                <input
                  type="checkbox"
                  checked={ind.required ?? true}
                  disabled={locked}
                  aria-label={t('eval.editor.requiredOf', { name })}
                  onChange={(e) => edit((d) => patchIndicator(d, k, { required: e.target.checked }))}
                />
              </td>
              <RemoveCell
                disabled={locked || def.indicators.length <= 1 || vetoed.has(ind.code)}
                title={vetoed.has(ind.code) ? t('eval.editor.usedByVeto') : undefined}
                onClick={() => edit((d) => removeIndicator(d, k))}
              />
            </tr>
          );
        })}
      </DataTable>
      {!locked && catalogue.status === 'ok' && (
        <label className="toolbar-field">
          {t('eval.editor.add')}
          <select
            className="input toolbar-input"
            value=""
            onChange={(e) => {
              const ind = catalogue.data.find((i) => i.code === e.target.value);
              if (ind) edit((d) => addIndicator(d, { code: ind.code, name: ind.name, nameEn: ind.nameEn }));
            }}
          >
            <option value="">{t('eval.editor.addPick')}</option>
            {catalogue.data
              .filter((i) => !used.has(i.code))
              .map((i) => (
                <option key={i.code} value={i.code}>
                  {lang === 'en' ? `${i.nameEn}（${i.code}）` : i.name}
                </option>
              ))}
          </select>
        </label>
      )}
    </TitledSection>
  );
}

function GradesEditor({ def, edit, locked }: { def: SchemeDefinition; edit: Edit; locked: boolean }) {
  const { t } = useI18n();
  const setGrade = (k: number, patch: Partial<SchemeDefinition['grades'][number]>) =>
    edit((d) => ({ ...d, grades: d.grades.map((g, j) => (j === k ? { ...g, ...patch } : g)) }));
  return (
    <TitledSection className="card" id="grades-heading" title={t('eval.editor.grades')}>
      <p className="muted small">{t('eval.editor.gradesNote')}</p>
      <DataTable
        scroll={false}
        testId="editor-grades"
        columns={['eval.editor.gradeLabel', 'eval.editor.gradeLabelEn', 'eval.editor.minScore', { label: null }]}
      >
        {def.grades.map((g, k) => (
          <tr key={k}>
            <td>
              <input
                className="input"
                value={g.label}
                disabled={locked}
                aria-label={t('eval.editor.gradeLabel')}
                onChange={(e) => setGrade(k, { label: e.target.value })}
              />
            </td>
            <td>
              <input
                className="input"
                value={g.labelEn ?? ''}
                disabled={locked}
                aria-label={t('eval.editor.gradeLabelEn')}
                onChange={(e) => setGrade(k, { labelEn: e.target.value || undefined })}
              />
            </td>
            <td>
              <NumberInput
                value={g.minScore}
                disabled={locked}
                label={t('eval.editor.minScore')}
                onChange={(x) => setGrade(k, { minScore: x })}
              />
            </td>
            <RemoveCell
              disabled={locked || def.grades.length <= 1}
              onClick={() => edit((d) => ({ ...d, grades: d.grades.filter((_, j) => j !== k) }))}
            />
          </tr>
        ))}
      </DataTable>
      {!locked && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => edit((d) => ({ ...d, grades: [...d.grades, { label: `G${d.grades.length + 1}`, minScore: 0 }] }))}
        >
          {t('eval.editor.addGrade')}
        </button>
      )}
    </TitledSection>
  );
}

/** Per comparison group: its name and the weights that replace the scheme's (blank = the scheme weight). */
function GroupsEditor({ def, edit, locked }: { def: SchemeDefinition; edit: Edit; locked: boolean }) {
  const { t, lang } = useI18n();
  const groups = def.groups ?? [];
  if (groups.length === 0) return null;
  const setWeight = (k: number, code: string, x: number | null) =>
    edit((d) => ({
      ...d,
      groups: (d.groups ?? []).map((g, j) => {
        if (j !== k) return g;
        const weights = { ...(g.weights ?? {}) };
        if (x === null) delete weights[code];
        else weights[code] = x;
        return { ...g, weights };
      }),
    }));
  return (
    <TitledSection className="card" id="groups-heading" title={t('eval.editor.groups')}>
      <p className="muted small">{t('eval.editor.groupsNote')}</p>
      <DataTable
        testId="editor-groups"
        columns={['eval.col.group', ...def.indicators.map((i) => ({ label: lang === 'en' ? (i.nameEn ?? i.name) : i.name }))]}
      >
        {groups.map((g, k) => (
          <tr key={g.code}>
            <td>
              <input
                className="input eval-group-name"
                value={g.name}
                disabled={locked}
                aria-label={t('eval.editor.groupName', { code: g.code })}
                onChange={(e) =>
                  edit((d) => ({
                    ...d,
                    groups: (d.groups ?? []).map((x, j) => (j === k ? { ...x, name: e.target.value } : x)),
                  }))
                }
              />
              {lang === 'en' && <div className="muted small">{g.code}</div>}
            </td>
            {def.indicators.map((i) => (
              <td key={i.code}>
                <input
                  className="input eval-num-input"
                  type="number"
                  step="any"
                  placeholder={String(i.weight)}
                  value={g.weights?.[i.code] ?? ''}
                  disabled={locked}
                  aria-label={t('eval.editor.groupWeight', { group: g.name, name: i.name })}
                  onChange={(e) => {
                    // Blank = back to the scheme weight; a half-typed number changes nothing yet.
                    const x = Number(e.target.value);
                    if (e.target.value.trim() === '') setWeight(k, i.code, null);
                    else if (Number.isFinite(x)) setWeight(k, i.code, x);
                  }}
                />
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </TitledSection>
  );
}

function SaveBar({
  view,
  def,
  publishes,
  locked,
  canEdit,
  onUnlock,
  onSaved,
}: {
  view: SchemeVersionView;
  def: SchemeDefinition;
  publishes: PublicationLevel;
  locked: boolean;
  canEdit: boolean;
  onUnlock: () => void;
  onSaved: (v: SchemeVersionView) => void;
}) {
  const { t, lang } = useI18n();
  const { busy, error, run } = useAction();
  const save = () => run(async () => onSaved(await api.saveEvaluationScheme(view.code, def, view, publishes)));
  const conflict = error instanceof ApiError && error.status === 409;
  return (
    <div className="eval-savebar" data-testid="editor-savebar">
      {view.status === 'frozen' && (
        <p className="hint-box" data-testid="frozen-note">
          {t('eval.editor.frozen', { version: view.version })}
        </p>
      )}
      {!canEdit && <p className="muted">{t('eval.editor.readOnly')}</p>}
      {canEdit && view.status === 'frozen' && locked && (
        <button type="button" className="btn btn-primary" onClick={onUnlock} data-testid="save-as-new">
          {t('eval.editor.saveAsNew')}
        </button>
      )}
      {canEdit && !locked && (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save()} data-testid="save-scheme">
          {view.status === 'frozen' ? t('eval.editor.saveNewVersion', { version: view.version + 1 }) : t('eval.editor.save')}
        </button>
      )}
      {conflict ? (
        <div className="status status-error" role="alert" data-testid="save-conflict">
          <strong>{t('eval.editor.conflictTitle')}</strong>
          <span>{t('eval.editor.conflict')}</span>
          <button type="button" className="btn btn-small" onClick={() => window.location.reload()}>
            {t('eval.editor.reload')}
          </button>
        </div>
      ) : (
        error !== null && (
          <div>
            <ErrorMessage error={error} title={t('eval.editor.saveFailed')} testId="save-error" />
            <FieldErrors error={error} lang={lang} />
          </div>
        )
      )}
    </div>
  );
}

function Editor({ view, year, onSaved }: { view: SchemeVersionView; year: number; onSaved: (v: SchemeVersionView) => void }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const canEdit = canManageScheme(me, view.definition);
  const [def, setDef] = useState(() => withDefaults(view.definition));
  const [publishes, setPublishes] = useState<PublicationLevel>(view.publishes);
  const [unlocked, setUnlocked] = useState(false);
  const locked = !canEdit || (view.status === 'frozen' && !unlocked);
  const edit: Edit = (f) => setDef((d) => f(d));
  return (
    <div className={canEdit ? 'eval-editor-layout' : 'eval-editor-layout eval-editor-solo'}>
      <div className="eval-editor-main">
        <TitledSection className="card" id="scheme-heading" title={t('eval.editor.basics')}>
          <div className="eval-form-row">
            <label className="form-field">
              {t('eval.scheme.name')}
              <input
                className="input"
                value={def.name}
                disabled={locked}
                onChange={(e) => edit((d) => ({ ...d, name: e.target.value }))}
              />
            </label>
            <label className="form-field">
              {t('eval.editor.nameEn')}
              <input
                className="input"
                value={def.nameEn ?? ''}
                disabled={locked}
                onChange={(e) => edit((d) => ({ ...d, nameEn: e.target.value || undefined }))}
              />
            </label>
            <label className="form-field">
              {t('eval.editor.aggregation')}
              <select
                className="input"
                value={def.aggregation ?? 'weighted_sum'}
                disabled={locked}
                onChange={(e) => edit((d) => ({ ...d, aggregation: e.target.value as 'weighted_sum' | 'weighted_geometric' }))}
              >
                <option value="weighted_sum">{t('eval.aggregation.weighted_sum')}</option>
                <option value="weighted_geometric">{t('eval.aggregation.weighted_geometric')}</option>
              </select>
            </label>
            <label className="form-field">
              {t('eval.editor.publishes')}
              <select
                className="input"
                value={publishes}
                disabled={locked}
                onChange={(e) => setPublishes(e.target.value as PublicationLevel)}
                data-testid="scheme-publishes"
              >
                {PUBLICATION_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(`eval.publishes.${level}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="muted small">{t('eval.editor.publishesHint')}</p>
          {def.defaultWeights && <p className="hint-box">{t('eval.editor.defaultWeightsNote')}</p>}
          {def.ahp && <p className="muted small">{t('eval.editor.ahpActive')}</p>}
        </TitledSection>
        <IndicatorsEditor def={def} edit={edit} locked={locked} />
        <TitledSection className="card" id="ahp-heading" title={t('eval.ahp.heading')}>
          <AhpHelper
            key={def.indicators.map((i) => i.code).join(',')}
            definition={def}
            disabled={locked}
            onApply={(weights, matrix) =>
              edit((d) => ({
                ...d,
                indicators: d.indicators.map((i, k) => ({ ...i, weight: Number(weights[k]!.toFixed(6)) })),
                ahp: { matrix },
              }))
            }
          />
        </TitledSection>
        <GradesEditor def={def} edit={edit} locked={locked} />
        <GroupsEditor def={def} edit={edit} locked={locked} />
        <SchemeProvenance def={def} />
        <SaveBar
          view={view}
          def={def}
          publishes={publishes}
          locked={locked}
          canEdit={canEdit}
          onUnlock={() => setUnlocked(true)}
          onSaved={onSaved}
        />
      </div>
      {/* The preview is for those who may change the scheme (the server allows it to them only). */}
      {canEdit && (
        <aside className="eval-editor-side" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
          <PreviewPanel definition={def} year={year} />
        </aside>
      )}
    </div>
  );
}

/** 评价方案编辑 (#/evaluation/schemes/<code>?version=&year=): editing with a live preview of the ranking. */
export function SchemeEditorPage({
  code,
  version,
  year: askedYear,
}: {
  code: string;
  version: string | null;
  year: string | null;
}) {
  const { t, lang } = useI18n();
  const year = Number(askedYear) || defaultYear();
  const asked = version && Number.isInteger(Number(version)) ? Number(version) : null;
  const state = useAsync((signal) => api.evaluationScheme(code, asked, signal), [code, asked]);
  const [savedView, setSavedView] = useState<SchemeVersionView | null>(null);
  const view =
    savedView && (asked === null || savedView.version === asked) ? savedView : state.status === 'ok' ? state.data : null;
  const go = (next: { version?: number; year?: number }) =>
    navigate(
      href('evaluation', 'schemes', code, {
        version: String(next.version ?? view?.version ?? ''),
        year: String(next.year ?? year),
      }),
      { replace: true },
    );
  return (
    <section className="page eval-page" aria-labelledby="eval-editor-heading" data-testid="eval-editor">
      <header className="page-head reporting-head">
        <div>
          <EvalCrumbs />
          <h1 id="eval-editor-heading">
            {view ? (lang === 'en' ? (view.definition.nameEn ?? view.definition.name) : view.definition.name) : code}
          </h1>
          {view && (
            <p className="page-intro" data-testid="editor-version" data-version={view.version} data-status={view.status}>
              {t('eval.editor.versionLine', { code: view.code, version: view.version })}{' '}
              <span className={`badge eval-scheme-${view.status}`}>{t(`eval.schemeStatus.${view.status}`)}</span>
              {view.builtin && <span className="badge eval-builtin">{t('eval.scheme.builtin')}</span>}
            </p>
          )}
        </div>
        <div className="toolbar">
          <YearPicker value={year} onChange={(y) => go({ year: y })} />
        </div>
      </header>
      {savedView && (
        <p className="status status-ok" role="status" data-testid="saved-note" data-version={savedView.version}>
          {t('eval.editor.saved', { version: savedView.version })}
        </p>
      )}
      {state.status === 'loading' && !view && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {view && (
        <Editor
          key={`${view.code}@${view.version}:${view.updatedAt}`}
          view={view}
          year={year}
          onSaved={(v) => {
            setSavedView(v);
            go({ version: v.version });
          }}
        />
      )}
    </section>
  );
}
