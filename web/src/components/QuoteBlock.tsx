import { useEffect, useId, useState } from 'react';
import { api } from '../api/client.ts';
import type { PlanSource, SourceRef } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorMessage, Loading } from './Status.tsx';
import { flattenBreaks } from '../text/reflow.ts';

/** Characters of source text shown on each side of the quote. */
const CONTEXT_CHARS = 100;

interface QuoteBlockProps {
  source: SourceRef;
  /** Plan the quoting target or task belongs to; the quote may come from another plan. */
  planId: string;
  testId?: string;
}

export interface QuoteContext {
  before: string;
  quote: string;
  after: string;
  clippedStart: boolean;
  clippedEnd: boolean;
}

/** Cuts the quote and ~200 characters around it out of the source; null if it cannot be placed. */
export function quoteContext(text: string, source: Pick<SourceRef, 'quote' | 'start' | 'end'>): QuoteContext | null {
  let start = source.start;
  let end = source.end;
  if (start === null || end === null || start < 0 || end > text.length || end < start) {
    const at = text.indexOf(source.quote);
    if (at < 0) return null;
    start = at;
    end = at + source.quote.length;
  }
  const from = Math.max(0, start - CONTEXT_CHARS);
  const to = Math.min(text.length, end + CONTEXT_CHARS);
  return {
    before: text.slice(from, start),
    quote: text.slice(start, end),
    after: text.slice(end, to),
    clippedStart: from > 0,
    clippedEnd: to < text.length,
  };
}

type SourceState = { status: 'loading' } | { status: 'ok'; source: PlanSource } | { status: 'error'; error: unknown };

export function QuoteBlock({ source, planId, testId = 'target-quote' }: QuoteBlockProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<SourceState>({ status: 'loading' });
  const contextId = useId();
  const sourcePlan = source.plan || planId;

  useEffect(() => {
    if (!open) return;
    let live = true;
    setState({ status: 'loading' });
    api.source(sourcePlan).then(
      (s) => live && setState({ status: 'ok', source: s }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [open, sourcePlan, attempt]);

  const ctx = state.status === 'ok' ? quoteContext(state.source.text, source) : null;

  return (
    <figure className="quote" data-testid={testId}>
      <blockquote className="quote-text" cite={`#/plans/${encodeURIComponent(sourcePlan)}`}>
        <p>{source.quote}</p>
      </blockquote>
      <figcaption className="quote-caption">
        <span className="quote-section">
          {source.section && <cite>{source.section}</cite>}
          {sourcePlan !== planId && <span className="quote-plan">{t('quote.otherPlan', { plan: sourcePlan })}</span>}
        </span>
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls={contextId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('quote.hide') : t('quote.show')}
        </button>
      </figcaption>
      {open && (
        <div className="quote-context" id={contextId} role="region" aria-label={t('quote.contextLabel')}>
          {state.status === 'loading' && <Loading label={t('quote.loading')} />}
          {state.status === 'error' && <ErrorMessage error={state.error} onRetry={() => setAttempt((a) => a + 1)} />}
          {state.status === 'ok' &&
            (ctx ? (
              <p className="quote-context-text">
                {ctx.clippedStart && '…'}
                {flattenBreaks(ctx.before)}
                <mark>{flattenBreaks(ctx.quote)}</mark>
                {flattenBreaks(ctx.after)}
                {ctx.clippedEnd && '…'}
              </p>
            ) : (
              <p className="status status-empty">{t('quote.notLocated')}</p>
            ))}
        </div>
      )}
    </figure>
  );
}
