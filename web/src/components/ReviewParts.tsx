import type { RefObject } from 'react';
import type { Draft } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { PlacedProblem } from '../ingest/reviewModel.ts';
import { fieldLabel } from './CandidateCards.tsx';
import { Fact } from './Fact.tsx';

/* Parts of the review page that only show what the page computed. */

export type Tally = { accepted: number; rejected: number; pending: number; total: number };

export function ReviewHeader({ draft, targets, tasks }: { draft: Draft; targets: Tally; tasks: Tally }) {
  const { t, count } = useI18n();
  const tally = (x: Tally) =>
    t('ingest.review.tally', { n: count(x.total), a: count(x.accepted), r: count(x.rejected), p: count(x.pending) });
  return (
    <header className="page-head plan-head">
      <p className="eyebrow">{t('ingest.review.eyebrow')}</p>
      <h1 id="review-heading">{draft.fileName}</h1>
      <dl className="facts facts-inline" data-testid="review-counts">
        <Fact term="ingest.review.targets">{tally(targets)}</Fact>
        <Fact term="ingest.review.tasks">{tally(tasks)}</Fact>
        <Fact term="ingest.review.length">{t('ingest.review.chars', { n: count(draft.text.length) })}</Fact>
      </dl>
    </header>
  );
}

/** The merge's problems, each with where it is and a link to its candidate. */
export function MergeProblems({
  problems,
  where,
  onGo,
  errorsRef,
}: {
  problems: PlacedProblem[];
  where: (p: PlacedProblem) => string | null;
  onGo: (candidateId: string) => void;
  errorsRef: RefObject<HTMLDivElement | null>;
}) {
  const { t, lang, count } = useI18n();
  if (problems.length === 0) return null;
  return (
    <div className="merge-errors" data-testid="merge-errors" role="alert" tabIndex={-1} ref={errorsRef}>
      <p className="merge-errors-title">
        <strong>{t('ingest.merge.failed', { n: count(problems.length) })}</strong>
      </p>
      <ul>
        {problems.map((p, i) => {
          const at = where(p);
          return (
            <li key={i} data-testid="merge-error" data-candidate={p.candidateId}>
              {at && <span className="problem-where">{at}</span>}
              {p.subField && p.candidateId && <span className="problem-field">{fieldLabel(p.subField, t)}</span>}
              {p.subField && !p.candidateId && p.subField.startsWith('plan.') && (
                <span className="problem-field">{fieldLabel(p.subField, t)}</span>
              )}
              {!at && p.field !== '(root)' && <code className="problem-path">{p.field}</code>}
              <span>{lang === 'zh' ? p.zh : p.en}</span>
              {p.candidateId && (
                <button type="button" className="link-button problem-go" onClick={() => onGo(p.candidateId!)}>
                  {t('ingest.merge.goTo')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export type Filter = 'all' | 'pending' | 'accepted' | 'rejected';
const FILTERS: readonly Filter[] = ['all', 'pending', 'accepted', 'rejected'];

export function ReviewToolbar({
  highConfidence,
  filter,
  onFilter,
  onAcceptHigh,
  notice,
}: {
  highConfidence: number;
  filter: Filter;
  onFilter: (f: Filter) => void;
  onAcceptHigh: () => void;
  notice: { accepted: number; skipped: number } | null;
}) {
  const { t, count } = useI18n();
  return (
    <div className="review-toolbar">
      <button type="button" className="btn" onClick={onAcceptHigh} data-testid="accept-high-confidence">
        {t('ingest.bulk.acceptHigh', { pct: Math.round(highConfidence * 100) })}
      </button>
      <div className="segmented" role="group" aria-label={t('ingest.filter.label')}>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            className={`segment${filter === f ? ' is-on' : ''}`}
            aria-pressed={filter === f}
            onClick={() => onFilter(f)}
            data-testid={`filter-${f}`}
          >
            {t(`ingest.filter.${f}`)}
          </button>
        ))}
      </div>
      {notice && (
        <p className="review-notice" role="status" data-testid="bulk-notice">
          {notice.skipped > 0
            ? t('ingest.bulk.doneSkipped', { n: count(notice.accepted), skipped: count(notice.skipped) })
            : t('ingest.bulk.done', { n: count(notice.accepted) })}
        </p>
      )}
    </div>
  );
}

/** Each kind of highlight in the document and what it marks. */
const LEGEND = [
  ['hl-target hl-pending', 'ingest.kind.target'],
  ['hl-task hl-pending', 'ingest.kind.task'],
  ['hl-target hl-accepted', 'ingest.state.accepted'],
  ['hl-target hl-rejected', 'ingest.state.rejected'],
] as const;

/** The legend of the document's highlights. */
export function DocLegend() {
  const { t } = useI18n();
  return (
    <ul className="hl-legend" aria-label={t('ingest.doc.legend')}>
      {LEGEND.map(([highlight, key]) => (
        <li key={key}>
          <mark className={`hl ${highlight}`}>{t(key)}</mark>
        </li>
      ))}
    </ul>
  );
}
