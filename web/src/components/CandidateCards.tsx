import { memo, type MouseEvent, type ReactNode } from 'react';
import type { TargetCandidate, TargetValue, TaskCandidate } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { describeTargetValue, withUnit } from '../i18n/targetWording.ts';
import {
  NEW_INDICATOR,
  cleanDecimal,
  needsIndicator,
  type CandidateReview,
  type Catalogues,
  type PlacedProblem,
  type PlanScope,
  type TargetEdit,
  type TaskEdit,
} from '../ingest/reviewModel.ts';
import { engineEvidence } from '../ingest/engineEvidence.ts';
import type { AddedHow } from '../ingest/handCandidates.ts';
import { TargetEditor, TaskEditor } from './CandidateEditors.tsx';
import { NewScopeButton, type CatalogueEntry } from './NewScopeForm.tsx';
import { sameName } from '../text/sameName.ts';
import { Fact } from './Fact.tsx';
import { TrajectoryFact } from './TargetCard.tsx';
import { useDeadlineText } from './TaskCard.tsx';

/* Cards of the review page: what the extractor proposes (as the reviewer may have changed it),
 * how sure it is and why, and the reviewer's decision. */

function editToTargetValue(e: TargetEdit): TargetValue {
  const d = (v: string) => (v.trim() === '' ? null : cleanDecimal(v));
  return {
    year: Number(e.year),
    comparator: e.comparator,
    value: d(e.value),
    min: d(e.min),
    max: d(e.max),
    rate: d(e.rate),
    reference: e.reference || null,
    everyYear: false,
    text: e.text.trim() || null,
  };
}

function ConfidenceBadge({ value }: { value: number }) {
  const { t } = useI18n();
  const pct = Math.round(value * 100);
  const level = value >= 0.8 ? 'high' : value >= 0.6 ? 'mid' : 'low';
  return (
    <span className={`badge badge-conf conf-${level}`} title={t('ingest.confidenceTitle')} data-testid="candidate-confidence">
      {t('ingest.confidence', { pct })}
    </span>
  );
}

function StateBadge({ review, added }: { review: CandidateReview<unknown>; added?: AddedHow }) {
  const { t } = useI18n();
  return (
    <>
      {added && (
        <span className="badge badge-new" data-testid="candidate-added">
          {t(`ingest.added.${added}`)}
        </span>
      )}
      {review.edited && <span className="badge badge-edited">{t('ingest.state.edited')}</span>}
      <span className={`badge badge-state state-${review.decision}`} data-testid="candidate-state">
        {t(`ingest.state.${review.decision}`)}
      </span>
    </>
  );
}

/**
 * Why the engine proposed a candidate: the page's own labels and the extraction engine's trail, each
 * step in the page's language (engineEvidence: the engine writes English, the Chinese page says it in
 * Chinese; a step not known there is counted, issue 19 "Chinese throughout").
 */
function Evidence({ items, engine }: { items: string[]; engine: readonly string[] }) {
  const i18n = useI18n();
  const said = engine.map((e) => engineEvidence(e, i18n));
  const shown = [...new Set([...items, ...said.filter((e): e is string => e !== null)])];
  const unsaid = said.filter((e) => e === null).length;
  if (shown.length === 0 && unsaid === 0) return null;
  return (
    <ul className="chip-list evidence-list" data-testid="evidence">
      {shown.map((e) => (
        <li key={e} className="chip chip-evidence">
          {e}
        </li>
      ))}
      {unsaid > 0 && <li className="muted small">{i18n.t('ingest.engineTrail', { n: unsaid })}</li>}
    </ul>
  );
}

function ProblemList({ problems }: { problems: PlacedProblem[] }) {
  const { lang, t } = useI18n();
  if (problems.length === 0) return null;
  return (
    <ul className="cand-problems" role="alert" data-testid="candidate-problems">
      {problems.map((p, i) => (
        <li key={i}>
          {p.subField && <span className="problem-field">{fieldLabel(p.subField, t)}</span>}
          {lang === 'zh' ? p.zh : p.en}
        </li>
      ))}
    </ul>
  );
}

/** A readable name for a field inside a candidate: orgUnit → 适用范围. */
export function fieldLabel(field: string, t: ReturnType<typeof useI18n>['t']): string {
  const f = field.replace(/\.\d+$/, '');
  const known: Record<string, Parameters<typeof t>[0]> = {
    indicator: 'ingest.field.indicator',
    'newIndicator.code': 'ingest.field.newCode',
    'newIndicator.name': 'ingest.field.newName',
    'newIndicator.nameEn': 'ingest.field.newNameEn',
    'newIndicator.unit': 'ingest.field.newUnit',
    orgUnit: 'ingest.field.scope',
    group: 'ingest.field.scope',
    'baseline.year': 'ingest.field.baselineYear',
    'baseline.value': 'ingest.field.baselineValue',
    baseline: 'ingest.field.baselineValue',
    'target.year': 'ingest.field.year',
    'target.value': 'ingest.field.value',
    'target.min': 'ingest.field.min',
    'target.max': 'ingest.field.max',
    'target.rate': 'ingest.field.rate',
    'target.reference': 'ingest.field.reference',
    'target.text': 'ingest.field.text',
    'source.quote': 'ingest.field.quote',
    text: 'ingest.field.taskText',
    lead: 'task.lead',
    co: 'task.co',
    deadline: 'task.deadline',
    'plan.id': 'ingest.plan.id',
    'plan.title': 'ingest.plan.title',
    'plan.titleEn': 'ingest.plan.titleEn',
    'plan.issuer': 'plans.issuer',
    'plan.issuedOn': 'plans.issuedOn',
    'plan.periodStart': 'ingest.plan.start',
    'plan.periodEnd': 'ingest.plan.end',
  };
  const key = known[f];
  return key ? t(key) : field;
}

interface CardShellProps {
  kind: 'target' | 'task';
  /** The card's own props: the candidate, its review, whether it is selected and its problems. */
  card: Pick<CandidateCardProps<{ id: string }, unknown>, 'candidate' | 'review' | 'selected' | 'problems' | 'onSelect'>;
  children: ReactNode;
}

function CardShell({ kind, card, children }: CardShellProps) {
  const { review, selected, onSelect } = card;
  const id = card.candidate.id;
  const hasProblems = card.problems.length > 0;
  const select = (e: MouseEvent<HTMLElement>) => {
    // Buttons and form fields do their own thing; anywhere else on the card selects it.
    if ((e.target as Element).closest('button, a, input, select, textarea, label, form')) return;
    onSelect(id);
  };
  const classes = ['card', 'cand-card', `cand-${kind}`, `state-${review.decision}`];
  if (selected) classes.push('is-selected');
  if (hasProblems) classes.push('has-problems');
  return (
    <article
      className={classes.join(' ')}
      data-testid={`candidate-${kind}`}
      data-id={id}
      data-state={review.decision}
      aria-current={selected ? 'true' : undefined}
      onClick={select}
    >
      {children}
    </article>
  );
}

interface ActionsProps {
  id: string;
  review: CandidateReview<unknown>;
  editing: boolean;
  /** How the reviewer made this candidate, if they did: it can then be removed. */
  added?: AddedHow;
  onDecide: (id: string, decision: 'pending' | 'accepted' | 'rejected') => void;
  onEdit: (id: string | null) => void;
  onRevert: (id: string) => void;
  onSplit: (id: string) => void;
  onRemove: (id: string) => void;
}

/** Accepting or rejecting, with the mark it shows once pressed; pressed again, the decision is undone. */
const DECISIONS = { accepted: { verb: 'accept', mark: '✓' }, rejected: { verb: 'reject', mark: '✕' } } as const;

function DecisionButton({
  id,
  review,
  decision,
  onDecide,
}: Pick<ActionsProps, 'id' | 'review' | 'onDecide'> & { decision: keyof typeof DECISIONS }) {
  const { t } = useI18n();
  const { verb, mark } = DECISIONS[decision];
  const on = review.decision === decision;
  return (
    <button
      type="button"
      className={`btn btn-small btn-${verb}${on ? ' is-on' : ''}`}
      aria-pressed={on}
      onClick={() => onDecide(id, on ? 'pending' : decision)}
      data-testid={verb}
    >
      {on ? `${mark} ${t(`ingest.${decision}`)}` : t(`ingest.${verb}`)}
    </button>
  );
}

function Actions({ id, review, editing, added, onDecide, onEdit, onRevert, onSplit, onRemove }: ActionsProps) {
  const { t } = useI18n();
  return (
    <div className="cand-actions">
      <DecisionButton id={id} review={review} decision="accepted" onDecide={onDecide} />
      <DecisionButton id={id} review={review} decision="rejected" onDecide={onDecide} />
      <button
        type="button"
        className="btn btn-small"
        aria-expanded={editing}
        onClick={() => onEdit(editing ? null : id)}
        data-testid="edit"
      >
        {t('ingest.edit')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        title={t('ingest.split.title')}
        onClick={() => onSplit(id)}
        data-testid="split"
      >
        {t('ingest.split')}
      </button>
      {review.edited && added !== 'hand' && (
        <button type="button" className="link-button revert" onClick={() => onRevert(id)} data-testid="revert">
          {t('ingest.revert')}
        </button>
      )}
      {added && (
        <button type="button" className="link-button" onClick={() => onRemove(id)} data-testid="remove">
          {t('ingest.remove')}
        </button>
      )}
    </div>
  );
}

function QuoteButton({ quote, onLocate }: { quote: string; onLocate: () => void }) {
  const { t } = useI18n();
  return (
    <figure className="quote cand-quote">
      <blockquote className="quote-text">
        <p>{quote}</p>
      </blockquote>
      <figcaption className="quote-caption">
        <span />
        <button type="button" className="link-button" onClick={onLocate} data-testid="locate">
          {t('ingest.locate')}
        </button>
      </figcaption>
    </figure>
  );
}

/** What both cards take: the candidate as reviewed, and the reviewer's doings on it. */
interface CandidateCardProps<C, E> extends Omit<ActionsProps, 'id' | 'review'> {
  candidate: C;
  review: CandidateReview<E>;
  catalogues: Catalogues;
  selected: boolean;
  problems: PlacedProblem[];
  onSelect: (id: string) => void;
  onSave: (id: string, edit: E) => void;
}

interface TargetCandidateCardProps extends CandidateCardProps<TargetCandidate, TargetEdit> {
  planScope: PlanScope | null;
  planScopeName: string | null;
  /** A unit or group created for this target's scope: add it to the catalogue and assign it. */
  onScopeCreated: (id: string, entry: CatalogueEntry, scope: PlanScope) => void;
  /** A unit or group created in the editor (which assigns it itself). */
  onCatalogueEntry: (entry: CatalogueEntry) => void;
}

/** A target's scope: its own, or the plan's default; an unknown place the sentence names can be created here. */
function ScopeFact({
  candidate: c,
  edit: e,
  planScope,
  planScopeName,
  catalogues,
  onScopeCreated,
}: Pick<TargetCandidateCardProps, 'planScope' | 'planScopeName' | 'catalogues' | 'onScopeCreated'> & {
  candidate: TargetCandidate;
  edit: TargetEdit;
}) {
  const { t } = useI18n();
  const ownScope = e.scope
    ? ((e.scopeKind === 'group'
        ? catalogues.groups.find((g) => g.code === e.scope)?.name
        : catalogues.orgUnits.find((u) => u.code === e.scope)?.name) ?? e.scope)
    : null;
  const scopeIsGroup = e.scope ? e.scopeKind === 'group' : planScope?.kind === 'group';
  const unknownScope = c.scope && !c.scope.code && c.scope.from === 'sentence' ? c.scope.mention : null;
  // Created in the meantime (from another card or the plan form): no longer to be created.
  const knownNow =
    !!c.scope?.name &&
    (catalogues.orgUnits.some((u) => sameName(u.name, c.scope!.name!)) ||
      catalogues.groups.some((g) => sameName(g.name, c.scope!.name!)));
  return (
    <Fact term="target.scope">
      {scopeIsGroup && <span className="tag">{t('target.groupTag')}</span>} {ownScope ?? planScopeName ?? t('common.dash')}
      {!ownScope && planScopeName && <span className="muted small"> · {t('ingest.scopeFromPlan')}</span>}
      {!ownScope && !planScopeName && <span className="cand-note">{t('ingest.scopeMissing')}</span>}
      {unknownScope && !ownScope && !knownNow && (
        <>
          <span className="cand-note">{t('ingest.scopeUnknown', { name: unknownScope })}</span>{' '}
          <NewScopeButton
            initialName={c.scope?.name || unknownScope}
            catalogues={catalogues}
            onCreated={(entry, scope) => onScopeCreated(c.id, entry, scope)}
          />
        </>
      )}
    </Fact>
  );
}

export const TargetCandidateCard = memo(function TargetCandidateCard(props: TargetCandidateCardProps) {
  const { candidate: c, review, catalogues, editing, problems, planScope, planScopeName } = props;
  const i18n = useI18n();
  const { t, lang, num, label } = i18n;
  const e = review.edit;
  const isNew = e.indicator === NEW_INDICATOR;
  const catalogued = isNew ? undefined : catalogues.indicators.find((i) => i.code === e.indicator);
  const name = isNew
    ? e.newIndicator.name || c.indicator.name
    : catalogued
      ? lang === 'en' && catalogued.nameEn
        ? catalogued.nameEn
        : catalogued.name
      : e.indicator || c.indicator.name;
  const unit = isNew ? e.newIndicator.unit || c.unit || '' : (catalogued?.unit ?? c.indicator.unit ?? '');
  const indName = (code: string) => catalogues.indicators.find((i) => i.code === code)?.name;
  const words = describeTargetValue(editToTargetValue(e), unit, i18n, indName);
  const missingIndicator = review.decision !== 'rejected' && needsIndicator(e);
  const locate = () => props.onSelect(c.id);

  return (
    <CardShell kind="target" card={props}>
      <header className="card-head">
        <h3 className="card-title">
          {name}
          {unit && <span className="unit">{lang === 'zh' ? `（${unit}）` : ` (${unit})`}</span>}{' '}
          {isNew ? (
            <span className="badge badge-new" data-testid="new-indicator">
              {t('ingest.newIndicator')}
            </span>
          ) : (
            e.indicator && <code className="code-tag">{e.indicator}</code>
          )}
        </h3>
        <span className="badges">
          <ConfidenceBadge value={c.confidence} />
          <StateBadge review={review} added={props.added} />
        </span>
      </header>
      {c.indicator.mention && c.indicator.mention !== name && (
        <p className="card-context">{t('ingest.mention', { text: c.indicator.mention })}</p>
      )}

      <p className="target-value">
        <span className="target-year">{t('target.goalYear', { year: e.year || '?' })}</span>
        <strong className={e.comparator === 'qualitative' ? 'qualitative' : undefined} data-testid="candidate-value">
          {words}
        </strong>
      </p>

      {missingIndicator && (
        <p className="cand-warning" role="note" data-testid="needs-indicator">
          {t('ingest.needsIndicator')}
        </p>
      )}

      <dl className="facts">
        <ScopeFact
          candidate={c}
          edit={e}
          planScope={planScope}
          planScopeName={planScopeName}
          catalogues={catalogues}
          onScopeCreated={props.onScopeCreated}
        />
        <Fact term="target.baseline">
          {e.baselineYear && e.baselineValue
            ? t('target.baselineValue', { year: e.baselineYear, value: withUnit(num(cleanDecimal(e.baselineValue)), unit) })
            : t('common.dash')}
          {!review.edited && c.baseline?.from === 'linked' && (
            <span className="muted small"> · {t('ingest.baselineLinked')}</span>
          )}
        </Fact>
        <TrajectoryFact points={c.trajectory} />
        {e.nature && <Fact term="target.nature">{label('target.nature', e.nature)}</Fact>}
        {c.section.length > 0 && <Fact term="target.section">{c.section.join(' › ')}</Fact>}
        <Fact term="ingest.evidence">
          <Evidence
            engine={c.evidence}
            items={[
              ...(c.fromTable ? [t('ingest.fromTable')] : []),
              ...(c.target.yearFrom !== 'sentence' ? [t(`ingest.yearFrom.${c.target.yearFrom}`)] : []),
            ]}
          />
        </Fact>
      </dl>

      <ProblemList problems={problems} />
      <QuoteButton quote={c.quote} onLocate={locate} />
      <Actions id={c.id} {...props} />
      {editing && (
        <TargetEditor
          edit={e}
          planScope={planScope}
          planScopeName={planScopeName}
          statedUnit={c.unit}
          catalogues={catalogues}
          scopeMention={c.scope && !c.scope.code ? c.scope.name || c.scope.mention : ''}
          onCatalogueEntry={(entry) => props.onCatalogueEntry(entry)}
          onSave={(edit) => props.onSave(c.id, edit)}
          onCancel={() => props.onEdit(null)}
        />
      )}
    </CardShell>
  );
});

type TaskCandidateCardProps = CandidateCardProps<TaskCandidate, TaskEdit>;

export const TaskCandidateCard = memo(function TaskCandidateCard(props: TaskCandidateCardProps) {
  const { candidate: c, review, catalogues, editing, problems } = props;
  const { t } = useI18n();
  const deadlineText = useDeadlineText();
  const e = review.edit;
  const unitName = (code: string) => catalogues.orgUnits.find((u) => u.code === code)?.name ?? code;
  const unmatched = review.edited ? [] : [...c.lead, ...c.co].filter((u) => !u.code || u.kind === 'group').map((u) => u.mention);
  const deadline = deadlineText(e.deadline);

  return (
    <CardShell kind="task" card={props}>
      <header className="card-head">
        <p className="task-text">{e.text}</p>
        <span className="badges">
          <ConfidenceBadge value={c.confidence} />
          <StateBadge review={review} added={props.added} />
        </span>
      </header>
      <dl className="facts">
        <Fact term="task.lead">
          {e.lead.length > 0 ? e.lead.map(unitName).join(t('common.listSeparator')) : t('common.dash')}
        </Fact>
        <Fact term="task.co">{e.co.length > 0 ? e.co.map(unitName).join(t('common.listSeparator')) : t('common.dash')}</Fact>
        {e.responsibleText && <Fact term="task.responsible">{e.responsibleText}</Fact>}
        {deadline && <Fact term="task.deadline">{deadline}</Fact>}
        {c.recurrence && <Fact term="ingest.recurrence">{c.recurrence}</Fact>}
        {c.section.length > 0 && <Fact term="target.section">{c.section.join(' › ')}</Fact>}
        <Fact term="ingest.evidence">
          <Evidence items={[t(`ingest.trigger.${c.trigger}`)]} engine={c.evidence} />
        </Fact>
      </dl>
      {unmatched.length > 0 && (
        <p className="cand-warning" role="note">
          {t('ingest.unmatchedUnits', { names: unmatched.join(t('common.listSeparator')) })}
        </p>
      )}
      <ProblemList problems={problems} />
      <QuoteButton quote={c.quote} onLocate={() => props.onSelect(c.id)} />
      <Actions id={c.id} {...props} />
      {editing && (
        <TaskEditor
          edit={e}
          catalogues={catalogues}
          onSave={(edit) => props.onSave(c.id, edit)}
          onCancel={() => props.onEdit(null)}
        />
      )}
    </CardShell>
  );
});
