import { useEffect } from 'react';
import { Header } from './components/Header.tsx';
import { useI18n } from './i18n/I18nProvider.tsx';
import { IndicatorsPage } from './pages/IndicatorsPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrgUnitsPage } from './pages/OrgUnitsPage.tsx';
import { PlanBrowserPage } from './pages/PlanBrowserPage.tsx';
import { PlanListPage } from './pages/PlanListPage.tsx';
import { navigate, useRoute, type Route } from './router.ts';

function Page({ route }: { route: Route }) {
  const [first, second, ...rest] = route.segments;
  if (rest.length > 0) return <NotFoundPage />;
  switch (first) {
    case 'plans':
      return second ? <PlanBrowserPage planId={second} sectionKey={route.query.get('section')} /> : <PlanListPage />;
    case 'org-units':
      return <OrgUnitsPage code={second ?? null} />;
    case 'indicators':
      return second ? <NotFoundPage /> : <IndicatorsPage />;
    default:
      return <NotFoundPage />;
  }
}

export function App() {
  const route = useRoute();
  const { t } = useI18n();
  const home = route.segments.length === 0;

  useEffect(() => {
    if (home) navigate('#/plans', { replace: true });
  }, [home]);

  // Move to the top when the page (not just the query) changes.
  const pageKey = route.segments.join('/');
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pageKey]);

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <Header current={route.segments[0]} />
      <main id="main" className="app-main" tabIndex={-1}>
        {home ? null : <Page route={route} />}
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </div>
  );
}
