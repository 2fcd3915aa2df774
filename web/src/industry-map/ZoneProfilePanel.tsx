import type { ReactNode } from 'react';
import { useAsync } from '../api/useAsync.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { Fact } from '../components/Fact.tsx';
import { GradeHistoryTable } from '../evaluation/ResultsUse.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ClassBadge, SyntheticTag, WarningBadge } from '../monitor/MonitorBits.tsx';
import { targetText } from '../monitor/targetText.ts';
import { href } from '../router.ts';
import { industryMapApi } from './industryMapApi.ts';
import type { ChainOut, ZoneProfile } from './industryMapTypes.ts';

function Facts({ p }: { p: ZoneProfile }) {
  const { t, label, num, lang } = useI18n();
  const z = p.zone;
  return (
    <dl className="imap-facts">
      <Fact bare term="imap.profile.prefecture">
        {z.prefecture ? <a href={href('org-units', z.prefecture.code)}>{z.prefecture.name}</a> : t('common.dash')}
      </Fact>
      <Fact bare term="imap.profile.kind">
        {z.zoneKind ? label('zoneKind', z.zoneKind) : label('orgKind', z.kind)}
      </Fact>
      <Fact bare term="imap.profile.level">
        {z.level ? label('zoneLevel', z.level) : t('common.dash')}
      </Fact>
      {z.areaKm2 && (
        <Fact bare term="imap.profile.area">
          {t('imap.profile.areaValue', { n: num(z.areaKm2) })}
        </Fact>
      )}
      {z.groups.length > 0 && (
        <Fact bare term="imap.profile.groups">
          {z.groups.map((g) => g.name).join(lang === 'zh' ? '、' : ', ')}
        </Fact>
      )}
      {z.source && (
        <Fact bare term="imap.profile.source">
          <q className="small">{z.source.quote}</q>
        </Fact>
      )}
    </dl>
  );
}

function Chains({ p }: { p: ZoneProfile }) {
  const { t, lang } = useI18n();
  const name = (x: { name: string; nameEn: string }) => (lang === 'zh' ? x.name : x.nameEn);
  const sep = lang === 'zh' ? '、' : ', ';
  return (
    <section aria-labelledby="imap-p-chains">
      <h3 id="imap-p-chains">{t('imap.profile.chains')}</h3>
      <p className="imap-chips" data-testid="profile-chains">
        {p.chains.map((c) => (
          <span key={c.code} className="imap-chip" title={c.source.quote} data-code={c.code}>
            <span className="imap-swatch" style={{ background: c.colour }} aria-hidden="true" />
            {name(c)}
          </span>
        ))}
        {p.industries
          .filter((i) => !p.chains.some((c) => c.industry === i.code))
          .map((i) => (
            <span key={i.code} className="imap-chip" title={i.source.quote}>
              <span className="imap-swatch" style={{ background: i.colour }} aria-hidden="true" />
              {name(i)}
            </span>
          ))}
        {p.chains.length === 0 && p.industries.length === 0 && <span className="muted">{t('imap.noIndustry')}</span>}
      </p>
      {p.zone.leadingIndustries.length > 0 && (
        <p className="muted small">{t('imap.profile.planWording', { labels: p.zone.leadingIndustries.join(sep) })}</p>
      )}
      {p.zone.unmatched.length > 0 && (
        <p className="muted small">{t('imap.profile.unmatched', { labels: p.zone.unmatched.join(sep) })}</p>
      )}
    </section>
  );
}

type PartName = 'targets' | 'projects' | 'evaluations' | 'tasks';

/**
 * A part of the profile under its own heading (imap.profile.<part>): the line saying there is nothing
 * (imap.profile.<part>None), or the items as a list (after an optional summary line).
 */
function ProfilePart<T>({
  part,
  title,
  items,
  listClass = 'imap-items',
  summary,
  after,
  children,
}: {
  part: PartName;
  /** The heading, where it says more than the part's name. */
  title?: string;
  items: readonly T[];
  listClass?: string;
  summary?: ReactNode;
  /** Shown below the list whether or not it is empty. */
  after?: ReactNode;
  children: (item: T) => ReactNode;
}) {
  const { t } = useI18n();
  const id = `imap-p-${part}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title ?? t(`imap.profile.${part}`)}</h3>
      {items.length === 0 ? (
        <p className="muted">{t(`imap.profile.${part}None`)}</p>
      ) : (
        <>
          {summary}
          <ul className={listClass} data-testid={`profile-${part}`}>
            {items.map(children)}
          </ul>
        </>
      )}
      {after}
    </section>
  );
}

function Targets({ p }: { p: ZoneProfile }) {
  const i18n = useI18n();
  const { t, num, lang } = i18n;
  return (
    <ProfilePart
      part="targets"
      title={t('imap.profile.targets', { at: p.at })}
      items={p.targets}
      listClass="imap-items imap-targets"
      summary={
        <p className="small" data-testid="profile-target-summary">
          {t('imap.profile.targetsSummary', { total: p.summary.total, ...p.summary.warnings })}
        </p>
      }
    >
      {(x) => {
        const j = x.progress.judgement;
        return (
          <li key={`${x.plan.id}/${x.progress.key}`} data-testid="profile-target" data-key={x.progress.key}>
            <div>
              <a href={href('monitor', x.plan.id, 'targets', x.progress.key, { at: p.at })}>
                {lang === 'zh' ? x.progress.indicator.name : x.progress.indicator.nameEn}
              </a>{' '}
              <ClassBadge cls={j.class} /> <WarningBadge level={x.progress.warning.level} />
            </div>
            <div className="small">
              {t('imap.profile.target')}：{targetText(x.progress, i18n)} · {t('imap.profile.current')}：
              {j.current === null ? t('common.dash') : `${num(j.current)}${x.progress.indicator.unit}`}
              {j.currentOrigin === 'synthetic' && <SyntheticTag />}
              {x.group && (
                <>
                  {' '}
                  · {t('imap.profile.group')}：<ClassBadge cls={x.group.class} />
                </>
              )}
            </div>
            <div className="muted small">
              {x.via.kind === 'group' ? t('imap.profile.viaGroup', { name: x.via.name }) : t('imap.profile.viaOwn')} ·{' '}
              {x.plan.title}
            </div>
          </li>
        );
      }}
    </ProfilePart>
  );
}

function Projects({ p }: { p: ZoneProfile }) {
  const { t, label, num, lang } = useI18n();
  if (p.projects === null) return null;
  return (
    <ProfilePart part="projects" items={p.projects}>
      {(x) => (
        <li key={x.id}>
          <a href={href('projects', String(x.id))}>{x.name}</a>{' '}
          <span className="badge" data-stage={x.stage}>
            {label('projects.stage', x.stage)}
          </span>
          {x.stalled && <span className="badge warning-red">{t('imap.profile.stalled')}</span>}
          {x.synthetic && <span className="badge tag-synthetic">{t('imap.profile.synthetic')}</span>}
          <div className="muted small">
            {x.chain ? `${lang === 'zh' ? x.chain.name : x.chain.nameEn} · ` : ''}
            {t('imap.profile.investment', { n: num(x.totalInvestment) })}
          </div>
        </li>
      )}
    </ProfilePart>
  );
}

function Evaluations({ p }: { p: ZoneProfile }) {
  const { t, num, lang } = useI18n();
  if (p.evaluations === null) return null;
  return (
    <ProfilePart
      part="evaluations"
      after={
        <>
          <h4>{t('eval.history.heading')}</h4>
          <GradeHistoryTable code={p.zone.code} />
        </>
      }
      items={p.evaluations}
    >
      {(e) => (
        <li key={e.runId}>
          <a href={href('evaluation', 'runs', String(e.runId), 'units', p.zone.code)}>
            {lang === 'zh' ? e.scheme.name : (e.scheme.nameEn ?? e.scheme.name)} · {e.year}
          </a>
          {e.status !== 'published' && <span className="badge">{t('imap.profile.draft')}</span>}
          <div className="small">
            {t('imap.profile.score')} {e.score === null ? t('common.dash') : num(e.score.toFixed(2))} · {t('imap.profile.rank')}{' '}
            {e.rank === null ? t('common.dash') : t('imap.profile.rankValue', { rank: e.rank, n: e.units })} ·{' '}
            {t('imap.profile.grade')} {e.grade ?? t('common.dash')}
          </div>
        </li>
      )}
    </ProfilePart>
  );
}

function Tasks({ p }: { p: ZoneProfile }) {
  const { t, label, date } = useI18n();
  if (p.tasks === null) return null;
  return (
    <ProfilePart part="tasks" items={p.tasks}>
      {(x) => (
        <li key={`${x.plan}/${x.key}/${x.unit.code}`}>
          <a href={href('tasks', x.plan, x.key)}>{x.title}</a>{' '}
          <span className="badge">{t(x.role === 'lead' ? 'imap.profile.role.lead' : 'imap.profile.role.co')}</span>
          <span className="badge">{label('tasks.status', x.status)}</span>
          {x.overdue && <span className="badge warning-red">{t('imap.profile.overdue')}</span>}
          <div className="muted small">
            {x.unit.name}
            {x.deadline ? ` · ${t('imap.profile.deadline', { date: date(x.deadline) })}` : ''}
          </div>
        </li>
      )}
    </ProfilePart>
  );
}

/** One zone's profile (园区画像): facts, chains, targets with progress, projects, evaluation results, tasks. */
export function ZoneProfilePanel({
  code,
  at,
  chains,
  onClose,
}: {
  code: string;
  at: string | null;
  chains: readonly ChainOut[];
  onClose: () => void;
}) {
  const state = useAsync((signal) => industryMapApi.profile(code, at, signal), [code, at]);
  return <AsyncView state={state}>{(p) => <Profile p={p} chains={chains} onClose={onClose} />}</AsyncView>;
}

function Profile({ p, chains, onClose }: { p: ZoneProfile; chains: readonly ChainOut[]; onClose: () => void }) {
  const { t, lang } = useI18n();
  const primary = chains.find((c) => c.code === p.zone.primaryChain);
  return (
    <div className="imap-profile" data-testid="zone-profile" data-code={p.zone.code}>
      <div className="imap-profile-head">
        <h2 className="section-title">
          <span className="imap-swatch" style={{ background: p.zone.marker.colour }} aria-hidden="true" />
          {lang === 'zh' ? p.zone.name : (p.zone.nameEn ?? p.zone.name)}
        </h2>
        <button type="button" className="btn btn-small" onClick={onClose} data-testid="profile-close">
          {t('imap.profile.close')}
        </button>
      </div>
      {primary && <p className="muted small">{lang === 'zh' ? primary.name : primary.nameEn}</p>}
      <Facts p={p} />
      <Chains p={p} />
      <Targets p={p} />
      <Projects p={p} />
      <Evaluations p={p} />
      <Tasks p={p} />
    </div>
  );
}
