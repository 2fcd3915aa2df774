import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { Comparator, Nature, OrgUnit } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import {
  COMPARATOR_CHOICES,
  NEW_INDICATOR,
  checkTarget,
  checkTask,
  type PlanScope,
  suggestIndicatorCode,
  type Catalogues,
  type Problem,
  type TargetEdit,
  type TaskEdit,
} from '../ingest/reviewModel.ts';
import { NewScopeButton, type CatalogueEntry } from './NewScopeForm.tsx';
import { OrgUnitOptions } from './OrgUnitOptions.tsx';

export { OrgUnitOptions };

/* Inline forms for changing a candidate before it is accepted. */

/** A field of an editor: label, control, and its problems. */
function Field({
  label,
  htmlFor,
  problems,
  wide = false,
  children,
}: {
  label: string;
  htmlFor?: string;
  problems?: Problem[];
  wide?: boolean;
  children: ReactNode;
}) {
  const { lang } = useI18n();
  return (
    <div className={`form-field${wide ? ' field-wide' : ''}`}>
      {htmlFor ? <label htmlFor={htmlFor}>{label}</label> : <span className="field-label">{label}</span>}
      {children}
      {problems?.map((p) => (
        <span key={p.field + p.en} className="field-error" role="alert">
          {lang === 'zh' ? p.zh : p.en}
        </span>
      ))}
    </div>
  );
}

const at = (problems: Problem[], ...fields: string[]) => problems.filter((p) => fields.includes(p.field));

interface TargetEditorProps {
  edit: TargetEdit;
  /** The plan's default scope, for targets that name none. */
  planScope: PlanScope | null;
  planScopeName: string | null;
  /** The unit as the text writes it, for reference. */
  statedUnit?: string;
  catalogues: Catalogues;
  /** The scope as the text writes it, to start a new unit or group from. */
  scopeMention?: string;
  /** A unit or group created here for the scope: the page adds it to the catalogues. */
  onCatalogueEntry: (entry: CatalogueEntry) => void;
  onSave: (edit: TargetEdit) => void;
  onCancel: () => void;
}

/** Save (which also accepts the candidate) and cancel, shared by both editors. */
function EditorActions({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="editor-actions">
      <button type="submit" className="btn btn-primary" data-testid="edit-save">
        {t('ingest.edit.saveAccept')}
      </button>
      <button type="button" className="btn" onClick={onCancel} data-testid="edit-cancel">
        {t('ingest.edit.cancel')}
      </button>
    </div>
  );
}

export function TargetEditor({
  edit: initial,
  planScope,
  planScopeName,
  statedUnit,
  catalogues,
  scopeMention = '',
  onCatalogueEntry,
  onSave,
  onCancel,
}: TargetEditorProps) {
  const { t, lang, label } = useI18n();
  const id = useId();
  const [edit, setEdit] = useState<TargetEdit>(initial);
  const [problems, setProblems] = useState<Problem[]>([]);
  const set = <K extends keyof TargetEdit>(key: K, value: TargetEdit[K]) => setEdit((e) => ({ ...e, [key]: value }));
  const setNew = (key: keyof TargetEdit['newIndicator'], value: string) =>
    setEdit((e) => {
      const n = { ...e.newIndicator, [key]: value };
      // The code follows the English name until the reviewer types one.
      if (key === 'nameEn' && (e.newIndicator.code === '' || e.newIndicator.code === suggestIndicatorCode(e.newIndicator.nameEn)))
        n.code = suggestIndicatorCode(value);
      return { ...e, newIndicator: n };
    });

  const indicators = useMemo(
    () => [...catalogues.indicators].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    [catalogues.indicators],
  );
  const chosen = catalogues.indicators.find((i) => i.code === edit.indicator);
  const unit = edit.indicator === NEW_INDICATOR ? edit.newIndicator.unit : (chosen?.unit ?? '');
  const needs = (c: Comparator, ...list: Comparator[]) => list.includes(c);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // "The plan's default scope" may still be unset: that is settled in the plan form before the merge.
    const found = checkTarget(edit, catalogues, planScope).filter((p) => p.field !== 'orgUnit');
    setProblems(found);
    if (found.length === 0) onSave(edit);
  };

  const indName = (code: string) => {
    const i = catalogues.indicators.find((x) => x.code === code);
    return i ? (lang === 'en' && i.nameEn ? i.nameEn : i.name) : code;
  };

  return (
    <form className="cand-editor" onSubmit={submit} data-testid="target-editor" noValidate>
      <fieldset className="editor-group">
        <legend>{t('ingest.edit.indicator')}</legend>
        <Field label={t('ingest.edit.indicator')} htmlFor={`${id}-ind`} problems={at(problems, 'indicator')} wide>
          <select
            id={`${id}-ind`}
            className="input"
            value={edit.indicator}
            onChange={(e) => set('indicator', e.target.value)}
            data-testid="edit-indicator"
          >
            <option value="">{t('ingest.edit.choose')}</option>
            <option value={NEW_INDICATOR}>{t('ingest.edit.newIndicatorOption')}</option>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {lang === 'en' && i.nameEn ? i.nameEn : i.name}
                {i.unit ? `（${i.unit}）` : ''}
                {lang === 'en' ? ` · ${i.code}` : ''}
              </option>
            ))}
          </select>
        </Field>
        {edit.indicator === NEW_INDICATOR && (
          <div className="editor-grid">
            <Field label={t('ingest.edit.newName')} htmlFor={`${id}-nn`} problems={at(problems, 'newIndicator.name')}>
              <input
                id={`${id}-nn`}
                className="input"
                value={edit.newIndicator.name}
                onChange={(e) => setNew('name', e.target.value)}
                data-testid="edit-new-name"
              />
            </Field>
            <Field label={t('ingest.edit.newNameEn')} htmlFor={`${id}-ne`} problems={at(problems, 'newIndicator.nameEn')}>
              <input
                id={`${id}-ne`}
                className="input"
                lang="en"
                value={edit.newIndicator.nameEn}
                onChange={(e) => setNew('nameEn', e.target.value)}
                data-testid="edit-new-name-en"
              />
            </Field>
            <Field label={t('ingest.edit.newCode')} htmlFor={`${id}-nc`} problems={at(problems, 'newIndicator.code')}>
              <input
                id={`${id}-nc`}
                className="input input-code"
                value={edit.newIndicator.code}
                placeholder="DIGITAL_CORE_VALUE_ADDED"
                onChange={(e) => setNew('code', e.target.value)}
                data-testid="edit-new-code"
              />
            </Field>
            <Field label={t('ingest.edit.newUnit')} htmlFor={`${id}-nu`} problems={at(problems, 'newIndicator.unit')}>
              <input
                id={`${id}-nu`}
                className="input"
                value={edit.newIndicator.unit}
                placeholder={statedUnit}
                onChange={(e) => setNew('unit', e.target.value)}
                data-testid="edit-new-unit"
              />
            </Field>
          </div>
        )}
      </fieldset>

      <fieldset className="editor-group">
        <legend>{t('target.scope')}</legend>
        <div className="editor-grid">
          <Field label={t('ingest.edit.scopeKind')} htmlFor={`${id}-sk`}>
            <select
              id={`${id}-sk`}
              className="input"
              value={edit.scopeKind}
              onChange={(e) => setEdit((x) => ({ ...x, scopeKind: e.target.value as TargetEdit['scopeKind'], scope: '' }))}
              data-testid="edit-scope-kind"
            >
              <option value="orgUnit">{t('ingest.edit.scopeOrgUnit')}</option>
              <option value="group">{t('ingest.edit.scopeGroup')}</option>
            </select>
          </Field>
          <Field label={t('target.scope')} htmlFor={`${id}-sc`} problems={at(problems, 'orgUnit', 'group')}>
            <select
              id={`${id}-sc`}
              className="input"
              value={edit.scope}
              onChange={(e) => set('scope', e.target.value)}
              data-testid="edit-scope"
            >
              <option value="">
                {planScopeName ? t('ingest.edit.planScope', { name: planScopeName }) : t('ingest.edit.planScopeUnset')}
              </option>
              {edit.scopeKind === 'orgUnit' ? (
                <OrgUnitOptions units={catalogues.orgUnits} />
              ) : (
                catalogues.groups.map((g) => (
                  <option key={g.code} value={g.code}>
                    {g.name}（{label('groupKind', g.kind)}）
                  </option>
                ))
              )}
            </select>
          </Field>
          <div className="form-field field-wide">
            <NewScopeButton
              initialName={scopeMention}
              catalogues={catalogues}
              testId="edit-new-scope"
              onCreated={(entry, scope) => {
                onCatalogueEntry(entry);
                setEdit((x) => ({ ...x, scopeKind: scope.kind, scope: scope.code }));
              }}
            />
          </div>
          <Field label={t('target.nature')} htmlFor={`${id}-na`}>
            <select
              id={`${id}-na`}
              className="input"
              value={edit.nature}
              onChange={(e) => set('nature', e.target.value as '' | Nature)}
              data-testid="edit-nature"
            >
              <option value="">{t('ingest.edit.natureDefault')}</option>
              <option value="expected">{t('target.nature.expected')}</option>
              <option value="binding">{t('target.nature.binding')}</option>
            </select>
          </Field>
        </div>
      </fieldset>

      <fieldset className="editor-group">
        <legend>{t('ingest.edit.values')}</legend>
        <div className="editor-grid">
          <Field label={t('ingest.edit.baselineYear')} htmlFor={`${id}-by`} problems={at(problems, 'baseline.year')}>
            <input
              id={`${id}-by`}
              className="input input-year"
              inputMode="numeric"
              value={edit.baselineYear}
              onChange={(e) => set('baselineYear', e.target.value)}
              data-testid="edit-baseline-year"
            />
          </Field>
          <Field
            label={unit ? t('ingest.edit.baselineValueUnit', { unit }) : t('ingest.edit.baselineValue')}
            htmlFor={`${id}-bv`}
            problems={at(problems, 'baseline.value')}
          >
            <input
              id={`${id}-bv`}
              className="input"
              inputMode="decimal"
              value={edit.baselineValue}
              onChange={(e) => set('baselineValue', e.target.value)}
              data-testid="edit-baseline-value"
            />
          </Field>
          <Field label={t('ingest.edit.year')} htmlFor={`${id}-y`} problems={at(problems, 'target.year')}>
            <input
              id={`${id}-y`}
              className="input input-year"
              inputMode="numeric"
              value={edit.year}
              onChange={(e) => set('year', e.target.value)}
              data-testid="edit-year"
            />
          </Field>
          <Field label={t('ingest.edit.comparator')} htmlFor={`${id}-cmp`}>
            <select
              id={`${id}-cmp`}
              className="input"
              value={edit.comparator}
              onChange={(e) => set('comparator', e.target.value as Comparator)}
              data-testid="edit-comparator"
            >
              {COMPARATOR_CHOICES.map((c) => (
                <option key={c} value={c}>
                  {label('cmpName', c)}
                </option>
              ))}
            </select>
          </Field>
          {needs(
            edit.comparator,
            'at_least',
            'at_most',
            'exactly',
            'share',
            'annual_growth',
            'cumulative_change',
            'increase_by',
          ) && (
            <Field
              label={
                edit.comparator === 'share'
                  ? t('ingest.edit.sharePercent')
                  : needs(edit.comparator, 'annual_growth', 'cumulative_change')
                    ? unit
                      ? t('ingest.edit.reachingUnit', { unit })
                      : t('ingest.edit.reaching')
                    : unit
                      ? t('ingest.edit.valueUnit', { unit })
                      : t('ingest.edit.value')
              }
              htmlFor={`${id}-v`}
              problems={at(problems, 'target.value')}
            >
              <input
                id={`${id}-v`}
                className="input"
                inputMode="decimal"
                value={edit.value}
                onChange={(e) => set('value', e.target.value)}
                data-testid="edit-value"
              />
            </Field>
          )}
          {edit.comparator === 'range' && (
            <>
              <Field label={t('ingest.edit.min')} htmlFor={`${id}-min`} problems={at(problems, 'target.min')}>
                <input
                  id={`${id}-min`}
                  className="input"
                  inputMode="decimal"
                  value={edit.min}
                  onChange={(e) => set('min', e.target.value)}
                  data-testid="edit-min"
                />
              </Field>
              <Field label={t('ingest.edit.max')} htmlFor={`${id}-max`} problems={at(problems, 'target.max')}>
                <input
                  id={`${id}-max`}
                  className="input"
                  inputMode="decimal"
                  value={edit.max}
                  onChange={(e) => set('max', e.target.value)}
                  data-testid="edit-max"
                />
              </Field>
            </>
          )}
          {needs(edit.comparator, 'annual_growth', 'cumulative_change') && (
            <Field label={t('ingest.edit.rate')} htmlFor={`${id}-r`} problems={at(problems, 'target.rate')}>
              <input
                id={`${id}-r`}
                className="input"
                inputMode="decimal"
                value={edit.rate}
                onChange={(e) => set('rate', e.target.value)}
                data-testid="edit-rate"
              />
            </Field>
          )}
          {needs(edit.comparator, 'share', 'exceeds_growth_of', 'growth_in_step_with') && (
            <Field label={t('ingest.edit.reference')} htmlFor={`${id}-ref`} problems={at(problems, 'target.reference')}>
              <select
                id={`${id}-ref`}
                className="input"
                value={edit.reference}
                onChange={(e) => set('reference', e.target.value)}
                data-testid="edit-reference"
              >
                <option value="">{edit.comparator === 'share' ? t('ingest.edit.none') : t('ingest.edit.choose')}</option>
                {indicators.map((i) => (
                  <option key={i.code} value={i.code}>
                    {indName(i.code)}
                    {lang === 'en' ? ` · ${i.code}` : ''}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
        <Field
          label={edit.comparator === 'qualitative' ? t('ingest.edit.textRequired') : t('ingest.edit.text')}
          htmlFor={`${id}-tx`}
          problems={at(problems, 'target.text')}
          wide
        >
          <textarea
            id={`${id}-tx`}
            className="input"
            rows={2}
            value={edit.text}
            onChange={(e) => set('text', e.target.value)}
            data-testid="edit-text"
          />
        </Field>
        <Field label={t('target.note')} htmlFor={`${id}-note`} wide>
          <input
            id={`${id}-note`}
            className="input"
            value={edit.note}
            onChange={(e) => set('note', e.target.value)}
            data-testid="edit-note"
          />
        </Field>
      </fieldset>

      <EditorActions onCancel={onCancel} />
    </form>
  );
}

/** Chosen org units as removable chips, and a select to add one. */
function UnitPicker({
  id,
  units,
  value,
  onChange,
  testId,
}: {
  id: string;
  units: readonly OrgUnit[];
  value: string[];
  onChange: (codes: string[]) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const name = (code: string) => units.find((u) => u.code === code)?.name ?? code;
  return (
    <div className="unit-picker">
      {value.length > 0 && (
        <ul className="chip-list" data-testid={`${testId}-chosen`}>
          {value.map((code) => (
            <li key={code} className="chip chip-removable">
              {name(code)}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('ingest.edit.removeUnit', { name: name(code) })}
                onClick={() => onChange(value.filter((c) => c !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <select
        id={id}
        className="input"
        value=""
        onChange={(e) => {
          const code = e.target.value;
          if (code && !value.includes(code)) onChange([...value, code]);
        }}
        data-testid={testId}
      >
        <option value="">{t('ingest.edit.addUnit')}</option>
        <OrgUnitOptions units={units.filter((u) => !value.includes(u.code))} />
      </select>
    </div>
  );
}

interface TaskEditorProps {
  edit: TaskEdit;
  catalogues: Catalogues;
  onSave: (edit: TaskEdit) => void;
  onCancel: () => void;
}

export function TaskEditor({ edit: initial, catalogues, onSave, onCancel }: TaskEditorProps) {
  const { t } = useI18n();
  const id = useId();
  const [edit, setEdit] = useState<TaskEdit>(initial);
  const [problems, setProblems] = useState<Problem[]>([]);
  const set = <K extends keyof TaskEdit>(key: K, value: TaskEdit[K]) => setEdit((e) => ({ ...e, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkTask(edit);
    setProblems(found);
    if (found.length === 0) onSave(edit);
  };

  return (
    <form className="cand-editor" onSubmit={submit} data-testid="task-editor" noValidate>
      <Field label={t('ingest.edit.taskText')} htmlFor={`${id}-text`} problems={at(problems, 'text')} wide>
        <textarea
          id={`${id}-text`}
          className="input"
          rows={3}
          value={edit.text}
          onChange={(e) => set('text', e.target.value)}
          data-testid="edit-task-text"
        />
      </Field>
      <div className="editor-grid">
        <Field label={t('task.lead')} htmlFor={`${id}-lead`}>
          <UnitPicker
            id={`${id}-lead`}
            units={catalogues.orgUnits}
            value={edit.lead}
            onChange={(v) => set('lead', v)}
            testId="edit-lead"
          />
        </Field>
        <Field label={t('task.co')} htmlFor={`${id}-co`}>
          <UnitPicker
            id={`${id}-co`}
            units={catalogues.orgUnits}
            value={edit.co}
            onChange={(v) => set('co', v)}
            testId="edit-co"
          />
        </Field>
        <Field label={t('task.responsible')} htmlFor={`${id}-resp`}>
          <input
            id={`${id}-resp`}
            className="input"
            value={edit.responsibleText}
            onChange={(e) => set('responsibleText', e.target.value)}
            data-testid="edit-responsible"
          />
        </Field>
        <Field label={t('ingest.edit.deadline')} htmlFor={`${id}-dl`} problems={at(problems, 'deadline')}>
          <input
            id={`${id}-dl`}
            className="input input-year"
            placeholder="2025 / 2025-12-31"
            value={edit.deadline}
            onChange={(e) => set('deadline', e.target.value)}
            data-testid="edit-deadline"
          />
        </Field>
      </div>
      <EditorActions onCancel={onCancel} />
    </form>
  );
}
