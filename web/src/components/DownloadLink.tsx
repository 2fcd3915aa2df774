import { useEffect, useState, type ReactNode } from 'react';
import { apiDownload, type DownloadProgress } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorDetail } from './Status.tsx';

/** Hands a file the page already holds to the browser to save. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the object URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type State = { kind: 'idle' } | { kind: 'busy'; since: number; progress: DownloadProgress } | { kind: 'failed'; error: unknown };

/**
 * A download the server may take seconds to build (the monitoring brief took 15 s with no sign of life,
 * issue 19 item 4). It stays a link — href and download, so it can be copied or saved with a right
 * click — but a click fetches the file while the link says what is happening (正在生成，已用 N 秒;
 * then 正在下载 and the share received when the size is known) and hands it over when complete. A
 * refused download says why beside the link instead of saving an error page as the file.
 */
export function DownloadLink({
  href,
  fallbackName,
  className,
  testId,
  children,
}: {
  href: string;
  /** File name when the server sends none. */
  fallbackName: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const { t, lang, count } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [, tick] = useState(0);
  const busy = state.kind === 'busy';

  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [busy]);

  const start = async () => {
    setState({ kind: 'busy', since: Date.now(), progress: { received: 0, total: null, started: false } });
    try {
      const { blob, fileName } = await apiDownload(href, (progress) =>
        setState((s) => (s.kind === 'busy' ? { ...s, progress } : s)),
      );
      saveBlob(blob, fileName ?? fallbackName);
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  return (
    <span className="download-link">
      <a
        className={className}
        href={href}
        download
        data-testid={testId}
        aria-busy={busy}
        onClick={(e) => {
          // A click with a modifier (new tab, save as) is the browser's own; a plain click fetches with progress.
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          if (!busy) void start();
        }}
      >
        {children}
      </a>
      {state.kind === 'busy' && (
        <span className="status status-loading" role="status" aria-live="polite" data-testid={testId && `${testId}-progress`}>
          <span className="spinner" aria-hidden="true" />
          {state.progress.started
            ? state.progress.total
              ? t('download.receiving', { pct: Math.floor((100 * state.progress.received) / state.progress.total) })
              : t('download.receivingBytes', { kb: count(Math.round(state.progress.received / 1024)) })
            : t('download.preparing', { s: Math.floor((Date.now() - state.since) / 1000) })}
        </span>
      )}
      {state.kind === 'failed' && (
        <span className="status status-error" role="alert" data-testid={testId && `${testId}-error`}>
          {t('download.failed', { reason: errorDetail(state.error, lang) })}
        </span>
      )}
    </span>
  );
}
