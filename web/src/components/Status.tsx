import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="status status-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  let detail: string;
  if (error instanceof ApiError) detail = lang === 'zh' ? error.messageZh : error.message;
  else if (error instanceof Error) detail = error.message;
  else detail = String(error);
  return (
    <div className="status status-error" role="alert">
      <strong>{t('common.error')}</strong>
      <span>{detail}</span>
      {onRetry && !(error instanceof ApiError && error.status >= 400 && error.status < 500) && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: string }) {
  return <p className="status status-empty">{children}</p>;
}
