import type { FormEvent, ReactNode } from 'react';
import { useAction } from '../api/useAction.ts';
import { ErrorMessage } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { tasksApi } from './tasksApi.ts';

/** A small form that runs `submit`, shows its error, and reloads the task when it succeeds. */
export function ActionForm({
  title,
  testId,
  submit,
  children,
}: {
  title: string;
  testId: string;
  submit: () => Promise<unknown>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(submit);
  };
  return (
    <form className="task-form" data-testid={testId} onSubmit={onSubmit}>
      <h3>{title}</h3>
      {children}
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid={`${testId}-submit`}>
        {t('tasks.detail.submit')}
      </button>
    </form>
  );
}

interface FieldProps {
  label: string;
  /** Left out where no test needs to find the field (React then renders no attribute). */
  testId?: string;
  value: string;
  onChange: (value: string) => void;
}

/** A required, labelled textarea. */
export function TextAreaField({ label, testId, value, onChange }: FieldProps) {
  return (
    <label className="form-field">
      {label}
      <textarea className="input" required data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** A required, labelled single-line input: free text (no `type`) or a date. */
export function InputField({ label, testId, value, onChange, type }: FieldProps & { type?: 'date' }) {
  return (
    <label className="form-field">
      {label}
      <input
        className="input"
        type={type}
        required
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** The "attachments" file picker of the posting forms. */
export function FilesField({ testId, onChange }: { testId?: string; onChange: (files: FileList | null) => void }) {
  const { t } = useI18n();
  return (
    <label className="form-field">
      {t('tasks.detail.attach')}
      <input type="file" multiple data-testid={testId} onChange={(e) => onChange(e.target.files)} />
    </label>
  );
}

/** Uploads the picked files one by one and returns their attachment ids, in order. */
export async function uploadAll(files: FileList | null): Promise<string[]> {
  const ids: string[] = [];
  for (const f of Array.from(files ?? [])) ids.push((await tasksApi.upload(f)).id);
  return ids;
}
