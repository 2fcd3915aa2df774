import { useState } from 'react';
import type { Me } from '../api/types.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { canDefinePlans, canSeeReporting } from '../auth/permissions.ts';
import { useGrantLabels } from '../auth/useGrantLabels.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router.ts';
import { InboxLink } from './InboxLink.tsx';

const NAV = [
  { key: 'plans', label: 'nav.plans' },
  { key: 'org-units', label: 'nav.orgUnits' },
  { key: 'indicators', label: 'nav.indicators' },
  { key: 'monitor', label: 'nav.monitor' },
  { key: 'tasks', label: 'nav.tasks' },
  { key: 'projects', label: 'nav.projects' },
  { key: 'evaluation', label: 'nav.evaluation' },
  { key: 'industry-map', label: 'nav.industryMap' },
] as const;

/** Shown only to those who may define plans (the server checks again). */
const INGEST_NAV = { key: 'ingest', label: 'nav.ingest' } as const;
const PUBLISHED_NAV = { key: 'published', label: 'nav.published' } as const;
const GROUPS_NAV = { key: 'groups', label: 'nav.groups' } as const;

/** 填报: for those who report, review or read figures. */
const REPORTING_NAV = { key: 'reporting', label: 'nav.reporting' } as const;

export function LangSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
      title={t('lang.switchLabel')}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {t('lang.switch')}
    </button>
  );
}

export function Brand({ link = true }: { link?: boolean }) {
  const { t } = useI18n();
  const inner = (
    <>
      <span className="brand-mark" aria-hidden="true">
        规
      </span>
      <span className="brand-text">
        <span className="brand-title">{t('app.title')}</span>
        <span className="brand-subtitle">{t('app.subtitle')}</span>
      </span>
    </>
  );
  return link ? (
    <a className="brand" href={href('plans')}>
      {inner}
    </a>
  ) : (
    <div className="brand">{inner}</div>
  );
}

function UserBox({ me, current }: { me: Me; current: string | undefined }) {
  const { t } = useI18n();
  const { logout } = useAuth();
  const roles = useGrantLabels(me);
  const [leaving, setLeaving] = useState(false);
  return (
    <div className="user-box" role="group" aria-label={t('nav.account')}>
      <div className="user-id" data-testid="current-user">
        <span className="user-name" title={`${t('auth.account')}${t('common.colon')}${me.username}`}>
          {me.displayName}
        </span>
        <span className="user-roles" data-testid="user-roles">
          {roles.map((r) => (
            <span key={r.text} className="role-chip" title={r.title}>
              {r.text}
            </span>
          ))}
        </span>
      </div>
      <InboxLink current={current} />
      <a
        className="header-link"
        href={href('tokens')}
        data-testid="nav-tokens"
        aria-current={current === 'tokens' ? 'page' : undefined}
      >
        {t('nav.tokens')}
      </a>
      <button
        type="button"
        className="btn btn-small logout-button"
        data-testid="logout"
        title={t('auth.logoutTitle')}
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          void logout();
        }}
      >
        {t('auth.logout')}
      </button>
    </div>
  );
}

export function Header({ current, me }: { current: string | undefined; me: Me }) {
  const { t } = useI18n();
  const items = [
    ...NAV,
    ...(canSeeReporting(me) ? [REPORTING_NAV] : []),
    ...(canDefinePlans(me) ? [INGEST_NAV, PUBLISHED_NAV, GROUPS_NAV] : []),
  ];
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Brand />
        <nav className="main-nav" aria-label={t('nav.main')}>
          <ul>
            {items.map((n) => (
              <li key={n.key}>
                <a href={href(n.key)} aria-current={current === n.key ? 'page' : undefined} data-testid={`nav-${n.key}`}>
                  {t(n.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <UserBox me={me} current={current} />
          <LangSwitch />
        </div>
      </div>
    </header>
  );
}
