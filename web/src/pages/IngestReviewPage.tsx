import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, api, clearCache } from '../api/client.ts';
import type { Draft, TargetCandidate, TaskCandidate } from '../api/types.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canDefinePlans } from '../auth/permissions.ts';
import { AddCandidatePanel } from '../components/AddCandidatePanel.tsx';
import { TargetCandidateCard, TaskCandidateCard } from '../components/CandidateCards.tsx';
import { NewScopeButton, type CatalogueEntry } from '../components/NewScopeForm.tsx';
import { OrgUnitOptions } from '../components/OrgUnitOptions.tsx';
import { RescopeOffer } from '../components/RescopeOffer.tsx';
import { DocLegend, MergeProblems, ReviewHeader, ReviewToolbar, type Filter, type Tally } from '../components/ReviewParts.tsx';
import { DocumentView, type DocMark, type MarkState } from '../components/DocumentView.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { scrollIntoContainer } from '../components/scrollIntoContainer.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { placeInTitle } from '../ingest/handCandidates.ts';
import { followDefaultScope, sameScope, targetsScopedTo } from '../ingest/rescope.ts';
import { forgetState, loadState, saveState } from '../ingest/reviewStorage.ts';
import { useCandidateActions } from '../ingest/useCandidateActions.ts';
import {
  HIGH_CONFIDENCE,
  NEW_INDICATOR,
  allTargets,
  allTasks,
  buildReview,
  checkTarget,
  placeProblems,
  planScopeOf,
  problemsFromDetails,
  scopeName,
  suggestPlanId,
  type Catalogues,
  type CandidateReview,
  type PlacedProblem,
  type PlanForm,
  type PlanScope,
  type ReviewState,
  type TargetEdit,
} from '../ingest/reviewModel.ts';
import { href, navigate } from '../router.ts';
import { NoIngestRights } from './IngestUploadPage.tsx';

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

/** The plan's own facts: prefilled from the document, the issuer left to the reviewer. */
function PlanFormFields({
  plan,
  suggestedId,
  catalogues,
  problems,
  onChange,
}: {
  plan: PlanForm;
  suggestedId: string;
  catalogues: Catalogues;
  problems: PlacedProblem[];
  onChange: (patch: Partial<PlanForm>) => void;
}) {
  const { t, lang, label } = useI18n();
  const id = useId();
  const planId = plan.idTouched ? plan.id : suggestedId;
  const field = (name: keyof PlanForm, labelKey: Parameters<typeof t>[0], testId: string, extra: Record<string, string> = {}) => {
    const mine = problems.filter((p) => p.subField === `plan.${name}`);
    const value = name === 'id' ? planId : String(plan[name]);
    return (
      <div className={`form-field plan-field-${name}`}>
        <label htmlFor={`${id}-${name}`}>
          {t(labelKey)}
          {['id', 'title', 'issuer', 'periodStart', 'periodEnd'].includes(name) && (
            <span className="required" aria-hidden="true">
              *
            </span>
          )}
        </label>
        <input
          id={`${id}-${name}`}
          className="input"
          value={value}
          aria-invalid={mine.length > 0 || undefined}
          onChange={(e) => onChange(name === 'id' ? { id: e.target.value, idTouched: true } : { [name]: e.target.value })}
          data-testid={testId}
          {...extra}
        />
        {mine.map((p, i) => (
          <span key={i} className="field-error" role="alert">
            {lang === 'zh' ? p.zh : p.en}
          </span>
        ))}
      </div>
    );
  };
  return (
    <div className="plan-form-grid">
      {field('title', 'ingest.plan.title', 'plan-title')}
      {field('id', 'ingest.plan.id', 'plan-id', { spellCheck: 'false', autoComplete: 'off' })}
      {field('issuer', 'plans.issuer', 'plan-issuer', { placeholder: t('ingest.plan.issuerPlaceholder') })}
      {field('periodStart', 'ingest.plan.start', 'plan-start', { inputMode: 'numeric' })}
      {field('periodEnd', 'ingest.plan.end', 'plan-end', { inputMode: 'numeric' })}
      {field('issuedOn', 'plans.issuedOn', 'plan-issued-on', { type: 'date' })}
      {field('titleEn', 'ingest.plan.titleEn', 'plan-title-en', { lang: 'en' })}
      <div className="form-field plan-field-scopeKind">
        <label htmlFor={`${id}-scopeKind`}>{t('ingest.plan.scopeKind')}</label>
        <select
          id={`${id}-scopeKind`}
          className="input"
          value={plan.scopeKind}
          onChange={(e) => onChange({ scopeKind: e.target.value as PlanForm['scopeKind'], scope: '' })}
          data-testid="plan-scope-kind"
        >
          <option value="orgUnit">{t('ingest.edit.scopeOrgUnit')}</option>
          <option value="group">{t('ingest.edit.scopeGroup')}</option>
        </select>
      </div>
      <div className="form-field plan-field-scope">
        <label htmlFor={`${id}-scope`}>{t('ingest.plan.scope')}</label>
        <select
          id={`${id}-scope`}
          className="input"
          value={plan.scope}
          onChange={(e) => onChange({ scope: e.target.value })}
          data-testid="plan-scope"
        >
          <option value="">{t('ingest.plan.scopeNone')}</option>
          {plan.scopeKind === 'orgUnit' ? (
            <OrgUnitOptions units={catalogues.orgUnits} />
          ) : (
            catalogues.groups.map((g) => (
              <option key={g.code} value={g.code}>
                {g.name}（{label('groupKind', g.kind)}）
              </option>
            ))
          )}
        </select>
      </div>
      {plan.idTouched && planId !== suggestedId && (
        <p className="plan-id-hint">
          <button type="button" className="link-button" onClick={() => onChange({ id: '', idTouched: false })}>
            {t('ingest.plan.useSuggestion', { id: suggestedId })}
          </button>
        </p>
      )}
    </div>
  );
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
  const { t, count } = useI18n();
  const [review, setReview] = useState<ReviewState>(() => loadState(draft));
  const reviewRef = useRef(review);
  reviewRef.current = review;
  const [catalogues, setCatalogues] = useState(loaded);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [reveal, setReveal] = useState<{ id: string; card: boolean; doc: boolean; n: number } | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [problems, setProblems] = useState<PlacedProblem[] | null>(null);
  const [merging, setMerging] = useState(false);
  const [notice, setNotice] = useState<{ accepted: number; skipped: number } | null>(null);
  const [rescopeFrom, setRescopeFrom] = useState<PlanScope | null>(null);
  const [passage, setPassage] = useState('');
  const docRef = useRef<HTMLDivElement>(null);
  const errorsRef = useRef<HTMLDivElement>(null);

  useEffect(() => saveState(draft, review), [draft, review]);

  const added = review.added;
  const targets = useMemo(() => allTargets(draft, { added }), [draft, added]);
  const tasks = useMemo(() => allTasks(draft, { added }), [draft, added]);
  const marks = useReviewMarks(targets, tasks);
  const states = useMemo(() => {
    const out: Record<string, MarkState> = {};
    for (const [id, x] of Object.entries(review.targets)) out[id] = x.decision;
    for (const [id, x] of Object.entries(review.tasks)) out[id] = x.decision;
    return out;
  }, [review.targets, review.tasks]);

  // Scroll after the render that shows the selection.
  useEffect(() => {
    if (!reveal) return;
    const esc = CSS.escape(reveal.id);
    if (reveal.doc) scrollIntoContainer(docRef.current?.querySelector(`mark[data-ids~="${esc}"]`) ?? null, docRef.current);
    if (reveal.card)
      document
        .querySelector(`[data-testid^="candidate-"][data-id="${esc}"]`)
        ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [reveal]);

  const show = useCallback((id: string, where: { card: boolean; doc: boolean }) => {
    setSelected(id);
    const s = reviewRef.current;
    const decision = s.targets[id]?.decision ?? s.tasks[id]?.decision;
    setFilter((f) => (f === 'all' || f === decision ? f : 'all'));
    setReveal((prev) => ({ id, ...where, n: (prev?.n ?? 0) + 1 }));
  }, []);
  const selectFromCard = useCallback((id: string) => show(id, { card: false, doc: true }), [show]);
  const selectFromDoc = useCallback((id: string) => show(id, { card: true, doc: false }), [show]);
  const addToCatalogue = useCallback((entry: CatalogueEntry) => setCatalogues((c) => withEntry(c, entry)), []);
  const actions = useCandidateActions(draft, reviewRef, setReview, setEditing, setSelected, addToCatalogue);
  const edit = useCallback((id: string | null) => {
    setEditing(id);
    if (id) setSelected(id);
  }, []);

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

  const changePlan = useCallback((patch: Partial<PlanForm>) => {
    // The default scope left behind is the one whose targets may follow the new one (switching
    // between unit and group clears the scope for a moment: the one before that counts).
    const was = planScopeOf(reviewRef.current.plan);
    if (was && ('scope' in patch || 'scopeKind' in patch)) setRescopeFrom(was);
    setReview((s) => ({ ...s, plan: { ...s.plan, ...patch } }));
  }, []);
  const rescopeIds = useMemo(
    () => (rescopeFrom && planScope && !sameScope(rescopeFrom, planScope) ? targetsScopedTo(review, rescopeFrom) : []),
    [rescopeFrom, planScope, review],
  );
  const rescope = () => {
    setReview((s) => followDefaultScope(s, rescopeIds, (id) => actions.initialEdit(id) as TargetEdit | undefined));
    setRescopeFrom(null);
  };

  const acceptHighConfidence = () => {
    const found = acceptConfident(draft, reviewRef.current, catalogues, planScope);
    setReview(found.state);
    setNotice({ accepted: found.accepted, skipped: found.skipped });
  };

  const showProblems = (found: PlacedProblem[]) => {
    setProblems(found);
    window.setTimeout(() => {
      errorsRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      errorsRef.current?.focus({ preventScroll: true });
    }, 0);
  };

  const merge = async (e: FormEvent) => {
    e.preventDefault();
    if (merging) return;
    const built = buildReview(draft, effective, catalogues);
    if (built.problems.length > 0) {
      showProblems(placeProblems(built.problems, built));
      return;
    }
    setMerging(true);
    setProblems(null);
    try {
      await api.acceptDraft(draft.id, built.review);
      forgetState(draft);
      // New indicators, counts and plan lists changed.
      clearCache();
      navigate(href('plans', built.review.plan.id));
    } catch (err) {
      setMerging(false);
      const fromServer = err instanceof ApiError ? problemsFromDetails(err.details) : [];
      if (fromServer.length > 0) showProblems(placeProblems(fromServer, built));
      else if (err instanceof ApiError) showProblems([{ field: '(root)', zh: err.messageZh, en: err.message }]);
      else showProblems([{ field: '(root)', zh: String(err), en: String(err) }]);
    }
  };

  const problemsById = useMemo(() => {
    const m = new Map<string, PlacedProblem[]>();
    for (const p of problems ?? []) if (p.candidateId) m.set(p.candidateId, [...(m.get(p.candidateId) ?? []), p]);
    return m;
  }, [problems]);

  const tt = tally(review.targets);
  const tk = tally(review.tasks);
  const shownTargets = targets.filter((c) => filter === 'all' || review.targets[c.id]?.decision === filter);
  const shownTasks = tasks.filter((c) => filter === 'all' || review.tasks[c.id]?.decision === filter);
  const newIndicatorCount = new Set(
    Object.values(review.targets)
      .filter((x) => x.decision === 'accepted' && x.edit.indicator === NEW_INDICATOR)
      .map((x) => x.edit.newIndicator.code.trim() || x.edit.newIndicator.name),
  ).size;
  const merged = draft.acceptedPlanId;
  const named = placeInTitle(review.plan.title);
  // The place the title names, to start a new unit from, unless the catalogue has it.
  const titlePlace = catalogues.orgUnits.some((u) => u.name === named) ? '' : named;
  const problemWhere = (p: PlacedProblem) => describeProblemPlace(p, targets, review, catalogues, t);
  const common = {
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

      <form className="panel plan-form" onSubmit={(e) => void merge(e)} aria-labelledby="plan-form-heading" noValidate>
        <h2 id="plan-form-heading" className="panel-title">
          {t('ingest.plan.heading')}
        </h2>
        <PlanFormFields
          plan={review.plan}
          suggestedId={suggestedId}
          catalogues={catalogues}
          problems={problems ?? NO_PROBLEMS}
          onChange={changePlan}
        />
        <NewScopeButton
          initialName={titlePlace}
          catalogues={catalogues}
          testId="plan-new-scope"
          onCreated={(entry, scope) => {
            addToCatalogue(entry);
            changePlan({ scopeKind: scope.kind, scope: scope.code });
          }}
        />
        {rescopeFrom && planScope && rescopeIds.length > 0 && (
          <RescopeOffer
            from={scopeName(rescopeFrom, catalogues) ?? rescopeFrom.code}
            to={planScopeLabel ?? planScope.code}
            count={rescopeIds.length}
            onApply={rescope}
            onDismiss={() => setRescopeFrom(null)}
          />
        )}
        <div className="merge-row">
          <p className="merge-summary" data-testid="merge-summary">
            {t('ingest.merge.summary', {
              targets: count(tt.accepted),
              tasks: count(tk.accepted),
              indicators: count(newIndicatorCount),
            })}
          </p>
          <button type="submit" className="btn btn-primary merge-button" disabled={merging || !!merged} data-testid="merge">
            {merging ? t('ingest.merge.busy') : t('ingest.merge')}
          </button>
        </div>
        <MergeProblems
          problems={problems ?? NO_PROBLEMS}
          where={problemWhere}
          onGo={(id) => show(id, { card: true, doc: true })}
          errorsRef={errorsRef}
        />
      </form>

      <ReviewToolbar
        highConfidence={HIGH_CONFIDENCE}
        filter={filter}
        onFilter={setFilter}
        onAcceptHigh={acceptHighConfidence}
        notice={notice}
      />

      <div className="review-split">
        <section className="panel review-doc" aria-labelledby="doc-heading">
          <div className="review-doc-head">
            <h2 id="doc-heading" className="panel-title">
              {t('ingest.doc.heading')}
            </h2>
            <DocLegend />
          </div>
          <p className="panel-note">{t('ingest.doc.hint')}</p>
          <div
            className="review-doc-scroll"
            ref={docRef}
            tabIndex={0}
            onMouseUp={() => {
              // A passage selected in the document is ready to be added as a missed target or task.
              const chosen = window.getSelection()?.toString() ?? '';
              if (chosen.trim()) setPassage(chosen.trim());
            }}
          >
            <DocumentView
              text={draft.text}
              marks={marks}
              states={states}
              selected={selected}
              onSelect={selectFromDoc}
              label={t('ingest.doc.heading')}
            />
          </div>
        </section>

        <div className="review-list">
          <AddCandidatePanel text={draft.text} passage={passage} onPassage={setPassage} onAdd={actions.add} />
          <section className="list-section" aria-labelledby="cand-targets">
            <h2 id="cand-targets" className="section-title">
              {t('ingest.review.targets')} <span className="count-pill">{count(shownTargets.length)}</span>
            </h2>
            {shownTargets.length === 0 ? (
              <p className="status status-empty">{t('ingest.review.noneHere')}</p>
            ) : (
              <div className="card-list">
                {shownTargets.map((c) => (
                  <TargetCandidateCard
                    key={c.id}
                    {...common}
                    candidate={c}
                    planScope={planScope}
                    planScopeName={planScopeLabel}
                    review={review.targets[c.id]!}
                    added={review.added.how[c.id]}
                    selected={selected === c.id}
                    editing={editing === c.id}
                    problems={problemsById.get(c.id) ?? NO_PROBLEMS}
                    onScopeCreated={actions.scopeCreated}
                    onCatalogueEntry={addToCatalogue}
                  />
                ))}
              </div>
            )}
          </section>
          <section className="list-section" aria-labelledby="cand-tasks">
            <h2 id="cand-tasks" className="section-title">
              {t('ingest.review.tasks')} <span className="count-pill">{count(shownTasks.length)}</span>
            </h2>
            {shownTasks.length === 0 ? (
              <p className="status status-empty">{t('ingest.review.noneHere')}</p>
            ) : (
              <div className="card-list">
                {shownTasks.map((c) => (
                  <TaskCandidateCard
                    key={c.id}
                    {...common}
                    candidate={c}
                    review={review.tasks[c.id]!}
                    added={review.added.how[c.id]}
                    selected={selected === c.id}
                    editing={editing === c.id}
                    problems={problemsById.get(c.id) ?? NO_PROBLEMS}
                  />
                ))}
              </div>
            )}
          </section>
        </div>
      </div>
    </section>
  );
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
