import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, api, clearCache } from '../api/client.ts';
import type { Draft } from '../api/types.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canDefinePlans } from '../auth/permissions.ts';
import { TargetCandidateCard, TaskCandidateCard, fieldLabel } from '../components/CandidateCards.tsx';
import { OrgUnitOptions } from '../components/CandidateEditors.tsx';
import { DocumentView, type DocMark, type MarkState } from '../components/DocumentView.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { scrollIntoContainer } from '../components/scrollIntoContainer.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import {
  HIGH_CONFIDENCE,
  NEW_INDICATOR,
  buildReview,
  checkTarget,
  forgetState,
  initialTargetEdit,
  initialTaskEdit,
  loadState,
  needsIndicator,
  placeProblems,
  problemsFromDetails,
  saveState,
  scopeName,
  suggestPlanId,
  type Catalogues,
  type CandidateReview,
  type Decision,
  type PlacedProblem,
  type PlanForm,
  type PlanScope,
  type ReviewState,
  type TargetEdit,
  type TaskEdit,
} from '../ingest/reviewModel.ts';
import { href, navigate } from '../router.ts';
import { NoIngestRights } from './IngestUploadPage.tsx';

const NO_PROBLEMS: PlacedProblem[] = [];
type Filter = 'all' | Decision;
const FILTERS: readonly Filter[] = ['all', 'pending', 'accepted', 'rejected'];

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

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

function DraftReview({ draft, catalogues }: { draft: Draft; catalogues: Catalogues }) {
  const { t, lang, count } = useI18n();
  const r = draft.result;
  const [review, setReview] = useState<ReviewState>(() => loadState(draft));
  const reviewRef = useRef(review);
  reviewRef.current = review;
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [reveal, setReveal] = useState<{ id: string; card: boolean; doc: boolean; n: number } | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [problems, setProblems] = useState<PlacedProblem[] | null>(null);
  const [merging, setMerging] = useState(false);
  const [notice, setNotice] = useState<{ accepted: number; skipped: number } | null>(null);
  const docRef = useRef<HTMLDivElement>(null);
  const errorsRef = useRef<HTMLDivElement>(null);

  useEffect(() => saveState(draft, review), [draft, review]);

  const initialTargets = useMemo(() => new Map(r.targets.map((c) => [c.id, initialTargetEdit(c)])), [r.targets]);
  const initialTasks = useMemo(() => new Map(r.tasks.map((c) => [c.id, initialTaskEdit(c)])), [r.tasks]);
  const targetById = useMemo(() => new Map(r.targets.map((c) => [c.id, c])), [r.targets]);

  const marks = useMemo<DocMark[]>(
    () => [
      ...r.targets.map((c) => ({
        id: c.id,
        kind: 'target' as const,
        span: c.span,
        valueSpan: c.valueSpan,
        label: `${t('ingest.kind.target')} ${c.id} · ${c.indicator.name}`,
      })),
      ...r.tasks.map((c) => ({
        id: c.id,
        kind: 'task' as const,
        span: c.span,
        label: `${t('ingest.kind.task')} ${c.id} · ${c.text.slice(0, 30)}`,
      })),
    ],
    [r.targets, r.tasks, t],
  );
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

  const updateCandidate = useCallback(
    (id: string, f: (x: CandidateReview<TargetEdit | TaskEdit>) => CandidateReview<TargetEdit | TaskEdit>) =>
      setReview((s) => {
        if (s.targets[id]) return { ...s, targets: { ...s.targets, [id]: f(s.targets[id]) as CandidateReview<TargetEdit> } };
        if (s.tasks[id]) return { ...s, tasks: { ...s.tasks, [id]: f(s.tasks[id]) as CandidateReview<TaskEdit> } };
        return s;
      }),
    [],
  );

  const decide = useCallback(
    (id: string, decision: Decision) => {
      updateCandidate(id, (x) => ({ ...x, decision }));
      setSelected(id);
      // Accepting a target that still lacks an indicator opens its form.
      const target = reviewRef.current.targets[id];
      if (decision === 'accepted' && target && needsIndicator(target.edit)) setEditing(id);
      else setEditing((e) => (e === id && decision === 'rejected' ? null : e));
    },
    [updateCandidate],
  );
  const saveTarget = useCallback(
    (id: string, edit: TargetEdit) => {
      updateCandidate(id, () => ({ decision: 'accepted', edit, edited: !sameJson(edit, initialTargets.get(id)) }));
      setEditing(null);
    },
    [updateCandidate, initialTargets],
  );
  const saveTask = useCallback(
    (id: string, edit: TaskEdit) => {
      updateCandidate(id, () => ({ decision: 'accepted', edit, edited: !sameJson(edit, initialTasks.get(id)) }));
      setEditing(null);
    },
    [updateCandidate, initialTasks],
  );
  const revert = useCallback(
    (id: string) => {
      const edit = initialTargets.get(id) ?? initialTasks.get(id);
      if (edit) updateCandidate(id, (x) => ({ ...x, edit, edited: false }));
      setEditing((e) => (e === id ? null : e));
    },
    [updateCandidate, initialTargets, initialTasks],
  );
  const edit = useCallback((id: string | null) => {
    setEditing(id);
    if (id) setSelected(id);
  }, []);

  const acceptHighConfidence = () => {
    const s = reviewRef.current;
    let accepted = 0;
    let skipped = 0;
    const targets = { ...s.targets };
    for (const c of r.targets) {
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
    for (const c of r.tasks) {
      const x = tasks[c.id];
      if (!x || x.decision !== 'pending' || c.confidence < HIGH_CONFIDENCE) continue;
      tasks[c.id] = { ...x, decision: 'accepted' };
      accepted++;
    }
    setReview({ ...s, targets, tasks });
    setNotice({ accepted, skipped });
  };

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

  const tally = (list: Record<string, CandidateReview<unknown>>) => {
    const v = Object.values(list);
    return {
      accepted: v.filter((x) => x.decision === 'accepted').length,
      rejected: v.filter((x) => x.decision === 'rejected').length,
      pending: v.filter((x) => x.decision === 'pending').length,
    };
  };
  const tt = tally(review.targets);
  const tk = tally(review.tasks);
  const shownTargets = r.targets.filter((c) => filter === 'all' || review.targets[c.id]?.decision === filter);
  const shownTasks = r.tasks.filter((c) => filter === 'all' || review.tasks[c.id]?.decision === filter);
  const newIndicatorCount = new Set(
    Object.values(review.targets)
      .filter((x) => x.decision === 'accepted' && x.edit.indicator === NEW_INDICATOR)
      .map((x) => x.edit.newIndicator.code.trim() || x.edit.newIndicator.name),
  ).size;
  const merged = draft.acceptedPlanId;

  const problemWhere = (p: PlacedProblem) => {
    if (p.candidateId && p.kind === 'target') {
      const c = targetById.get(p.candidateId);
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
  };

  return (
    <section className="page ingest-review" aria-labelledby="review-heading">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <a href={href('ingest')}>← {t('ingest.back')}</a>
      </nav>
      <header className="page-head plan-head">
        <p className="eyebrow">{t('ingest.review.eyebrow')}</p>
        <h1 id="review-heading">{draft.fileName}</h1>
        <dl className="facts facts-inline" data-testid="review-counts">
          <div>
            <dt>{t('ingest.review.targets')}</dt>
            <dd>
              {t('ingest.review.tally', {
                n: count(r.targets.length),
                a: count(tt.accepted),
                r: count(tt.rejected),
                p: count(tt.pending),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('ingest.review.tasks')}</dt>
            <dd>
              {t('ingest.review.tally', {
                n: count(r.tasks.length),
                a: count(tk.accepted),
                r: count(tk.rejected),
                p: count(tk.pending),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('ingest.review.length')}</dt>
            <dd>{t('ingest.review.chars', { n: count(draft.text.length) })}</dd>
          </div>
        </dl>
      </header>

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
          onChange={(patch) => setReview((s) => ({ ...s, plan: { ...s.plan, ...patch } }))}
        />
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
        {problems && problems.length > 0 && (
          <div className="merge-errors" data-testid="merge-errors" role="alert" tabIndex={-1} ref={errorsRef}>
            <p className="merge-errors-title">
              <strong>{t('ingest.merge.failed', { n: count(problems.length) })}</strong>
            </p>
            <ul>
              {problems.map((p, i) => {
                const where = problemWhere(p);
                return (
                  <li key={i} data-testid="merge-error" data-candidate={p.candidateId}>
                    {where && <span className="problem-where">{where}</span>}
                    {p.subField && p.candidateId && <span className="problem-field">{fieldLabel(p.subField, t)}</span>}
                    {p.subField && !p.candidateId && p.subField.startsWith('plan.') && (
                      <span className="problem-field">{fieldLabel(p.subField, t)}</span>
                    )}
                    {!where && p.field !== '(root)' && <code className="problem-path">{p.field}</code>}
                    <span>{lang === 'zh' ? p.zh : p.en}</span>
                    {p.candidateId && (
                      <button
                        type="button"
                        className="link-button problem-go"
                        onClick={() => show(p.candidateId!, { card: true, doc: true })}
                      >
                        {t('ingest.merge.goTo')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </form>

      <div className="review-toolbar">
        <button type="button" className="btn" onClick={acceptHighConfidence} data-testid="accept-high-confidence">
          {t('ingest.bulk.acceptHigh', { pct: Math.round(HIGH_CONFIDENCE * 100) })}
        </button>
        <div className="segmented" role="group" aria-label={t('ingest.filter.label')}>
          {FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              className={`segment${filter === f ? ' is-on' : ''}`}
              aria-pressed={filter === f}
              onClick={() => setFilter(f)}
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

      <div className="review-split">
        <section className="panel review-doc" aria-labelledby="doc-heading">
          <div className="review-doc-head">
            <h2 id="doc-heading" className="panel-title">
              {t('ingest.doc.heading')}
            </h2>
            <ul className="hl-legend" aria-label={t('ingest.doc.legend')}>
              <li>
                <mark className="hl hl-target hl-pending">{t('ingest.kind.target')}</mark>
              </li>
              <li>
                <mark className="hl hl-task hl-pending">{t('ingest.kind.task')}</mark>
              </li>
              <li>
                <mark className="hl hl-target hl-accepted">{t('ingest.state.accepted')}</mark>
              </li>
              <li>
                <mark className="hl hl-target hl-rejected">{t('ingest.state.rejected')}</mark>
              </li>
            </ul>
          </div>
          <p className="panel-note">{t('ingest.doc.hint')}</p>
          <div className="review-doc-scroll" ref={docRef} tabIndex={0}>
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
                    candidate={c}
                    planScope={planScope}
                    planScopeName={planScopeLabel}
                    review={review.targets[c.id]!}
                    catalogues={catalogues}
                    selected={selected === c.id}
                    editing={editing === c.id}
                    problems={problemsById.get(c.id) ?? NO_PROBLEMS}
                    onSelect={selectFromCard}
                    onDecide={decide}
                    onEdit={edit}
                    onSave={saveTarget}
                    onRevert={revert}
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
                    candidate={c}
                    review={review.tasks[c.id]!}
                    catalogues={catalogues}
                    selected={selected === c.id}
                    editing={editing === c.id}
                    problems={problemsById.get(c.id) ?? NO_PROBLEMS}
                    onSelect={selectFromCard}
                    onDecide={decide}
                    onEdit={edit}
                    onSave={saveTask}
                    onRevert={revert}
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
