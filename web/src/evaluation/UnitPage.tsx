import { useMemo } from 'react';
import { api } from '../api/client.ts';
import type { RunView, UnitResultView } from '../api/evaluationTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { TitledSection } from '../components/TitledSection.tsx';
import { useIndicatorDecimals } from '../monitor/indicatorDecimals.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { EChart } from '../monitor/EChart.tsx';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { href } from '../router.ts';
import { EvalCrumbs, formatScore, gradeColour, GradeBadge, RankChange, UnitFlags, useChartText, useRunNames } from './bits.tsx';
import { radarOption } from './charts.ts';
import { GradeHistoryTable, SuperviseAction } from './ResultsUse.tsx';
import { Fact } from '../components/Fact.tsx';

function KeyFigures({ run, unit }: { run: RunView; unit: UnitResultView }) {
  const { t, num } = useI18n();
  const names = useRunNames(run);
  return (
    <dl className="eval-figures" data-testid="unit-figures">
      <Fact term="eval.col.rank" data-testid="unit-rank">
        {unit.rank === null ? t('common.dash') : t('eval.unit.rankOf', { rank: unit.rank, n: peersOf(run, unit).length })}
      </Fact>
      <Fact term="eval.col.score" data-testid="unit-score">
        {formatScore(unit.score, num)}
      </Fact>
      <Fact term="eval.col.grade" data-testid="unit-grade" data-grade={unit.grade ?? ''}>
        <GradeBadge run={run} label={unit.grade} />
      </Fact>
      <Fact term="eval.col.change">
        <RankChange unit={unit} />
        {unit.previous && (
          <span className="muted small">
            {' '}
            {t('eval.unit.previous', {
              year: unit.previous.year,
              rank: unit.previous.rank ?? t('common.dash'),
              grade: names.grade(unit.previous.grade) || t('common.dash'),
            })}
          </span>
        )}
      </Fact>
      {run.groups.length > 0 && <Fact term="eval.col.group">{names.group(unit.group)}</Fact>}
      <Fact term="eval.unit.parts" className="small">
        {t('eval.unit.partsValue', {
          base: formatScore(unit.baseScore, num),
          bonus: num(unit.bonus.toFixed(2)),
          penalty: num(unit.penalty.toFixed(2)),
        })}
      </Fact>
    </dl>
  );
}

/**
 * A reported figure shortened for the table (at most four decimals, trailing zeros dropped); the exact
 * decimal string stays in the cell's title and in the downloads.
 */
function shortDecimal(raw: string): string {
  const trimmed = raw.includes('.') ? raw.replace(/0+$/, '').replace(/\.$/, '') : raw;
  const decimals = trimmed.includes('.') ? trimmed.length - trimmed.indexOf('.') - 1 : 0;
  return decimals <= 4 ? trimmed : String(Number(Number(trimmed).toFixed(4)));
}

const peersOf = (run: RunView, unit: UnitResultView) => run.units.filter((u) => u.group === unit.group && u.rank !== null);

function Contributions({ run, unit }: { run: RunView; unit: UnitResultView }) {
  const { t, num, fixed } = useI18n();
  // A figure to its indicator's precision where plans target the indicator; else to four decimals at most.
  const decimalsOf = useIndicatorDecimals();
  const figure = (raw: string, indicator: string) => {
    const d = decimalsOf(indicator);
    return d === undefined ? num(shortDecimal(raw)) : fixed(raw, d);
  };
  const names = useRunNames(run);
  const maxPoints = Math.max(1e-9, ...unit.contributions.map((c) => c.points ?? 0));
  return (
    <DataTable
      testId="unit-contributions"
      columns={['eval.col.indicator', 'eval.col.raw', 'eval.col.normalised', 'eval.col.weight', 'eval.col.points']}
    >
      {unit.contributions.map((c) => {
        const missingRequired = unit.missing.includes(c.indicator);
        return (
          <tr key={c.indicator} data-testid="contribution-row" data-indicator={c.indicator}>
            <td>{names.indicator(c.indicator)}</td>
            <td className="num nowrap">
              {c.raw === null ? (
                <span className={missingRequired ? 'badge eval-flag-incomplete' : 'muted'} data-testid="raw-missing">
                  {missingRequired ? t('eval.unit.missingRequired') : t('eval.unit.missingOptional')}
                </span>
              ) : (
                <span title={c.raw}>
                  {figure(c.raw, c.indicator)}
                  {names.measure(c.indicator) ? ` ${names.measure(c.indicator)}` : ''}
                </span>
              )}
            </td>
            <td className="num">{c.normalised === null ? t('common.dash') : num(c.normalised.toFixed(3))}</td>
            <td className="num">{unit.status === 'complete' ? `${num((c.weight * 100).toFixed(1))}%` : t('common.dash')}</td>
            <td className="eval-points">
              {c.points === null ? (
                t('common.dash')
              ) : (
                <>
                  <span className="eval-points-bar" style={{ width: `${(c.points / maxPoints) * 100}%` }} aria-hidden="true" />
                  <span className="num">{num(c.points.toFixed(2))}</span>
                </>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

function Sensitivity({ run, unit }: { run: RunView; unit: UnitResultView }) {
  const { t, num } = useI18n();
  const names = useRunNames(run);
  const s = unit.sensitivity;
  if (!s) return <p className="muted">{t('eval.unit.noSensitivity')}</p>;
  return (
    <div data-testid="unit-sensitivity" data-robust={String(s.robust)}>
      <p data-testid="unit-interval">
        {t('eval.unit.interval', { low: s.rankLow, median: s.rankMedian, high: s.rankHigh, samples: run.samples })}
      </p>
      <ul className="eval-probabilities">
        {run.grades.map((g) => {
          const p = s.gradeProbabilities[g.label] ?? 0;
          return (
            <li key={g.label} data-testid="grade-probability" data-grade={g.label} data-p={p}>
              <span className="eval-prob-label">{names.grade(g.label)}</span>
              <span className="eval-prob-track">
                <span className="eval-prob-fill" style={{ width: `${p * 100}%`, background: gradeColour(run, g.label) }} />
              </span>
              <span className="num">{num((p * 100).toFixed(1))}%</span>
            </li>
          );
        })}
      </ul>
      <p className={s.robust ? 'muted small' : 'hint-box eval-unit-note'} data-testid="robust-note">
        {s.robust
          ? t('eval.unit.robust', { grade: names.grade(s.modalGrade) })
          : t('eval.unit.notRobust', { grade: names.grade(s.modalGrade) })}
      </p>
    </div>
  );
}

/** 单位评价详情 (#/evaluation/runs/<id>/units/<code>): figures, contributions, radar, explanation, sensitivity. */
export function UnitPage({ id, code }: { id: number; code: string }) {
  const state = useAsync((signal) => api.evaluationRun(id, signal), [id]);
  return <AsyncView state={state}>{(run) => <UnitView run={run} code={code} />}</AsyncView>;
}

function UnitView({ run, code }: { run: RunView; code: string }) {
  const { t, lang } = useI18n();
  const unit = run.units.find((u) => u.code === code);
  if (!unit) return <NotFoundPage />;
  return (
    <section className="page eval-page" aria-labelledby="eval-unit-heading" data-testid="eval-unit" data-unit={unit.code}>
      <UnitHead run={run} unit={unit} />
      <KeyFigures run={run} unit={unit} />
      <p className="eval-explanation" data-testid="unit-explanation" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        {lang === 'zh' ? unit.explanation.zh : unit.explanation.en}
      </p>
      <SuperviseAction run={run} unit={unit} />
      {unit.withheld ? (
        // Outside the reader's scope the run carries no figures of this unit (src/domain/evaluation/publication.ts).
        <p className="hint-box" data-testid="unit-withheld">
          {t('eval.unit.withheld')}
        </p>
      ) : (
        <>
          <div className="monitor-grid">
            <TitledSection className="card monitor-card" id="radar-heading" title={t('eval.unit.radar')}>
              <UnitRadar run={run} unit={unit} />
            </TitledSection>
            <TitledSection className="card monitor-card" id="sensitivity-heading" title={t('eval.unit.sensitivity')}>
              <Sensitivity run={run} unit={unit} />
            </TitledSection>
          </div>
          <h2 className="section-title">{t('eval.unit.contributions')}</h2>
          <Contributions run={run} unit={unit} />
        </>
      )}
      <h2 className="section-title">{t('eval.history.heading')}</h2>
      <GradeHistoryTable code={unit.code} />
    </section>
  );
}

function UnitHead({ run, unit }: { run: RunView; unit: UnitResultView }) {
  const { t } = useI18n();
  const names = useRunNames(run);
  return (
    <header className="page-head">
      <EvalCrumbs>
        {' › '}
        <a href={href('evaluation', 'runs', String(run.id))} data-testid="back-to-run">
          {names.scheme()} · {t('eval.run.year', { year: run.year })}
        </a>
      </EvalCrumbs>
      <h1 id="eval-unit-heading">
        {names.unit(unit)} <UnitFlags run={run} unit={unit} />
      </h1>
    </header>
  );
}

function UnitRadar({ run, unit }: { run: RunView; unit: UnitResultView }) {
  const { t } = useI18n();
  const names = useRunNames(run);
  const text = useChartText();
  const option = useMemo(() => radarOption(run, unit, names.indicator, text), [run, unit, names, text]);
  return <EChart option={option} height={340} label={t('eval.unit.radar')} testId="unit-radar" />;
}
