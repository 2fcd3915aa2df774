import { NotFoundPage } from '../components/NotFoundPage.tsx';
import type { Route } from '../router.ts';
import { EvaluationHomePage } from './EvaluationHomePage.tsx';
import { RunPage } from './RunPage.tsx';
import { SchemeEditorPage } from './SchemeEditorPage.tsx';
import { UnitPage } from './UnitPage.tsx';
import './evaluation.css';

/**
 * Pages under #/evaluation (loaded on demand, with ECharts):
 *   /evaluation?year=                               schemes (edit, run for a year) and runs
 *   /evaluation/schemes/<code>?version=&year=       scheme editor with live preview
 *   /evaluation/runs/<id>                           results: table, filters, charts, downloads, publish
 *   /evaluation/runs/<id>/units/<code>              one unit's breakdown
 */
export function EvaluationPage({ route }: { route: Route }) {
  const [, a, b, c, d, ...rest] = route.segments;
  const q = route.query;
  if (rest.length > 0) return <NotFoundPage />;
  if (a === undefined) return <EvaluationHomePage year={q.get('year')} />;
  if (a === 'schemes' && b !== undefined && c === undefined)
    return <SchemeEditorPage code={b} version={q.get('version')} year={q.get('year')} />;
  const id = Number(b);
  if (a === 'runs' && Number.isInteger(id) && id > 0) {
    if (c === undefined) return <RunPage id={id} />;
    if (c === 'units' && d !== undefined) return <UnitPage id={id} code={d} />;
  }
  return <NotFoundPage />;
}
