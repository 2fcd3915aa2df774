import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { Inbox, InboxItem } from '../api/warningTypes.ts';
import { announceUnread } from '../components/InboxLink.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

type State = { status: 'loading' } | { status: 'ok'; inbox: Inbox } | { status: 'error'; error: unknown };

/** Only links inside the app are followed (the server writes them, but a link is still a link). */
const appLink = (link: string | null) => (link !== null && link.startsWith('#/') ? link : null);

function Item({ item, onRead, busy }: { item: InboxItem; onRead: () => void; busy: boolean }) {
  const { t, lang, label, date, dateTime } = useI18n();
  const link = appLink(item.link);
  const unread = item.readAt === null;
  return (
    <li
      className={`inbox-item${unread ? ' inbox-unread' : ''}`}
      data-testid="inbox-item"
      data-id={item.id}
      data-kind={item.kind}
      data-read={!unread}
    >
      <div className="inbox-item-head">
        <span className={`badge inbox-kind kind-${item.kind}`} data-testid="inbox-kind">
          {label('inbox.kind', item.kind)}
        </span>
        <h2 className="inbox-title">{lang === 'zh' ? item.title.zh : item.title.en}</h2>
        <time className="muted small" dateTime={item.createdAt}>
          {dateTime(item.createdAt)}
        </time>
      </div>
      <p className="inbox-body">{lang === 'zh' ? item.body.zh : item.body.en}</p>
      <div className="inbox-actions">
        {item.dueOn && <span className="muted small">{t('inbox.due', { date: date(item.dueOn) })}</span>}
        {link && (
          <a className="btn btn-small" href={link} data-testid="inbox-link">
            {t('inbox.open')}
          </a>
        )}
        {unread ? (
          <button type="button" className="btn btn-small" disabled={busy} onClick={onRead} data-testid="inbox-mark-read">
            {t('inbox.markRead')}
          </button>
        ) : (
          <span className="muted small">{t('inbox.read')}</span>
        )}
      </div>
    </li>
  );
}

/** 消息 (#/inbox): the signed-in user's notifications, newest first; mark one or all read. */
export function InboxPage() {
  const { t, count } = useI18n();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    api.inbox({ unread: onlyUnread, limit: 200 }, ctrl.signal).then(
      (inbox) => {
        if (ctrl.signal.aborted) return;
        setState({ status: 'ok', inbox });
        announceUnread(inbox.unread);
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => ctrl.abort();
  }, [onlyUnread, reload]);

  /** Applies a mark-read answer: the server's unread count, and the read time on the items concerned. */
  const act = async (call: () => Promise<{ unread: number }>, ids: 'all' | number) => {
    setBusy(true);
    setActionError(null);
    try {
      const { unread } = await call();
      const now = new Date().toISOString();
      setState((s) =>
        s.status !== 'ok'
          ? s
          : {
              status: 'ok',
              inbox: {
                unread,
                items: s.inbox.items.map((i) =>
                  i.readAt === null && (ids === 'all' || i.id === ids) ? { ...i, readAt: now } : i,
                ),
              },
            },
      );
      announceUnread(unread);
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  };

  const inbox = state.status === 'ok' ? state.inbox : null;
  return (
    <section className="page inbox-page" aria-labelledby="inbox-heading" data-testid="inbox-page">
      <PageHead id="inbox-heading" title={t('inbox.heading')} intro={t('inbox.intro')} />
      <div className="toolbar inbox-toolbar">
        <span className="count-pill" data-testid="inbox-unread" data-count={inbox?.unread ?? ''}>
          {t('inbox.unread', { n: count(inbox?.unread ?? 0) })}
        </span>
        <label className="inbox-filter">
          <input
            type="checkbox"
            checked={onlyUnread}
            onChange={(e) => setOnlyUnread(e.currentTarget.checked)}
            data-testid="inbox-only-unread"
          />{' '}
          {t('inbox.onlyUnread')}
        </label>
        <button
          type="button"
          className="btn"
          disabled={busy || !inbox || inbox.unread === 0}
          onClick={() => void act(() => api.markAllRead(), 'all')}
          data-testid="inbox-read-all"
        >
          {t('inbox.markAllRead')}
        </button>
      </div>
      {actionError !== null && <ErrorMessage error={actionError} />}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} onRetry={() => setReload((n) => n + 1)} />}
      {inbox &&
        (inbox.items.length === 0 ? (
          <Empty>{onlyUnread ? t('inbox.emptyUnread') : t('inbox.empty')}</Empty>
        ) : (
          <ul className="inbox-list" data-testid="inbox-list">
            {inbox.items.map((item) => (
              <Item key={item.id} item={item} busy={busy} onRead={() => void act(() => api.markRead(item.id), item.id)} />
            ))}
          </ul>
        ))}
    </section>
  );
}
