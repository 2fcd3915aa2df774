import { useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import type { OrgUnit, OrgUnitDetail, Plan, Target, Task } from '../api/types.ts';
import { useAsync } from '../api/useAsync.ts';
import { useIndicatorNames } from '../api/useIndicatorNames.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router.ts';
import { ShowMore } from './ShowMore.tsx';
import { Empty, ErrorMessage, Loading } from './Status.tsx';
import { TargetCard } from './TargetCard.tsx';
import { TaskCard } from './TaskCard.tsx';
import { useIncremental } from './useIncremental.ts';

const ZONE_KINDS = new Set(['development_zone', 'ftz', 'ftz_area', 'linkage_zone', 'bonded_zone']);
const PAGE_SIZE = 100;

export function isZone(u: Pick<OrgUnit, 'kind' | 'zone'>): boolean {
  return u.zone !== null || ZONE_KINDS.has(u.kind);
}

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
  const { t, lang, label, num, count } = i18n;
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
  const zone = isZone(u);
  const parent = u.parent ? byCode.get(u.parent) : undefined;
  const prefecture = u.zone?.prefecture ? byCode.get(u.zone.prefecture) : undefined;
  const planTitle = (id: string) => (related.status === 'ok' ? (related.data.plans.get(id)?.title ?? id) : id);

  return (
    <div className="org-profile">
      <section
        className="card profile-card"
        data-testid={zone ? 'zone-profile' : 'org-profile'}
        data-code={u.code}
        aria-labelledby="org-profile-heading"
      >
        <header className="card-head">
          <div>
            <p className="eyebrow">{zone ? t('org.zoneProfile') : t('org.profile')}</p>
            <h2 id="org-profile-heading" className="profile-title">
              {u.name}
            </h2>
            {lang === 'en' && u.nameEn && <p className="muted">{u.nameEn}</p>}
          </div>
          <div className="badges">
            {u.zone?.level && <span className="badge badge-level">{label('zoneLevel', u.zone.level)}</span>}
            <span className="tag tag-kind">{label('orgKind', u.kind)}</span>
          </div>
        </header>
        <dl className="facts facts-grid">
          {lang === 'en' && (
            <div>
              <dt>{t('org.code')}</dt>
              <dd>
                <code>{u.code}</code>
              </dd>
            </div>
          )}
          <div>
            <dt>{t('org.kind')}</dt>
            <dd>{label('orgKind', u.kind)}</dd>
          </div>
          {parent && (
            <div>
              <dt>{t('org.parent')}</dt>
              <dd>
                <a href={href('org-units', parent.code)}>{parent.name}</a>
              </dd>
            </div>
          )}
          {u.divisionCode && (
            <div>
              <dt>{t('org.divisionCode')}</dt>
              <dd>{u.divisionCode}</dd>
            </div>
          )}
          {zone && (
            <>
              <div>
                <dt>{t('org.level')}</dt>
                <dd>{u.zone?.level ? label('zoneLevel', u.zone.level) : t('common.dash')}</dd>
              </div>
              <div>
                <dt>{t('org.zoneKind')}</dt>
                <dd>{u.zone?.kind ? label('zoneKind', u.zone.kind) : label('orgKind', u.kind)}</dd>
              </div>
              <div>
                <dt>{t('org.prefecture')}</dt>
                <dd>
                  {u.zone?.prefecture ? (
                    <a href={href('org-units', u.zone.prefecture)}>{prefecture?.name ?? u.zone.prefecture}</a>
                  ) : (
                    t('common.dash')
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('org.area')}</dt>
                <dd>{u.zone?.areaKm2 ? t('org.areaValue', { area: num(u.zone.areaKm2) }) : t('common.dash')}</dd>
              </div>
              <div className="span-all">
                <dt>{t('org.leadingIndustries')}</dt>
                <dd>
                  {u.zone && u.zone.leadingIndustries.length > 0 ? (
                    <ul className="chip-list">
                      {u.zone.leadingIndustries.map((x) => (
                        <li key={x} className="chip">
                          {x}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t('common.dash')
                  )}
                </dd>
              </div>
            </>
          )}
          <div className="span-all">
            <dt>{t('org.groups')}</dt>
            <dd>
              {u.groups.length > 0 ? (
                <ul className="chip-list">
                  {u.groups.map((g) => (
                    <li key={g.code} className="chip">
                      <span className="chip-kind">{label('groupKind', g.kind)}</span>
                      {g.name}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{t('org.noGroups')}</span>
              )}
            </dd>
          </div>
        </dl>
      </section>

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
