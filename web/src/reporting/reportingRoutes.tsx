import type { Route } from '../router.ts';
import { CompletenessPage } from './CompletenessPage.tsx';
import { EntrySheetPage } from './EntrySheetPage.tsx';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { ReportImportPage } from './ReportImportPage.tsx';
import { ReportingHomePage } from './ReportingHomePage.tsx';
import { ReviewQueuePage } from './ReviewQueuePage.tsx';
import { ReviewViewPage } from './ReviewView.tsx';
import { RuleBenchPage } from './RuleBenchPage.tsx';

/**
 * Pages under #/reporting:
 *   /reporting                              我的填报
 *   /reporting/review                       审核队列
 *   /reporting/review/<form>/<orgUnit>/<period>  审核 (the review view of one submission)
 *   /reporting/import                       导入
 *   /reporting/forms/<form>/rules           规则试算
 *   /reporting/<form>/completeness?period=  报送情况
 *   /reporting/<form>/<orgUnit>/<period>    填报表
 * Form codes are upper case, so they never clash with the fixed words.
 */
export function ReportingPage({ route }: { route: Route }) {
  const [, a, b, c, ...rest] = route.segments;
  if (a === 'review' && b !== undefined && c !== undefined && rest.length === 1)
    return <ReviewViewPage form={b} orgUnit={c} period={rest[0]!} />;
  if (rest.length > 0) return <NotFoundPage />;
  if (a === undefined) return <ReportingHomePage />;
  if (a === 'review' && b === undefined) return <ReviewQueuePage />;
  if (a === 'import' && b === undefined) return <ReportImportPage />;
  if (a === 'forms' && b !== undefined && c === 'rules') return <RuleBenchPage formCode={b} />;
  if (b === 'completeness' && c === undefined) return <CompletenessPage formCode={a} period={route.query.get('period')} />;
  if (b !== undefined && c !== undefined) return <EntrySheetPage form={a} orgUnit={b} period={c} />;
  return <NotFoundPage />;
}
