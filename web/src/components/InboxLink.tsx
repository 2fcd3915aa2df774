import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href, useRoute } from '../router.ts';

/** Fired by the inbox page after marking read, so the header count follows without another request. */
const INBOX_CHANGED = 'plantrack:inbox-changed';

export function announceUnread(unread: number): void {
  window.dispatchEvent(new CustomEvent<number>(INBOX_CHANGED, { detail: unread }));
}

function Bell() {
  return (
    <svg className="inbox-bell" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z"
      />
    </svg>
  );
}

/**
 * 消息 with the unread count. The count is asked again whenever the page changes (one cheap request:
 * limit=1, the server counts), and follows the inbox page's own changes at once.
 */
export function InboxLink({ current }: { current: string | undefined }) {
  const { t, count } = useI18n();
  const page = useRoute().path;
  const [unread, setUnread] = useState<number | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    api.inbox({ unread: true, limit: 1 }, ctrl.signal).then(
      (r) => setUnread(r.unread),
      // The count is a hint: a failure leaves the last one shown (a 401 is handled by the app).
      () => undefined,
    );
    return () => ctrl.abort();
  }, [page]);

  useEffect(() => {
    const onChange = (e: Event) => setUnread((e as CustomEvent<number>).detail);
    window.addEventListener(INBOX_CHANGED, onChange);
    return () => window.removeEventListener(INBOX_CHANGED, onChange);
  }, []);

  const n = unread ?? 0;
  return (
    <a
      className="header-link inbox-link"
      href={href('inbox')}
      data-testid="nav-inbox"
      data-unread={unread ?? undefined}
      aria-current={current === 'inbox' ? 'page' : undefined}
      title={t('nav.inboxUnread', { n: count(n) })}
    >
      <Bell />
      {t('nav.inbox')}
      {n > 0 && (
        <span className="inbox-count" data-testid="inbox-count" aria-label={t('nav.inboxUnread', { n: count(n) })}>
          {n > 99 ? '99+' : count(n)}
        </span>
      )}
    </a>
  );
}
