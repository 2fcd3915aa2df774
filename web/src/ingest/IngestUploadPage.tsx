import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canDefinePlans } from '../auth/permissions.ts';
import { NoRightsPage } from '../components/NoRightsPage.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { ErrorMessage } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { decodeTextFile } from './reviewModel.ts';
import { href, navigate } from '../router.ts';

const ACCEPTED = /\.(txt|docx|pdf)$/i;

function UploadError({ error }: { error: unknown }) {
  const { t } = useI18n();
  return <ErrorMessage error={error} title={t('ingest.upload.failed')} testId="ingest-error" />;
}

export function NoIngestRights() {
  const { t } = useI18n();
  return <NoRightsPage title={t('ingest.heading')} note={t('ingest.forbidden')} testId="ingest-forbidden" />;
}

/** 导入规划: a plan document (file or pasted text) goes to the extractor, then to review. */
export function IngestUploadPage() {
  const me = useMe();
  const { t, count } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [pasteName, setPasteName] = useState('');
  const [pasteText, setPasteText] = useState('');
  const [busy, setBusy] = useState<'file' | 'paste' | null>(null);
  const [error, setError] = useState<unknown>(null);

  if (!canDefinePlans(me)) return <NoIngestRights />;

  const send = async (which: 'file' | 'paste', fileName: string, body: () => Promise<Blob | string>) => {
    setBusy(which);
    setError(null);
    try {
      const draft = await api.uploadDraft(fileName, await body());
      navigate(href('ingest', String(draft.id)));
    } catch (err) {
      setError(err);
      setBusy(null);
    }
  };

  const uploadFile = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    if (!ACCEPTED.test(file.name)) {
      setError(new Error(t('ingest.upload.wrongType')));
      return;
    }
    // Text files are decoded here (UTF-8, UTF-16 or GB18030) and sent as UTF-8 text.
    const isText = /\.txt$/i.test(file.name);
    void send('file', file.name, async () => (isText ? decodeTextFile(new Uint8Array(await file.arrayBuffer())) : file));
  };

  const uploadPaste = (e: FormEvent) => {
    e.preventDefault();
    if (!pasteText.trim()) return;
    const base = (pasteName.trim() || t('ingest.paste.defaultName')).replace(/[\\/:*?"<>|]+/g, '-').replace(/\.txt$/i, '');
    void send('paste', `${base.slice(0, 190)}.txt`, async () => pasteText);
  };

  return (
    <section className="page ingest-upload" aria-labelledby="ingest-heading">
      <PageHead id="ingest-heading" title={t('ingest.heading')} intro={t('ingest.intro')} />
      <ol className="ingest-steps">
        <li className="is-current">{t('ingest.step.upload')}</li>
        <li>{t('ingest.step.review')}</li>
        <li>{t('ingest.step.merge')}</li>
      </ol>

      {error !== null && <UploadError error={error} />}

      <div className="upload-grid">
        <form className="panel upload-panel" onSubmit={uploadFile} aria-labelledby={`${id}-file-h`}>
          <h2 id={`${id}-file-h`} className="panel-title">
            {t('ingest.upload.title')}
          </h2>
          <p className="panel-note">{t('ingest.upload.note')}</p>
          <label className="file-drop" htmlFor={`${id}-file`}>
            <input
              id={`${id}-file`}
              type="file"
              className="file-input"
              accept=".txt,.docx,.pdf"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setError(null);
              }}
              data-testid="ingest-file"
            />
            {file ? (
              <span className="file-chosen">
                <strong>{file.name}</strong>
                <span className="muted">{t('ingest.upload.size', { kb: count(Math.max(1, Math.round(file.size / 1024))) })}</span>
              </span>
            ) : (
              <span className="muted">{t('ingest.upload.choose')}</span>
            )}
          </label>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={!file || busy !== null} data-testid="ingest-upload">
              {busy === 'file' ? t('ingest.upload.busy') : t('ingest.upload.submit')}
            </button>
          </div>
        </form>

        <form className="panel upload-panel" onSubmit={uploadPaste} aria-labelledby={`${id}-paste-h`}>
          <h2 id={`${id}-paste-h`} className="panel-title">
            {t('ingest.paste.title')}
          </h2>
          <div className="form-field">
            <label htmlFor={`${id}-pname`}>{t('ingest.paste.name')}</label>
            <input
              id={`${id}-pname`}
              className="input"
              value={pasteName}
              placeholder={t('ingest.paste.defaultName')}
              onChange={(e) => setPasteName(e.target.value)}
              data-testid="ingest-paste-name"
            />
          </div>
          <div className="form-field">
            <label htmlFor={`${id}-ptext`}>{t('ingest.paste.text')}</label>
            <textarea
              id={`${id}-ptext`}
              className="input paste-text"
              rows={10}
              value={pasteText}
              placeholder={t('ingest.paste.placeholder')}
              onChange={(e) => setPasteText(e.target.value)}
              data-testid="ingest-paste-text"
            />
          </div>
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={!pasteText.trim() || busy !== null}
              data-testid="ingest-paste-submit"
            >
              {busy === 'paste' ? t('ingest.upload.busy') : t('ingest.paste.submit')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
