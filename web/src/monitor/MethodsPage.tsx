import { useState } from 'react';
import { api } from '../api/client.ts';
import { PROGRESS_METHODS, type PlanProgress, type ProgressClass, type ProgressMethod } from '../api/progressTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { classOnCourse } from './classes.ts';
import { ClassBadge, MethodVerdict, SyntheticTag } from './MonitorBits.tsx';
import { href } from '../router.ts';
import { usePlanAndAt } from './MonitorOverviewPage.tsx';
import { PlanPageFrame } from './PlanPageFrame.tsx';

type ClassesByMethod = Record<ProgressMethod, Map<string, ProgressClass>>;

/**
 * The plan judged by each method. The server maps every method onto the official scale with the
 * plan's own thresholds, so the comparison uses its answers rather than re-deriving them here.
 */
async function judgedByEveryMethod(planId: string, at: string, signal: AbortSignal) {
  const answers = await Promise.all(PROGRESS_METHODS.map((m) => api.progress(planId, at, m, signal)));
  const official = answers[0] as PlanProgress;
  const classes = Object.fromEntries(
    PROGRESS_METHODS.map((m, i) => [m, new Map(answers[i]!.targets.map((x) => [x.key, x.judgement.class]))]),
  ) as ClassesByMethod;
  return { official, classes };
}

/** Another method reaches the opposite conclusion (on course or not) from the official one. */
function differs(classes: ClassesByMethod, method: ProgressMethod, key: string): boolean {
  if (method === 'official') return false;
  const a = classes.official.get(key);
  const b = classes[method].get(key);
  if (!a || !b) return false;
  const x = classOnCourse(a);
  const y = classOnCourse(b);
  return x !== null && y !== null && x !== y;
}

/** 方法比较 (#/monitor/<plan>/methods?at=): every target × method, disagreements with the official verdict marked. */
export function MethodsPage({ planId, at: asked }: { planId: string; at: string | null }) {
  const { t, lang, label, count } = useI18n();
  const planAndAt = usePlanAndAt(planId, asked);
  const { plan, at } = planAndAt;
  const [onlyDisagreements, setOnlyDisagreements] = useState(false);
  const state = useAsync((signal) => (at ? judgedByEveryMethod(planId, at, signal) : Promise.resolve(null)), [planId, at]);
  const data = state.status === 'ok' ? (state.data?.official ?? null) : null;
  const classes = state.status === 'ok' ? (state.data?.classes ?? null) : null;
  const rows = (data?.targets ?? []).map((x) => ({
    x,
    anyDiffers: classes ? PROGRESS_METHODS.some((m) => differs(classes, m, x.key)) : false,
  }));
  const disagreeing = rows.filter((r) => r.anyDiffers).length;
  const shown = onlyDisagreements ? rows.filter((r) => r.anyDiffers) : rows;

  return (
    <PlanPageFrame
      planId={planId}
      planAndAt={planAndAt}
      path={['methods']}
      headingId="methods-heading"
      heading={
        <>
          {t('monitor.methods.heading')}
          {plan && <span className="muted"> · {lang === 'zh' ? plan.title : (plan.titleEn ?? plan.title)}</span>}
        </>
      }
      intro={t('monitor.methods.intro')}
      indicator={data?.targets[0]?.indicator.code}
      testId="monitor-methods"
      tools={
        <label className="toolbar-field">
          <input type="checkbox" checked={onlyDisagreements} onChange={(e) => setOnlyDisagreements(e.target.checked)} />
          {t('monitor.methods.onlyDisagreements')}
        </label>
      }
    >
      {state.status === 'loading' && at && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {data &&
        (data.targets.length === 0 ? (
          <Empty>{t('monitor.noTargets')}</Empty>
        ) : (
          <>
            <p className="methods-summary" data-testid="methods-summary" data-disagree={disagreeing}>
              {t('monitor.methods.disagree', { n: count(disagreeing) })}
            </p>
            <DataTable
              className="data-table methods-table"
              testId="methods-table"
              columns={[
                'monitor.col.target',
                'monitor.col.subject',
                ...PROGRESS_METHODS.map((m) => ({ label: label('monitor.method', m) })),
              ]}
            >
              {shown.map(({ x, anyDiffers }) => (
                <tr key={x.key} data-testid="methods-row" data-target={x.key} data-disagree={anyDiffers}>
                  <th scope="row">
                    <a href={href('monitor', planId, 'targets', x.key, { at: data.at })}>
                      {lang === 'zh' ? x.indicator.name : x.indicator.nameEn}
                    </a>
                    {x.judgement.currentOrigin === 'synthetic' && <SyntheticTag />}
                  </th>
                  <td>{x.subject.name}</td>
                  {PROGRESS_METHODS.map((m) => {
                    const off = classes ? differs(classes, m, x.key) : false;
                    const cls = classes?.[m].get(x.key) ?? null;
                    return (
                      <td
                        key={m}
                        className={off ? 'disagree' : undefined}
                        data-method={m}
                        data-disagree={off}
                        title={off ? t('monitor.methods.disagreeCell') : undefined}
                      >
                        <MethodVerdict method={m} judgement={x.judgement} />
                        {m !== 'official' && (
                          <div className="small" data-testid="method-class" data-class={cls ?? ''}>
                            → <ClassBadge cls={cls} />
                          </div>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </DataTable>
          </>
        ))}
    </PlanPageFrame>
  );
}
