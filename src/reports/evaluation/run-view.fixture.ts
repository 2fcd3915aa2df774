import { evaluate, prepareGroup, type EvaluationUnit, type UnitResult } from '../../domain/evaluation/evaluate.ts';
import { computedUnit, type RunInputUnit } from '../../domain/evaluation/compute-run.ts';
import { scheme, units } from '../../domain/evaluation/demo.fixture.ts';
import { sensitivity, type UnitSensitivity } from '../../domain/evaluation/sensitivity.ts';
import { schemeProvenance } from '../../domain/evaluation/scheme-provenance.ts';
import type { StoredScheme } from '../../domain/evaluation/stored-scheme.schema.ts';
import { historyEntries, type RunGradeHistory } from '../../domain/evaluation/grade-history.ts';
import type { RunView } from '../../presenters/evaluation.presenter.ts';

/**
 * A run view of the domain's demo scheme, computed by the domain itself (evaluate, sensitivity, explain)
 * so the report tests check layout against real results, not hand-typed scores. Units c and d form the
 * scheme's second comparison group (山区组); last year's figures are this year's with other GDP values.
 */
const YEAR = 2024;
const SAMPLES = 500;
const SEED = 20250101;
const MEASURE: Record<string, string> = { gdp: '%', pm: '微克/立方米', park: '个' };
const NAMES_EN: Record<string, string> = { a: 'Jia', b: 'Yi', c: 'Bing', d: 'Ding', e: 'Wu' };

const grouped: EvaluationUnit[] = units.map((u) => (u.code === 'c' || u.code === 'd' ? { ...u, group: 'g2' } : u));
const lastYear: EvaluationUnit[] = grouped
  .filter((u) => u.code !== 'b') // b was not evaluated last year: no change to report
  .map((u) => ({ ...u, values: { ...u.values, gdp: u.code === 'a' ? 5 : u.code === 'c' ? 9 : u.values.gdp } }));

function sensitivityByUnit(list: EvaluationUnit[]): Map<string, UnitSensitivity> {
  const out = new Map<string, UnitSensitivity>();
  for (const g of [null, 'g2']) {
    const members = list.filter((u) => (u.group ?? null) === g);
    const prepared = prepareGroup(scheme, members, g);
    if (prepared.rows === 0) continue;
    const perturbation = { kind: 'dirichlet', concentration: 40 } as const;
    for (const s of sensitivity(scheme, [prepared], { samples: SAMPLES, seed: SEED, perturbation })) out.set(s.code, s);
  }
  return out;
}

/** A unit as the run's stored input holds it: English name, figures as decimal strings. */
const inputUnit = (u: EvaluationUnit): RunInputUnit => ({
  code: u.code,
  name: u.name,
  nameEn: NAMES_EN[u.code] ?? null,
  group: u.group ?? null,
  values: Object.fromEntries(Object.entries(u.values).map(([k, v]) => [k, v === null || v === undefined ? null : String(v)])),
});

function unitView(r: UnitResult, previous: UnitResult | undefined, s: UnitSensitivity | undefined): RunView['units'][number] {
  return {
    ...computedUnit(r, inputUnit(grouped.find((u) => u.code === r.code)!), scheme, s),
    synthetic: [],
    supervision: null,
    previous: previous ? { year: YEAR - 1, score: previous.score, rank: previous.rank, grade: previous.grade } : null,
  };
}

export function fixtureRunView(): RunView {
  const results = evaluate(scheme, grouped);
  const before = new Map(evaluate(scheme, lastYear).map((r) => [r.code, r]));
  const sens = sensitivityByUnit(grouped);
  return {
    id: 7,
    scheme: {
      code: scheme.code,
      version: 2,
      name: scheme.name,
      nameEn: 'Demo evaluation',
      status: 'frozen',
      defaultWeights: true,
      publishes: 'score',
    },
    year: YEAR,
    status: 'published',
    createdAt: '2026-11-20T08:00:00.000Z',
    publishedAt: '2026-11-21T09:30:00.000Z',
    seed: SEED,
    samples: SAMPLES,
    dataHash: 'f'.repeat(64),
    indicators: scheme.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      nameEn: i.nameEn ?? null,
      unit: MEASURE[i.code] ?? '',
      weight: i.weight,
      direction: i.direction,
      normalisation: i.normalisation.method,
    })),
    grades: scheme.grades.map((g) => ({ label: g.label, labelEn: g.labelEn ?? null, minScore: g.minScore })),
    groups: scheme.groups.map((g) => ({ code: g.code, name: g.name })),
    sources: [
      { item: 'scheme', plan: 'demo-plan', section: '第八章 第二节', quote: '开展年度考核评价' },
      { item: 'gdp', plan: 'demo-plan', section: '第三章', quote: '地区生产总值年均增长7%左右' },
    ],
    simulated: false,
    cycle: null,
    provenance: schemeProvenance({
      ...scheme,
      subject: {},
      groupNormalisation: {},
      defaultWeights: true,
      sources: [{ item: 'gdp', plan: 'demo-plan', section: '第三章', quote: '地区生产总值年均增长7%左右' }],
      decisions: [{ items: ['weight:gdp'], by: '规划处 张三', at: '2026-11-20', why: '规划未给出权重，暂定' }],
    } as StoredScheme),
    units: results.map((r) => unitView(r, before.get(r.code), sens.get(r.code))),
  };
}

/**
 * The scheme's earlier published runs as a report carries them, computed by the domain: 2022 on this
 * year's figures with other park counts (real), 2023 on last year's figures (marked 模拟: synthetic).
 */
export function fixtureHistory(): RunGradeHistory {
  const older: EvaluationUnit[] = lastYear
    .filter((u) => u.code !== 'd') // d was not evaluated in 2022
    .map((u) => ({ ...u, values: { ...u.values, park: u.code === 'c' ? 1 : u.values.park } }));
  const gradesEn = Object.fromEntries(scheme.grades.map((g) => [g.label, g.labelEn ?? null]));
  const entries = (list: EvaluationUnit[]) =>
    historyEntries({
      units: evaluate(scheme, list).map((r) => ({ ...r, group: list.find((u) => u.code === r.code)!.group ?? null })),
    });
  const runs = [
    { runId: 3, year: YEAR - 2, simulated: false, publishedAt: '2024-03-01T00:00:00.000Z', gradesEn, list: older },
    { runId: 5, year: YEAR - 1, simulated: true, publishedAt: '2025-03-01T00:00:00.000Z', gradesEn, list: lastYear },
  ];
  const units: RunGradeHistory['units'] = {};
  for (const r of runs) for (const [code, e] of Object.entries(entries(r.list))) (units[code] ??= {})[r.runId] = e;
  return { runs: runs.map(({ list: _list, ...r }) => r), units };
}
