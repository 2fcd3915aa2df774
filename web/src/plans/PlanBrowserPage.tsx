import { useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import type { PlanSection, Target, Task } from '../api/types.ts';
import { useAsync } from '../api/useAsync.ts';
import { useIndicatorNames } from '../api/useIndicatorNames.ts';
import { canReadAudit } from '../auth/permissions.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { ConsistencyPanel } from '../components/ConsistencyPanel.tsx';
import { SectionTree } from '../components/SectionTree.tsx';
import { ShowMore } from '../components/ShowMore.tsx';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { TargetCard } from '../components/TargetCard.tsx';
import { TaskCard } from '../components/TaskCard.tsx';
import { useIncremental } from '../components/useIncremental.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href, navigate } from '../router.ts';
import { ancestorKeys, descendantKeys } from '../sectionTree.ts';
import { PlanHead } from './PlanHead.tsx';
import { PlanScopeBar, SectionTextPanel } from './PlanScope.tsx';

const PAGE_SIZE = 100;
/** Height of the sticky header plus a little air. */
const HEADER_OFFSET = 72;

/** Targets and tasks per section, each counted in its section and in every ancestor. */
function countBySection(sections: readonly PlanSection[], targets: readonly Target[], tasks: readonly Task[]) {
  const parent = new Map(sections.map((s) => [s.key, s.parentKey]));
  const counts = new Map<string, { targets: number; tasks: number }>();
  const bump = (key: string | undefined, field: 'targets' | 'tasks') => {
    const seen = new Set<string>();
    let cur: string | null | undefined = key;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      const c = counts.get(cur) ?? { targets: 0, tasks: 0 };
      c[field] += 1;
      counts.set(cur, c);
      cur = parent.get(cur);
    }
  };
  for (const t of targets) bump(t.section?.key, 'targets');
  for (const t of tasks) bump(t.section?.key, 'tasks');
  return counts;
}

export function PlanBrowserPage({ planId, sectionKey }: { planId: string; sectionKey: string | null }) {
  const { t, lang, count } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const indicatorName = useIndicatorNames(lang);
  const me = useMe();

  const state = useAsync(
    async (signal) => {
      const [plan, sections, targets, tasks] = await Promise.all([
        api.plan(planId, signal),
        api.sections(planId, signal),
        api.targets({ plan: planId }, signal),
        api.tasks({ plan: planId }, signal),
      ]);
      return { plan, sections, targets, tasks };
    },
    [planId, attempt],
  );

  const data = state.status === 'ok' ? state.data : null;
  const sections = useMemo(() => data?.sections ?? [], [data]);
  const selected = sectionKey !== null && sections.some((s) => s.key === sectionKey) ? sectionKey : null;
  const selectedSection = sections.find((s) => s.key === selected) ?? null;

  const counts = useMemo(() => (data ? countBySection(data.sections, data.targets, data.tasks) : new Map()), [data]);

  const { targets, tasks } = useMemo(() => {
    if (!data) return { targets: [] as Target[], tasks: [] as Task[] };
    if (selected === null) return { targets: data.targets, tasks: data.tasks };
    const keys = descendantKeys(data.sections, selected);
    const inScope = (s: { key: string } | null) => s !== null && keys.has(s.key);
    return {
      targets: data.targets.filter((x) => inScope(x.section)),
      tasks: data.tasks.filter((x) => inScope(x.section)),
    };
  }, [data, selected]);

  const shownTargets = useIncremental(targets, PAGE_SIZE, `${planId}:${selected}`);
  const shownTasks = useIncremental(tasks, PAGE_SIZE, `${planId}:${selected}`);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <section className="page">
        <p>
          <a href={href('plans')}>← {t('plan.back')}</a>
        </p>
        <ErrorMessage error={state.error} onRetry={() => setAttempt((a) => a + 1)} />
      </section>
    );

  const { plan } = state.data;
  const trail = selected
    ? ancestorKeys(sections, selected)
        .reverse()
        .map((k) => sections.find((s) => s.key === k))
        .filter((s): s is PlanSection => s !== undefined)
    : [];
  const select = (key: string | null) => {
    navigate(href('plans', planId, { section: key }));
    // Bring the top of the filtered lists into view if the reader had scrolled past it.
    const top = document.getElementById('plan-split')?.getBoundingClientRect().top;
    if (top !== undefined && top < HEADER_OFFSET) window.scrollBy({ top: top - HEADER_OFFSET });
  };

  return (
    <section className="page plan-page" aria-labelledby="plan-heading">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <a href={href('plans')}>← {t('plan.back')}</a>
      </nav>
      <PlanHead plan={plan} showHistoryButton={canReadAudit(me)} />

      <ConsistencyPanel planId={plan.id} targets={state.data.targets} />

      <div className="split" id="plan-split">
        <aside className="split-side panel">
          <SectionTree
            sections={sections}
            selected={selected}
            counts={counts}
            totals={{ targets: state.data.targets.length, tasks: state.data.tasks.length }}
            onSelect={select}
          />
        </aside>

        <div className="split-main">
          <PlanScopeBar
            trail={trail}
            selectedSection={selectedSection}
            targetCount={targets.length}
            taskCount={tasks.length}
            select={select}
          />
          {selectedSection && <SectionTextPanel key={selectedSection.key} section={selectedSection} />}

          <section className="list-section" aria-labelledby="plan-targets">
            <h2 id="plan-targets" className="section-title">
              {t('plan.targets')} <span className="count-pill">{count(targets.length)}</span>
            </h2>
            {targets.length === 0 ? (
              <Empty>{t('plan.noTargets')}</Empty>
            ) : (
              <div className="card-list">
                {shownTargets.visible.map((x) => (
                  <TargetCard key={x.id} target={x} indicatorName={indicatorName} showSection={x.section?.key !== selected} />
                ))}
              </div>
            )}
            <ShowMore remaining={shownTargets.remaining} onClick={shownTargets.showMore} />
          </section>

          <section className="list-section" aria-labelledby="plan-tasks">
            <h2 id="plan-tasks" className="section-title">
              {t('plan.tasks')} <span className="count-pill">{count(tasks.length)}</span>
            </h2>
            {tasks.length === 0 ? (
              <Empty>{t('plan.noTasks')}</Empty>
            ) : (
              <div className="card-list">
                {shownTasks.visible.map((x) => (
                  <TaskCard key={x.id} task={x} showSection={x.section?.key !== selected} />
                ))}
              </div>
            )}
            <ShowMore remaining={shownTasks.remaining} onClick={shownTasks.showMore} />
          </section>
        </div>
      </div>
    </section>
  );
}
