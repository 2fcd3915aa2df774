import { useEffect } from 'react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { defaultMonitorPlan } from './defaults.ts';
import { href, navigate, type Route } from '../router.ts';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { ComparisonPage } from './ComparisonPage.tsx';
import { MapPage } from './MapPage.tsx';
import { MethodsPage } from './MethodsPage.tsx';
import { MonitorOverviewPage } from './MonitorOverviewPage.tsx';
import { TargetDetailPage } from './TargetDetailPage.tsx';

/** #/monitor alone: opens the first plan with targets the user can see. */
function MonitorHome() {
  const { t } = useI18n();
  const plans = useAsync((signal) => api.plans(signal), []);
  const first = plans.status === 'ok' ? (defaultMonitorPlan(plans.data) ?? undefined) : undefined;
  useEffect(() => {
    if (first) navigate(href('monitor', first), { replace: true });
  }, [first]);
  if (plans.status === 'error') return <ErrorMessage error={plans.error} />;
  if (plans.status === 'ok' && !first) return <Empty>{t('monitor.noPlans')}</Empty>;
  return <Loading />;
}

/**
 * Pages under #/monitor (loaded on demand, with ECharts and the map geometry):
 *   /monitor                               → the first plan
 *   /monitor/compare?plan=&indicator=&at=&by=   单位对比
 *   /monitor/map?plan=&indicator=&at=&colour=   监测地图
 *   /monitor/<plan>?at=&method=                 规划监测总览
 *   /monitor/<plan>/targets/<key>?at=           指标详情
 *   /monitor/<plan>/methods?at=                 方法比较
 */
export function MonitorPage({ route }: { route: Route }) {
  const [, a, b, c, ...rest] = route.segments;
  const q = route.query;
  if (rest.length > 0) return <NotFoundPage />;
  if (a === undefined) return <MonitorHome />;
  if (a === 'compare' && b === undefined) return <ComparisonPage query={q} />;
  if (a === 'map' && b === undefined) return <MapPage query={q} />;
  if (b === undefined) return <MonitorOverviewPage planId={a} at={q.get('at')} method={q.get('method')} query={q} />;
  if (b === 'methods' && c === undefined) return <MethodsPage planId={a} at={q.get('at')} />;
  if (b === 'targets' && c !== undefined) return <TargetDetailPage planId={a} targetKey={c} at={q.get('at')} />;
  return <NotFoundPage />;
}
