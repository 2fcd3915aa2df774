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

/** The server's message in the page's language, or the error's own text. */
export function errorDetail(error: unknown, lang: string): string {
  if (error instanceof ApiError) return lang === 'zh' ? error.messageZh : error.message;
  return error instanceof Error ? error.message : String(error);
}

export function ErrorMessage({
  error,
  onRetry,
  title,
  testId,
}: {
  error: unknown;
  onRetry?: () => void;
  /** Heading instead of the generic 出错了. */
  title?: string;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const detail = errorDetail(error, lang);
  return (
    <div className="status status-error" role="alert" data-testid={testId}>
      <strong>{title ?? t('common.error')}</strong>
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
