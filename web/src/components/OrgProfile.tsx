import { useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import type { OrgUnit, OrgUnitDetail, Plan, Target, Task } from '../api/types.ts';
import { useAsync } from '../api/useAsync.ts';
import { useIndicatorNames } from '../api/useIndicatorNames.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router.ts';
import { OrgProfileCard } from './OrgProfileCard.tsx';
import { ShowMore } from './ShowMore.tsx';
import { Empty, ErrorMessage, Loading } from './Status.tsx';
import { TargetCard } from './TargetCard.tsx';
import { TaskCard } from './TaskCard.tsx';
import { useIncremental } from './useIncremental.ts';

const PAGE_SIZE = 100;

interface Related {
  /** Each target with the group through which it applies (null = applies to the unit itself). */
  targets: { target: Target; via: string | null }[];
  tasks: Task[];
  plans: Map<string, Plan>;
}

async function loadRelated(unit: OrgUnitDetail, signal: AbortSignal): Promise<Related> {
  const [own, byGroup, lead, co, plans] = await Promise.all([
    api.targets({ orgUnit: unit.code }, signal),
    Promise.all(unit.groups.map((g) => api.targets({ group: g.code }, signal).then((ts) => ({ g, ts })))),
    api.tasks({ orgUnit: unit.code, role: 'lead' }, signal),
    api.tasks({ orgUnit: unit.code, role: 'co' }, signal),
    api.plans(signal).catch(() => [] as Plan[]),
  ]);
  const seen = new Set<number>();
  const targets: Related['targets'] = [];
  const add = (target: Target, via: string | null) => {
    if (seen.has(target.id)) return;
    seen.add(target.id);
    targets.push({ target, via });
  };
  for (const target of own) add(target, null);
  for (const { g, ts } of byGroup) for (const target of ts) add(target, g.name);
  const taskSeen = new Set<number>();
  const tasks = [...lead, ...co].filter((x) => !taskSeen.has(x.id) && (taskSeen.add(x.id), true));
  return { targets, tasks, plans: new Map(plans.map((p) => [p.id, p])) };
}

function groupByPlan<T>(items: readonly T[], planOf: (x: T) => string): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = planOf(x);
    const list = m.get(k) ?? [];
    list.push(x);
    m.set(k, list);
  }
  return [...m.entries()];
}

export function OrgProfile({ code, units }: { code: string; units: readonly OrgUnit[] }) {
  const i18n = useI18n();
  const { t, lang, count } = i18n;
  const [attempt, setAttempt] = useState(0);
  const indicatorName = useIndicatorNames(lang);
  const byCode = useMemo(() => new Map(units.map((u) => [u.code, u])), [units]);

  const detail = useAsync((signal) => api.orgUnit(code, signal), [code, attempt]);
  const unit = detail.status === 'ok' ? detail.data : null;
  const related = useAsync((signal) => (unit ? loadRelated(unit, signal) : new Promise<Related>(() => undefined)), [unit]);
  const targets = related.status === 'ok' ? related.data.targets : [];
  const tasks = related.status === 'ok' ? related.data.tasks : [];
  const shownTargets = useIncremental(targets, PAGE_SIZE, code);
  const shownTasks = useIncremental(tasks, PAGE_SIZE, code);

  if (detail.status === 'loading') return <Loading />;
  if (detail.status === 'error') return <ErrorMessage error={detail.error} onRetry={() => setAttempt((a) => a + 1)} />;
  const u = detail.data;
  const parent = u.parent ? byCode.get(u.parent) : undefined;
  const prefecture = u.zone?.prefecture ? byCode.get(u.zone.prefecture) : undefined;
  const planTitle = (id: string) => (related.status === 'ok' ? (related.data.plans.get(id)?.title ?? id) : id);

  return (
    <div className="org-profile">
      <OrgProfileCard unit={u} parent={parent} prefecture={prefecture} />

      <section className="list-section" aria-labelledby="org-targets">
        <h2 id="org-targets" className="section-title">
          {t('org.targets')}
          {related.status === 'ok' && <span className="count-pill">{count(targets.length)}</span>}
        </h2>
        {related.status === 'loading' && <Loading />}
        {related.status === 'error' && <ErrorMessage error={related.error} onRetry={() => setAttempt((a) => a + 1)} />}
        {related.status === 'ok' && targets.length === 0 && <Empty>{t('org.noTargets')}</Empty>}
        {groupByPlan(shownTargets.visible, (x) => x.target.planId).map(([planId, list]) => (
          <div key={planId} className="plan-group">
            <h3 className="plan-group-title">
              <a href={href('plans', planId)}>{planTitle(planId)}</a>
            </h3>
            <div className="card-list">
              {list.map(({ target, via }) => (
                <TargetCard
                  key={target.id}
                  target={target}
                  indicatorName={indicatorName}
                  context={via ? t('org.viaGroup', { group: via }) : undefined}
                  showSection
                />
              ))}
            </div>
          </div>
        ))}
        <ShowMore remaining={shownTargets.remaining} onClick={shownTargets.showMore} />
      </section>

      <section className="list-section" aria-labelledby="org-tasks">
        <h2 id="org-tasks" className="section-title">
          {t('org.tasks')}
          {related.status === 'ok' && <span className="count-pill">{count(tasks.length)}</span>}
        </h2>
        {related.status === 'loading' && <Loading />}
        {related.status === 'ok' && tasks.length === 0 && <Empty>{t('org.noTasks')}</Empty>}
        {groupByPlan(shownTasks.visible, (x) => x.planId).map(([planId, list]) => (
          <div key={planId} className="plan-group">
            <h3 className="plan-group-title">
              <a href={href('plans', planId)}>{planTitle(planId)}</a>
            </h3>
            <div className="card-list">
              {list.map((task) => (
                <TaskCard key={task.id} task={task} unit={u.code} showSection />
              ))}
            </div>
          </div>
        ))}
        <ShowMore remaining={shownTasks.remaining} onClick={shownTasks.showMore} />
      </section>
    </div>
  );
}
