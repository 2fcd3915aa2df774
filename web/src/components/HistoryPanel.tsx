import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { AuditEntity, AuditEntry } from '../api/types.ts';
import { useAsync } from '../api/useAsync.ts';
import { useI18n, type I18n } from '../i18n/I18nProvider.tsx';
import { AsyncView } from './AsyncView.tsx';
import { Empty } from './Status.tsx';
import { Fact } from './Fact.tsx';

/** How many items of a list value are spelled out before "等 N 项". */
const LIST_PREVIEW = 6;
/** Longest text shown for one value. */
const MAX_TEXT = 160;

/** Fields in the order a reader expects them; the database returns JSON keys in its own order. */
const FIELD_ORDER = [
  'username',
  'displayName',
  'orgUnit',
  'grants',
  'name',
  'scopes',
  'value',
  'version',
  'status',
  'file',
  'sections',
  'targets',
  'tasks',
  'actuals',
  'indicators',
  'groups',
  'orgUnits',
];

function fieldRank(key: string): number {
  const i = FIELD_ORDER.indexOf(key);
  return i < 0 ? FIELD_ORDER.length : i;
}

function clip(s: string): string {
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One value of a before/after record, compactly: lists are cut short, objects shown as JSON. */
function formatValue(v: unknown, i18n: I18n): string {
  if (v === null || v === undefined) return i18n.t('common.dash');
  if (typeof v === 'string') return clip(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return i18n.t('common.dash');
    const shown = v.slice(0, LIST_PREVIEW).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
    const text = shown.join(i18n.t('common.listSeparator'));
    return clip(v.length > LIST_PREVIEW ? `${text} ${i18n.t('history.moreItems', { n: i18n.count(v.length) })}` : text);
  }
  return clip(JSON.stringify(v));
}

/** Before/after of one entry: a row per field; with both sides, changed fields are marked. */
export function ChangeView({ before, after }: { before: unknown; after: unknown }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  if ((before === null || before === undefined) && (after === null || after === undefined))
    return <p className="change-none muted">{t('history.noDetail')}</p>;
  if (!isRecord(before) && !isRecord(after)) {
    return (
      <dl className="change-pairs">
        {before !== null && before !== undefined && <Fact term="history.before">{formatValue(before, i18n)}</Fact>}
        <Fact term="history.after">{formatValue(after, i18n)}</Fact>
      </dl>
    );
  }
  const b = isRecord(before) ? before : null;
  const a = isRecord(after) ? after : null;
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort((x, y) => fieldRank(x) - fieldRank(y));
  const both = b !== null && a !== null;
  return (
    <table className="change-table" data-testid="history-change">
      {both && (
        <thead>
          <tr>
            <th scope="col">{t('history.field')}</th>
            <th scope="col">{t('history.before')}</th>
            <th scope="col">{t('history.after')}</th>
          </tr>
        </thead>
      )}
      <tbody>
        {keys.map((k) => {
          const bv = b?.[k];
          const av = a?.[k];
          const changed = both && JSON.stringify(bv) !== JSON.stringify(av);
          return (
            <tr key={k} className={changed ? 'is-changed' : undefined}>
              <th scope="row">{label('auditField', k)}</th>
              {both ? (
                <>
                  <td className="change-before">{formatValue(bv, i18n)}</td>
                  <td className="change-after">{formatValue(av, i18n)}</td>
                </>
              ) : (
                <td className={a ? 'change-after' : 'change-before'}>
                  {!a && <span className="change-side">{t('history.before')}</span>}
                  {formatValue(a ? av : bv, i18n)}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function HistoryEntry({ entry }: { entry: AuditEntry }) {
  const { t, label, dateTime } = useI18n();
  return (
    <li className="history-entry" data-testid="history-entry" data-action={entry.action}>
      <div className="history-meta">
        <time className="history-time" dateTime={entry.at}>
          {dateTime(entry.at)}
        </time>
        <span className={`badge badge-action action-${entry.action}`} data-testid="history-action">
          {label('auditAction', entry.action)}
        </span>
        <span className="history-actor">
          <span className="muted">{t('history.actor')}</span> <strong>{entry.actor}</strong>
        </span>
        <span className="tag" title={t('history.via')}>
          {label('via', entry.via)}
        </span>
        {entry.ip && (
          <span className="muted history-ip">
            {t('history.ip')} {entry.ip}
          </span>
        )}
      </div>
      <ChangeView before={entry.before} after={entry.after} />
    </li>
  );
}

/** 修改记录: a record's history from the audit log, newest first. */
export function HistoryPanel({ entity, entityKey, onClose }: { entity: AuditEntity; entityKey: string; onClose: () => void }) {
  const { t, count } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const state = useAsync((signal) => api.audit(entity, entityKey, signal), [entity, entityKey, attempt]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="panel history-panel" aria-labelledby="history-heading" data-testid="history-panel">
      <div className="history-head">
        <h2 id="history-heading" className="panel-title" tabIndex={-1} ref={headingRef}>
          {t('history.heading')}
          {state.status === 'ok' && <span className="count-pill">{t('history.count', { n: count(state.data.length) })}</span>}
        </h2>
        <button type="button" className="btn btn-small" onClick={onClose} data-testid="history-close">
          {t('history.close')}
        </button>
      </div>
      <p className="panel-note">{t('history.intro')}</p>
      <AsyncView state={state} onRetry={() => setAttempt((a) => a + 1)}>
        {(entries) =>
          entries.length === 0 ? (
            <Empty>{t('history.empty')}</Empty>
          ) : (
            <ol className="history-list">
              {entries.map((e) => (
                <HistoryEntry key={e.id} entry={e} />
              ))}
            </ol>
          )
        }
      </AsyncView>
    </section>
  );
}
