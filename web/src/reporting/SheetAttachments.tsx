import { useId } from 'react';
import { api, apiRequest, type SheetKey } from '../api/client.ts';
import type { EntrySheet } from '../api/reportingTypes.ts';
import { useAction } from '../api/useAction.ts';
import { ErrorMessage } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

type Attachment = EntrySheet['attachments'][number];

/**
 * 附件 of a sheet (issue 18): the files the unit sends with its figures, listed for the reviewer on
 * the review view; the reporter adds them while the sheet can still be edited.
 */
export function SheetAttachments({
  sheetKey,
  files,
  canAdd,
  onChanged,
}: {
  sheetKey: SheetKey;
  files: readonly Attachment[];
  canAdd: boolean;
  onChanged?: (sheet: EntrySheet) => void;
}) {
  const { t, dateTime } = useI18n();
  const { busy, error, run } = useAction();
  const id = useId();

  const add = (file: File) =>
    run(async () => {
      const uploaded = await apiRequest<Attachment>('POST', '/attachments', {
        query: { name: file.name },
        raw: { body: file, contentType: file.type || 'application/octet-stream' },
      });
      onChanged?.(await api.attachToSheet(sheetKey, [uploaded.id]));
    });

  return (
    <section className="panel sheet-attachments" aria-labelledby={`${id}-h`} data-testid="sheet-attachments">
      <h2 id={`${id}-h`} className="panel-title">
        {t('reporting.attachments.title')}
      </h2>
      {files.length === 0 ? (
        <p className="muted">{t('reporting.attachments.none')}</p>
      ) : (
        <ul className="attachment-list">
          {files.map((f) => (
            <li key={f.id} data-testid="sheet-attachment">
              <a href={f.url} download={f.name}>
                {f.name}
              </a>{' '}
              <span className="muted small">{dateTime(f.uploadedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <div className="form-field">
          <label className="btn btn-small">
            {busy ? t('reporting.attachments.adding') : t('reporting.attachments.add')}
            <input
              type="file"
              className="visually-hidden"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void add(file);
              }}
              data-testid="attach-file"
            />
          </label>
          <p className="muted small">{t('reporting.attachments.hint')}</p>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} title={t('reporting.attachments.failed')} testId="attach-error" />}
    </section>
  );
}
