import type { ComponentProps, ReactNode } from 'react';
import type { TargetCandidate, TaskCandidate } from '../api/types.ts';
import { TargetCandidateCard, TaskCandidateCard } from '../components/CandidateCards.tsx';
import type { CatalogueEntry } from '../components/NewScopeForm.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { PlacedProblem, PlanScope, ReviewState } from './reviewModel.ts';

/* The review page's two lists of candidates, targets and tasks, as the filter shows them. */

const NO_PROBLEMS: PlacedProblem[] = [];

/** What every card takes from the page alike. */
type CommonKey = 'catalogues' | 'onSelect' | 'onDecide' | 'onEdit' | 'onSave' | 'onRevert' | 'onSplit' | 'onRemove';
export type CardCommon = Pick<ComponentProps<typeof TargetCandidateCard>, CommonKey> &
  Pick<ComponentProps<typeof TaskCandidateCard>, CommonKey>;

/** A titled list of cards, or a line saying the filter leaves none. */
function CandidateSection({ id, title, shown, children }: { id: string; title: string; shown: number; children: ReactNode }) {
  const { t, count } = useI18n();
  return (
    <section className="list-section" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title} <span className="count-pill">{count(shown)}</span>
      </h2>
      {shown === 0 ? (
        <p className="status status-empty">{t('ingest.review.noneHere')}</p>
      ) : (
        <div className="card-list">{children}</div>
      )}
    </section>
  );
}

export function CandidateLists({
  targets,
  tasks,
  review,
  common,
  planScope,
  planScopeName,
  selected,
  editing,
  problemsById,
  onScopeCreated,
  onCatalogueEntry,
}: {
  targets: TargetCandidate[];
  tasks: TaskCandidate[];
  review: ReviewState;
  common: CardCommon;
  planScope: PlanScope | null;
  planScopeName: string | null;
  selected: string | null;
  editing: string | null;
  problemsById: Map<string, PlacedProblem[]>;
  onScopeCreated: ComponentProps<typeof TargetCandidateCard>['onScopeCreated'];
  onCatalogueEntry: (entry: CatalogueEntry) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <CandidateSection id="cand-targets" title={t('ingest.review.targets')} shown={targets.length}>
        {targets.map((c) => (
          <TargetCandidateCard
            key={c.id}
            {...common}
            candidate={c}
            planScope={planScope}
            planScopeName={planScopeName}
            review={review.targets[c.id]!}
            added={review.added.how[c.id]}
            selected={selected === c.id}
            editing={editing === c.id}
            problems={problemsById.get(c.id) ?? NO_PROBLEMS}
            onScopeCreated={onScopeCreated}
            onCatalogueEntry={onCatalogueEntry}
          />
        ))}
      </CandidateSection>
      <CandidateSection id="cand-tasks" title={t('ingest.review.tasks')} shown={tasks.length}>
        {tasks.map((c) => (
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
      </CandidateSection>
    </>
  );
}
