import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { Draft, TargetCandidate, TaskCandidate } from '../api/types.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canDefinePlans } from '../auth/permissions.ts';
import { AddCandidatePanel } from '../components/AddCandidatePanel.tsx';
import type { CatalogueEntry } from '../components/NewScopeForm.tsx';
import { ReviewHeader, ReviewToolbar, type Tally } from '../components/ReviewParts.tsx';
import type { DocMark, MarkState } from '../components/DocumentView.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CandidateLists, type CardCommon } from './CandidateLists.tsx';
import { PlanMergeForm } from './PlanMergeForm.tsx';
import { ReviewDocumentPanel } from './ReviewDocumentPanel.tsx';
import { useCandidateReveal } from './useCandidateReveal.ts';
import { useDraftMerge } from './useDraftMerge.ts';
import { placeInTitle } from './handCandidates.ts';
import { usePlanRescope } from './usePlanRescope.ts';
import { loadState, saveState } from './reviewStorage.ts';
import { useCandidateActions } from './useCandidateActions.ts';
import {
  HIGH_CONFIDENCE,
  NEW_INDICATOR,
  allTargets,
  allTasks,
  checkTarget,
  scopeName,
  suggestPlanId,
  type Catalogues,
  type CandidateReview,
  type PlacedProblem,
  type PlanScope,
  type ReviewState,
} from './reviewModel.ts';
import { href } from '../router.ts';
import { NoIngestRights } from './IngestUploadPage.tsx';
import { sameName } from '../text/sameName.ts';

const NO_PROBLEMS: PlacedProblem[] = [];

export function IngestReviewPage({ draftId }: { draftId: string }) {
  const me = useMe();
  const allowed = canDefinePlans(me);
  return allowed ? <LoadDraft draftId={draftId} /> : <NoIngestRights />;
}

function LoadDraft({ draftId }: { draftId: string }) {
  const { t } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const state = useAsync(
    async (signal) => {
      const [draft, indicators, orgUnits, groups] = await Promise.all([
        api.draft(draftId, signal),
        api.indicators(),
        api.orgUnits(),
        api.groups(),
      ]);
      return { draft, catalogues: { indicators, orgUnits, groups } };
    },
    [draftId, attempt],
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <section className="page">
        <nav className="breadcrumb" aria-label="breadcrumb">
          <a href={href('ingest')}>← {t('ingest.back')}</a>
        </nav>
        <ErrorMessage error={state.error} onRetry={() => setAttempt((a) => a + 1)} />
      </section>
    );
  return <DraftReview key={state.data.draft.id} draft={state.data.draft} catalogues={state.data.catalogues} />;
}

/** Catalogue entries created in the review join the pickers at once. */
function withEntry(c: Catalogues, entry: CatalogueEntry): Catalogues {
  return entry.kind === 'orgUnit'
    ? { ...c, orgUnits: [...c.orgUnits, entry.unit] }
    : { ...c, groups: [...c.groups, entry.group] };
}

function tally(list: Record<string, CandidateReview<unknown>>): Tally {
  const v = Object.values(list);
  return {
    total: v.length,
    accepted: v.filter((x) => x.decision === 'accepted').length,
    rejected: v.filter((x) => x.decision === 'rejected').length,
    pending: v.filter((x) => x.decision === 'pending').length,
  };
}

function DraftReview({ draft, catalogues: loaded }: { draft: Draft; catalogues: Catalogues }) {
  const { t } = useI18n();
  const [review, setReview] = useState<ReviewState>(() => loadState(draft));
  const reviewRef = useRef(review);
  reviewRef.current = review;
  const [catalogues, setCatalogues] = useState(loaded);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ accepted: number; skipped: number } | null>(null);
  const [passage, setPassage] = useState('');
  const { selected, setSelected, filter, setFilter, docRef, show } = useCandidateReveal(reviewRef);

  useEffect(() => saveState(draft, review), [draft, review]);

  const added = review.added;
  const targets = useMemo(() => allTargets(draft, { added }), [draft, added]);
  const tasks = useMemo(() => allTasks(draft, { added }), [draft, added]);
  const marks = useReviewMarks(targets, tasks);
  const states = useMarkStates(review);

  const selectFromCard = useCallback((id: string) => show(id, { card: false, doc: true }), [show]);
  const selectFromDoc = useCallback((id: string) => show(id, { card: true, doc: false }), [show]);
  const addToCatalogue = useCallback((entry: CatalogueEntry) => setCatalogues((c) => withEntry(c, entry)), []);
  const actions = useCandidateActions(draft, reviewRef, setReview, setEditing, setSelected, addToCatalogue);
  const edit = useCallback(
    (id: string | null) => {
      setEditing(id);
      if (id) setSelected(id);
    },
    [setSelected],
  );

  const { scopeKind: planScopeKind, scope: planScopeCode } = review.plan;
  // Only the scope matters here: typing the title must not redraw every card.
  const planScope = useMemo<PlanScope | null>(
    () => (planScopeCode ? { kind: planScopeKind, code: planScopeCode } : null),
    [planScopeKind, planScopeCode],
  );
  const planScopeLabel = useMemo(() => scopeName(planScope, catalogues), [planScope, catalogues]);
  const suggestedId = useMemo(
    () => suggestPlanId(review.plan.title, review.plan.periodStart, review.plan.periodEnd, catalogues.orgUnits),
    [review.plan.title, review.plan.periodStart, review.plan.periodEnd, catalogues.orgUnits],
  );
  const effective = useMemo<ReviewState>(
    () => ({ ...review, plan: { ...review.plan, id: review.plan.idTouched ? review.plan.id : suggestedId } }),
    [review, suggestedId],
  );

  const { changePlan, offer } = usePlanRescope(
    review,
    reviewRef,
    setReview,
    planScope,
    planScopeLabel,
    catalogues,
    actions.initialEdit,
  );

  const acceptHighConfidence = () => {
    const found = acceptConfident(draft, reviewRef.current, catalogues, planScope);
    setReview(found.state);
    setNotice({ accepted: found.accepted, skipped: found.skipped });
  };

  const { problems, merging, merge, errorsRef } = useDraftMerge(draft, effective, catalogues);

  const problemsById = useMemo(() => {
    const m = new Map<string, PlacedProblem[]>();
    for (const p of problems ?? []) if (p.candidateId) m.set(p.candidateId, [...(m.get(p.candidateId) ?? []), p]);
    return m;
  }, [problems]);

  const tt = tally(review.targets);
  const tk = tally(review.tasks);
  const shownTargets = targets.filter((c) => filter === 'all' || review.targets[c.id]?.decision === filter);
  const shownTasks = tasks.filter((c) => filter === 'all' || review.tasks[c.id]?.decision === filter);
  const merged = draft.acceptedPlanId;
  const named = placeInTitle(review.plan.title);
  // The place the title names, to start a new unit from, unless the catalogue has it.
  const titlePlace = catalogues.orgUnits.some((u) => sameName(u.name, named)) ? '' : named;
  const problemWhere = (p: PlacedProblem) => describeProblemPlace(p, targets, review, catalogues, t);
  const common: CardCommon = {
    catalogues,
    onSelect: selectFromCard,
    onDecide: actions.decide,
    onEdit: edit,
    onSave: actions.save,
    onRevert: actions.revert,
    onSplit: actions.split,
    onRemove: actions.remove,
  };

  return (
    <section className="page ingest-review" aria-labelledby="review-heading">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <a href={href('ingest')}>← {t('ingest.back')}</a>
      </nav>
      <ReviewHeader draft={draft} targets={tt} tasks={tk} />

      {merged && (
        <p className="status status-ok" role="status" data-testid="draft-merged">
          {t('ingest.alreadyMerged')} <a href={href('plans', merged)}>{merged}</a>
        </p>
      )}

      <PlanMergeForm
        plan={review.plan}
        suggestedId={suggestedId}
        catalogues={catalogues}
        problems={problems ?? NO_PROBLEMS}
        onChange={changePlan}
        titlePlace={titlePlace}
        onCatalogueEntry={addToCatalogue}
        rescope={offer}
        accepted={{ targets: tt.accepted, tasks: tk.accepted, indicators: countNewIndicators(review) }}
        merging={merging}
        merged={!!merged}
        onMerge={(e) => void merge(e)}
        where={problemWhere}
        onGo={(id) => show(id, { card: true, doc: true })}
        errorsRef={errorsRef}
      />

      <ReviewToolbar
        highConfidence={HIGH_CONFIDENCE}
        filter={filter}
        onFilter={setFilter}
        onAcceptHigh={acceptHighConfidence}
        notice={notice}
      />

      <div className="review-split">
        <ReviewDocumentPanel
          text={draft.text}
          docRef={docRef}
          marks={marks}
          states={states}
          selected={selected}
          onSelect={selectFromDoc}
          onPassage={setPassage}
        />

        <div className="review-list">
          <AddCandidatePanel text={draft.text} passage={passage} onPassage={setPassage} onAdd={actions.add} />
          <CandidateLists
            targets={shownTargets}
            tasks={shownTasks}
            review={review}
            common={common}
            planScope={planScope}
            planScopeName={planScopeLabel}
            selected={selected}
            editing={editing}
            problemsById={problemsById}
            onScopeCreated={actions.scopeCreated}
            onCatalogueEntry={addToCatalogue}
          />
        </div>
      </div>
    </section>
  );
}

/** Each candidate's decision, for its mark in the document. */
function useMarkStates(review: ReviewState): Record<string, MarkState> {
  const { targets, tasks } = review;
  return useMemo(() => {
    const out: Record<string, MarkState> = {};
    for (const [id, x] of Object.entries(targets)) out[id] = x.decision;
    for (const [id, x] of Object.entries(tasks)) out[id] = x.decision;
    return out;
  }, [targets, tasks]);
}

/** The new indicators the accepted targets bring, each counted once. */
function countNewIndicators(review: ReviewState): number {
  return new Set(
    Object.values(review.targets)
      .filter((x) => x.decision === 'accepted' && x.edit.indicator === NEW_INDICATOR)
      .map((x) => x.edit.newIndicator.code.trim() || x.edit.newIndicator.name),
  ).size;
}

/** Highlights of every candidate, the reviewer's own included. */
function useReviewMarks(targets: readonly TargetCandidate[], tasks: readonly TaskCandidate[]): DocMark[] {
  const { t } = useI18n();
  return useMemo<DocMark[]>(
    () => [
      ...targets.map((c) => ({
        id: c.id,
        kind: 'target' as const,
        span: c.span,
        valueSpan: c.valueSpan,
        label: `${t('ingest.kind.target')} ${c.id} · ${c.indicator.name}`,
      })),
      ...tasks.map((c) => ({
        id: c.id,
        kind: 'task' as const,
        span: c.span,
        label: `${t('ingest.kind.task')} ${c.id} · ${c.text.slice(0, 30)}`,
      })),
    ],
    [targets, tasks, t],
  );
}

/** "Accept all high-confidence": the extractor's pending candidates at or above the threshold whose target is complete. */
function acceptConfident(draft: Draft, s: ReviewState, catalogues: Catalogues, planScope: PlanScope | null) {
  let accepted = 0;
  let skipped = 0;
  const targets = { ...s.targets };
  for (const c of draft.result.targets) {
    const x = targets[c.id];
    if (!x || x.decision !== 'pending' || c.confidence < HIGH_CONFIDENCE) continue;
    // A missing scope is the plan's default scope's business, set any time before the merge.
    if (checkTarget(x.edit, catalogues, planScope).some((p) => p.field !== 'orgUnit')) {
      skipped++;
      continue;
    }
    targets[c.id] = { ...x, decision: 'accepted' };
    accepted++;
  }
  const tasks = { ...s.tasks };
  for (const c of draft.result.tasks) {
    const x = tasks[c.id];
    if (!x || x.decision !== 'pending' || c.confidence < HIGH_CONFIDENCE) continue;
    tasks[c.id] = { ...x, decision: 'accepted' };
    accepted++;
  }
  return { state: { ...s, targets, tasks }, accepted, skipped };
}

function describeProblemPlace(
  p: PlacedProblem,
  targets: readonly TargetCandidate[],
  review: ReviewState,
  catalogues: Catalogues,
  t: ReturnType<typeof useI18n>['t'],
): string | null {
  if (p.candidateId && p.kind === 'target') {
    const c = targets.find((x) => x.id === p.candidateId);
    const e = review.targets[p.candidateId]?.edit;
    const name =
      e?.indicator === NEW_INDICATOR
        ? e.newIndicator.name
        : (catalogues.indicators.find((i) => i.code === e?.indicator)?.name ?? c?.indicator.name);
    return `${t('ingest.kind.target')} ${p.candidateId}${name ? ` · ${name}` : ''}`;
  }
  if (p.candidateId) return `${t('ingest.kind.task')} ${p.candidateId}`;
  if (p.field.startsWith('plan')) return t('ingest.plan.heading');
  return null;
}
