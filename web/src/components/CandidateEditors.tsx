import { useId, useMemo, useState, type FormEvent } from 'react';
import type { OrgUnit } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import {
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
import { at, EditorActions, Field, InputField } from './EditorField.tsx';
import type { CatalogueEntry } from './NewScopeForm.tsx';
import { OrgUnitOptions } from './OrgUnitOptions.tsx';
import { IndicatorGroup, ScopeGroup, ValuesGroup } from './TargetEditorFields.tsx';

export { OrgUnitOptions };

/* Inline forms for changing a candidate before it is accepted. */

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
  const { lang } = useI18n();
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
      <IndicatorGroup
        id={id}
        edit={edit}
        problems={problems}
        set={set}
        setNew={setNew}
        indicators={indicators}
        statedUnit={statedUnit}
      />
      <ScopeGroup
        id={id}
        edit={edit}
        problems={problems}
        set={set}
        setEdit={setEdit}
        catalogues={catalogues}
        planScopeName={planScopeName}
        scopeMention={scopeMention}
        onCatalogueEntry={onCatalogueEntry}
      />
      <ValuesGroup id={id} edit={edit} problems={problems} set={set} unit={unit} indicators={indicators} indName={indName} />
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
        <InputField
          label={t('task.responsible')}
          id={`${id}-resp`}
          value={edit.responsibleText}
          onChange={(v) => set('responsibleText', v)}
          testId="edit-responsible"
        />
        <InputField
          label={t('ingest.edit.deadline')}
          id={`${id}-dl`}
          problems={at(problems, 'deadline')}
          className="input input-year"
          placeholder="2025 / 2025-12-31"
          value={edit.deadline}
          onChange={(v) => set('deadline', v)}
          testId="edit-deadline"
        />
      </div>
      <EditorActions onCancel={onCancel} />
    </form>
  );
}
