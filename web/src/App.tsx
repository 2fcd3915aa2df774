import { lazy, Suspense, useEffect } from 'react';
import type { Me } from './api/types.ts';
import { useAuth } from './auth/AuthProvider.tsx';
import { Header } from './components/Header.tsx';
import { ErrorMessage, Loading } from './components/Status.tsx';
import { useI18n } from './i18n/I18nProvider.tsx';
import { HomePage, homeRedirect } from './home/HomePage.tsx';
import { InboxPage } from './inbox/InboxPage.tsx';
import { IndicatorsPage } from './catalogue/IndicatorsPage.tsx';
import { IngestReviewPage } from './ingest/IngestReviewPage.tsx';
import { IngestUploadPage } from './ingest/IngestUploadPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { GroupsPage } from './catalogue/GroupsPage.tsx';
import { OrgUnitsPage } from './catalogue/OrgUnitsPage.tsx';
import { PlanBrowserPage } from './plans/PlanBrowserPage.tsx';
import { PlanListPage } from './plans/PlanListPage.tsx';
import { ReportingPage } from './reporting/reportingRoutes.tsx';
import { ProjectsPage } from './projects/ProjectsPage.tsx';
import { TasksPage } from './tasks/TasksPage.tsx';
import { TokensPage } from './auth/TokensPage.tsx';
import { PublishedIntakePage } from './ingest/PublishedIntakePage.tsx';
import { navigate, useRoute, type Route } from './router.ts';

/** The monitoring pages carry ECharts and the map geometry: loaded only when opened. */
const MonitorPage = lazy(() => import('./monitor/monitorRoutes.tsx').then((m) => ({ default: m.MonitorPage })));
/** The evaluation pages (考核评价) carry ECharts too: loaded only when opened. */
const EvaluationPage = lazy(() => import('./evaluation/evaluationRoutes.tsx').then((m) => ({ default: m.EvaluationPage })));
/** The industry map (产业地图) carries ECharts and the map geometry too: loaded only when opened. */
const IndustryMapPage = lazy(() => import('./industry-map/IndustryMapPage.tsx').then((m) => ({ default: m.IndustryMapPage })));

function Page({ route }: { route: Route }) {
  const [first, second, ...rest] = route.segments;
  if (first === 'reporting') return <ReportingPage route={route} />;
  if (first === 'projects') return <ProjectsPage route={route} />;
  if (first === 'tasks') return <TasksPage route={route} />;
  if (first === 'monitor')
    return (
      <Suspense fallback={<Loading />}>
        <MonitorPage route={route} />
      </Suspense>
    );
  if (first === 'evaluation')
    return (
      <Suspense fallback={<Loading />}>
        <EvaluationPage route={route} />
      </Suspense>
    );
  if (first === 'industry-map')
    return second ? (
      <NotFoundPage />
    ) : (
      <Suspense fallback={<Loading />}>
        <IndustryMapPage route={route} />
      </Suspense>
    );
  if (rest.length > 0) return <NotFoundPage />;
  switch (first) {
    case 'plans':
      return second ? <PlanBrowserPage planId={second} sectionKey={route.query.get('section')} /> : <PlanListPage />;
    case 'org-units':
      return <OrgUnitsPage code={second ?? null} />;
    case 'groups':
      return second ? <NotFoundPage /> : <GroupsPage />;
    case 'indicators':
      return second ? <NotFoundPage /> : <IndicatorsPage />;
    case 'ingest':
      return second ? <IngestReviewPage draftId={second} /> : <IngestUploadPage />;
    case 'tokens':
      return second ? <NotFoundPage /> : <TokensPage />;
    case 'published':
      return second ? <NotFoundPage /> : <PublishedIntakePage />;
    case 'inbox':
      return second ? <NotFoundPage /> : <InboxPage />;
    default:
      return <NotFoundPage />;
  }
}

function SkipLink() {
  const { t } = useI18n();
  return (
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
  );
}

function SignedInApp({ me }: { me: Me }) {
  const route = useRoute();
  const { t } = useI18n();
  const home = route.segments.length === 0;
  const redirect = home ? homeRedirect(me) : null;

  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  // Move to the top when the page (not just the query) changes.
  const pageKey = route.segments.join('/');
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pageKey]);

  return (
    <div className="app">
      <SkipLink />
      <Header current={route.segments[0]} me={me} />
      <main id="main" className="app-main" tabIndex={-1}>
        {home ? <HomePage me={me} /> : <Page route={route} />}
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </div>
  );
}

export function App() {
  const { state, recheck } = useAuth();
  const { t } = useI18n();
  const signedOut = state.status === 'signed-out';

  // After signing out the next person starts on the home page; an expired session keeps the
  // hash, so signing in again returns to the page that was open.
  const reason = signedOut ? state.reason : null;
  useEffect(() => {
    if (reason === 'signed-out') navigate('#/', { replace: true });
  }, [reason]);

  switch (state.status) {
    case 'checking':
      return (
        <div className="app app-center">
          <Loading label={t('auth.checking')} />
        </div>
      );
    case 'error':
      return (
        <div className="app app-center">
          <ErrorMessage error={state.error} onRetry={recheck} />
        </div>
      );
    case 'signed-out':
      return <LoginPage reason={state.reason} />;
    case 'signed-in':
      // A new user gets fresh pages: nothing loaded for the previous one survives.
      return <SignedInApp key={state.me.username} me={state.me} />;
  }
}
