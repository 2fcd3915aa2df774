import type { Comparator, Indicator, Nature } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { COMPARATOR_CHOICES, NEW_INDICATOR, type Catalogues, type Problem, type TargetEdit } from '../ingest/reviewModel.ts';
import { at, Field, InputField } from './EditorField.tsx';
import { NewScopeButton, type CatalogueEntry } from './NewScopeForm.tsx';
import { ScopeKindOptions, ScopeOptions } from './ScopeOptions.tsx';
import { LabelOptions } from './LabelOptions.tsx';

/* The three groups of the target editor: indicator, scope, values. */

type SetField = <K extends keyof TargetEdit>(key: K, value: TargetEdit[K]) => void;

interface GroupProps {
  /** The editor's id, the fields' ids start with it. */
  id: string;
  edit: TargetEdit;
  problems: Problem[];
  set: SetField;
}

/** The indicator, chosen from the catalogue or described as a new one. */
export function IndicatorGroup({
  id,
  edit,
  problems,
  set,
  setNew,
  indicators,
  statedUnit,
}: GroupProps & {
  setNew: (key: keyof TargetEdit['newIndicator'], value: string) => void;
  /** The catalogue's indicators in the order they are offered. */
  indicators: Indicator[];
  statedUnit?: string;
}) {
  const { t, lang } = useI18n();
  return (
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
          <InputField
            label={t('ingest.edit.newName')}
            id={`${id}-nn`}
            problems={at(problems, 'newIndicator.name')}
            value={edit.newIndicator.name}
            onChange={(v) => setNew('name', v)}
            testId="edit-new-name"
          />
          <InputField
            label={t('ingest.edit.newNameEn')}
            id={`${id}-ne`}
            problems={at(problems, 'newIndicator.nameEn')}
            lang="en"
            value={edit.newIndicator.nameEn}
            onChange={(v) => setNew('nameEn', v)}
            testId="edit-new-name-en"
          />
          <InputField
            label={t('ingest.edit.newCode')}
            id={`${id}-nc`}
            problems={at(problems, 'newIndicator.code')}
            className="input input-code"
            value={edit.newIndicator.code}
            placeholder="DIGITAL_CORE_VALUE_ADDED"
            onChange={(v) => setNew('code', v)}
            testId="edit-new-code"
          />
          <InputField
            label={t('ingest.edit.newUnit')}
            id={`${id}-nu`}
            problems={at(problems, 'newIndicator.unit')}
            value={edit.newIndicator.unit}
            placeholder={statedUnit}
            onChange={(v) => setNew('unit', v)}
            testId="edit-new-unit"
          />
        </div>
      )}
    </fieldset>
  );
}

/** Where the target applies (an org unit or group, or the plan's default) and its nature. */
export function ScopeGroup({
  id,
  edit,
  problems,
  set,
  setEdit,
  catalogues,
  planScopeName,
  scopeMention,
  onCatalogueEntry,
}: GroupProps & {
  setEdit: (change: (e: TargetEdit) => TargetEdit) => void;
  catalogues: Catalogues;
  planScopeName: string | null;
  scopeMention: string;
  onCatalogueEntry: (entry: CatalogueEntry) => void;
}) {
  const { t } = useI18n();
  return (
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
            <ScopeKindOptions />
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
            <ScopeOptions kind={edit.scopeKind} catalogues={catalogues} />
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
  );
}

const needs = (c: Comparator, ...list: Comparator[]) => list.includes(c);

/** The baseline, the year, the comparator and the figures it asks for, the text and a note. */
export function ValuesGroup({
  id,
  edit,
  problems,
  set,
  unit,
  indicators,
  indName,
}: GroupProps & {
  /** The indicator's unit, '' when it has none. */
  unit: string;
  indicators: Indicator[];
  indName: (code: string) => string;
}) {
  const { t, lang } = useI18n();
  const valueLabel =
    edit.comparator === 'share'
      ? t('ingest.edit.sharePercent')
      : needs(edit.comparator, 'annual_growth', 'cumulative_change')
        ? unit
          ? t('ingest.edit.reachingUnit', { unit })
          : t('ingest.edit.reaching')
        : unit
          ? t('ingest.edit.valueUnit', { unit })
          : t('ingest.edit.value');
  /** A decimal figure of the target. */
  const figure = (key: 'value' | 'min' | 'max' | 'rate', text: string, suffix: string) => (
    <InputField
      label={text}
      id={`${id}-${suffix}`}
      problems={at(problems, `target.${key}`)}
      inputMode="decimal"
      value={edit[key]}
      onChange={(v) => set(key, v)}
      testId={`edit-${key}`}
    />
  );
  return (
    <fieldset className="editor-group">
      <legend>{t('ingest.edit.values')}</legend>
      <div className="editor-grid">
        <InputField
          label={t('ingest.edit.baselineYear')}
          id={`${id}-by`}
          problems={at(problems, 'baseline.year')}
          className="input input-year"
          inputMode="numeric"
          value={edit.baselineYear}
          onChange={(v) => set('baselineYear', v)}
          testId="edit-baseline-year"
        />
        <InputField
          label={unit ? t('ingest.edit.baselineValueUnit', { unit }) : t('ingest.edit.baselineValue')}
          id={`${id}-bv`}
          problems={at(problems, 'baseline.value')}
          inputMode="decimal"
          value={edit.baselineValue}
          onChange={(v) => set('baselineValue', v)}
          testId="edit-baseline-value"
        />
        <InputField
          label={t('ingest.edit.year')}
          id={`${id}-y`}
          problems={at(problems, 'target.year')}
          className="input input-year"
          inputMode="numeric"
          value={edit.year}
          onChange={(v) => set('year', v)}
          testId="edit-year"
        />
        <Field label={t('ingest.edit.comparator')} htmlFor={`${id}-cmp`}>
          <select
            id={`${id}-cmp`}
            className="input"
            value={edit.comparator}
            onChange={(e) => set('comparator', e.target.value as Comparator)}
            data-testid="edit-comparator"
          >
            <LabelOptions family="cmpName" codes={COMPARATOR_CHOICES} />
          </select>
        </Field>
        {needs(edit.comparator, 'at_least', 'at_most', 'exactly', 'share', 'annual_growth', 'cumulative_change', 'increase_by') &&
          figure('value', valueLabel, 'v')}
        {edit.comparator === 'range' && (
          <>
            {figure('min', t('ingest.edit.min'), 'min')}
            {figure('max', t('ingest.edit.max'), 'max')}
          </>
        )}
        {needs(edit.comparator, 'annual_growth', 'cumulative_change') && figure('rate', t('ingest.edit.rate'), 'r')}
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
  );
}
