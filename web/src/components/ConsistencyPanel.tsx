import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Target } from '../api/types.ts';
import { useAsync } from '../api/useAsync.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href, navigate } from '../router.ts';
import { ErrorMessage, Loading } from './Status.tsx';

/** Brings a target card of this page into view and flashes it. */
function revealTarget(key: string) {
  const card = document.querySelector(`[data-testid="target-card"][data-key="${CSS.escape(key)}"]`);
  if (!card) return false;
  card.scrollIntoView({ behavior: 'smooth', block: 'center' });
  card.classList.remove('flash');
  void (card as HTMLElement).offsetWidth;
  card.classList.add('flash');
  return true;
}

/**
 * 一致性检查: contradictions the platform finds between this plan's targets and any others (different
 * figures for one indicator, place and year; parts that cannot add up to the whole; units).
 * Collapsed by default; those the plans themselves record are marked 已记录.
 */
export function ConsistencyPanel({ planId, targets }: { planId: string; targets: readonly Target[] }) {
  const { t, lang, label, count } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const state = useAsync((signal) => api.consistency(planId, signal), [planId, attempt]);
  const items = state.status === 'ok' ? state.data : [];
  const open = items.filter((i) => !i.acknowledged).length;
  const byKey = new Map(targets.map((x) => [x.key, x]));

  const refLabel = (ref: string) => {
    const at = ref.indexOf(':');
    const plan = at > 0 ? ref.slice(0, at) : planId;
    const key = at > 0 ? ref.slice(at + 1) : ref;
    if (plan !== planId) return { plan, key, text: `${plan} · ${key}` };
    const target = byKey.get(key);
    const name = target ? (lang === 'en' && target.indicator.nameEn ? target.indicator.nameEn : target.indicator.name) : null;
    const scope = target?.orgUnit?.name ?? target?.group?.name;
    return { plan, key, text: name ? `${key} · ${name}${scope ? ` · ${scope}` : ''}` : key };
  };

  return (
    <details className="panel consistency-panel" data-testid="consistency-panel">
      <summary>
        <span className="consistency-title">{t('consistency.title')}</span>
        {state.status === 'ok' && (
          <span
            className={`count-pill${open > 0 ? ' count-pill-alert' : ''}`}
            data-testid="consistency-count"
            title={t('consistency.countTitle', { open, all: items.length })}
          >
            {count(items.length)}
          </span>
        )}
        {state.status === 'ok' && items.length === 0 && <span className="muted small">{t('consistency.none')}</span>}
      </summary>
      <p className="panel-note">{t('consistency.intro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} onRetry={() => setAttempt((a) => a + 1)} />}
      {state.status === 'ok' && items.length > 0 && (
        <ul className="consistency-list">
          {items.map((item, i) => (
            <li
              key={`${item.kind}:${item.targets.join('|')}:${i}`}
              className={`consistency-item${item.acknowledged ? ' is-acknowledged' : ''}`}
              data-testid="consistency-item"
              data-kind={item.kind}
            >
              <div className="consistency-head">
                <span className={`badge badge-issue issue-${item.kind}`}>{label('consistency.kind', item.kind)}</span>
                {item.acknowledged && (
                  <span className="badge badge-acknowledged" title={t('consistency.acknowledgedTitle')}>
                    {t('consistency.acknowledged')}
                  </span>
                )}
              </div>
              <p className="consistency-message">{lang === 'zh' ? item.messageZh : item.message}</p>
              <ul className="inline-list consistency-refs">
                {item.targets.map((ref) => {
                  const r = refLabel(ref);
                  return (
                    <li key={ref}>
                      {r.plan === planId ? (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => {
                            if (revealTarget(r.key)) return;
                            // Filtered out by the selected section: show the whole plan, then the card.
                            navigate(href('plans', planId));
                            window.setTimeout(() => revealTarget(r.key), 200);
                          }}
                        >
                          {r.text}
                        </button>
                      ) : (
                        <a href={href('plans', r.plan)}>{r.text}</a>
                      )}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
