import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router.ts';

const NAV = [
  { key: 'plans', label: 'nav.plans' },
  { key: 'org-units', label: 'nav.orgUnits' },
  { key: 'indicators', label: 'nav.indicators' },
] as const;

export function Header({ current }: { current: string | undefined }) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <a className="brand" href={href('plans')}>
          <span className="brand-mark" aria-hidden="true">
            规
          </span>
          <span className="brand-text">
            <span className="brand-title">{t('app.title')}</span>
            <span className="brand-subtitle">{t('app.subtitle')}</span>
          </span>
        </a>
        <nav className="main-nav" aria-label={t('nav.main')}>
          <ul>
            {NAV.map((n) => (
              <li key={n.key}>
                <a href={href(n.key)} aria-current={current === n.key ? 'page' : undefined}>
                  {t(n.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
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
      </div>
    </header>
  );
}
