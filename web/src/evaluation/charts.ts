import type { RunView, UnitResultView } from '../api/evaluationTypes.ts';
import type { EChartsCoreOption as ChartOption } from 'echarts/core';

/*
 * ECharts options of the evaluation pages, built from the run view only (pure functions). Ranks run
 * downwards (1 at the top) in every chart, as a league table does.
 */

const NAVY = '#1f3a5f';
const GREY = '#9aa5b1';
const AMBER = '#c77700';

export interface ChartText {
  /** Suffix of an axis the unit has no figure for, e.g. （缺数）. */
  missing?: string;
  lastYear: string;
  thisYear: string;
  unit: string;
  group: string;
  median: string;
  rank: string;
}

/** Median of the numbers given (null when there are none). */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * One unit's normalised score (0–1) on each indicator beside the median of its comparison group's scored
 * units. A missing value is never drawn (ECharts '-' = no data, never 0) and its axis is marked `missing`.
 */
export function radarOption(run: RunView, unit: UnitResultView, names: (code: string) => string, text: ChartText): ChartOption {
  const peers = run.units.filter((u) => u.group === unit.group && u.status === 'complete');
  const medians = run.indicators.map((ind) =>
    median(
      peers
        .map((u) => u.contributions.find((c) => c.indicator === ind.code)?.normalised)
        .filter((x): x is number => typeof x === 'number'),
    ),
  );
  const own = run.indicators.map((ind) => unit.contributions.find((c) => c.indicator === ind.code)?.normalised ?? null);
  const lacks = run.indicators.map((ind) => unit.missing.includes(ind.code));
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, data: [text.unit, text.group] },
    radar: {
      indicator: run.indicators.map((i, j) => ({
        name: names(i.code) + (lacks[j] ? (text.missing ?? ' (—)') : ''),
        max: 1,
        min: 0,
      })),
      radius: '65%',
      axisName: { color: '#333', fontSize: 12 },
    },
    series: [
      {
        type: 'radar',
        data: [
          {
            name: text.group,
            value: medians.map((x) => x ?? '-'),
            lineStyle: { color: GREY, type: 'dashed' },
            itemStyle: { color: GREY },
            areaStyle: { opacity: 0 },
          },
          {
            name: text.unit,
            // A missing figure (or one scored 0 only by the 'zero' policy) is left undrawn.
            value: own.map((x, j) => (lacks[j] || x === null ? '-' : x)),
            lineStyle: { color: NAVY, width: 2 },
            itemStyle: { color: NAVY },
            areaStyle: { color: NAVY, opacity: 0.15 },
          },
        ],
      },
    ],
  };
}

/**
 * Rank last year → rank this year, one line per unit (a slope chart); units ranked only this year show a
 * single point. `units` are the units shown (already filtered to one comparison group or all).
 */
export function rankChangeOption(
  units: readonly UnitResultView[],
  name: (u: UnitResultView) => string,
  text: ChartText,
): ChartOption {
  const ranked = units.filter((u) => u.rank !== null);
  const maxRank = Math.max(1, ...ranked.map((u) => Math.max(u.rank!, u.previous?.rank ?? 0)));
  return {
    grid: { left: 16, right: 170, top: 24, bottom: 24, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: [text.lastYear, text.thisYear], boundaryGap: false, axisTick: { show: false } },
    yAxis: { type: 'value', inverse: true, min: 1, max: maxRank, minInterval: 1, name: text.rank },
    series: ranked.map((u) => {
      const before = u.previous?.rank ?? null;
      const colour = before === null ? GREY : before > u.rank! ? '#2e7d32' : before < u.rank! ? '#c62828' : NAVY;
      return {
        type: 'line',
        name: name(u),
        data: [before, u.rank],
        symbolSize: 7,
        lineStyle: { color: colour, width: 1.5 },
        itemStyle: { color: colour },
        endLabel: {
          show: true,
          formatter: `${u.rank} ${name(u)}`,
          color: '#333',
          fontSize: 11,
          width: 150,
          overflow: 'truncate',
        },
      };
    }),
  };
}

/**
 * Each scored unit's 5–95 % rank interval under perturbed weights as a bar, its median rank as a dot and
 * its rank in the run as a diamond; units whose grade is not robust are drawn in amber.
 */
export function rankIntervalOption(
  units: readonly UnitResultView[],
  name: (u: UnitResultView) => string,
  text: ChartText,
): ChartOption {
  const shown = units.filter((u) => u.sensitivity !== null && u.rank !== null).sort((a, b) => a.rank! - b.rank!);
  // ECharts draws the first category at the bottom: reverse so rank 1 is on top.
  const rows = [...shown].reverse();
  const maxRank = Math.max(1, ...shown.map((u) => u.sensitivity!.rankHigh));
  return {
    grid: { left: 16, right: 24, top: 24, bottom: 32, containLabel: true },
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, data: [text.median, text.rank] },
    xAxis: { type: 'value', min: 0.5, max: maxRank + 0.5, minInterval: 1, name: text.rank, nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: rows.map(name), axisTick: { show: false } },
    series: [
      // An invisible bar up to the interval's start, then the interval itself stacked on it.
      {
        type: 'bar',
        stack: 'interval',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: rows.map((u) => u.sensitivity!.rankLow - 0.5),
        barWidth: 10,
      },
      {
        type: 'bar',
        stack: 'interval',
        name: '5–95%',
        data: rows.map((u) => ({
          value: u.sensitivity!.rankHigh - u.sensitivity!.rankLow + 1,
          itemStyle: { color: u.sensitivity!.robust ? '#b8c7dc' : '#f3c98b', borderRadius: 5 },
        })),
        barWidth: 10,
        tooltip: {
          formatter: (p: { dataIndex: number }) => {
            const s = rows[p.dataIndex]!.sensitivity!;
            return `${name(rows[p.dataIndex]!)}: ${s.rankLow}–${s.rankHigh}`;
          },
        },
      },
      {
        type: 'scatter',
        name: text.median,
        symbolSize: 9,
        itemStyle: { color: NAVY },
        data: rows.map((u, k) => [u.sensitivity!.rankMedian, k]),
      },
      {
        type: 'scatter',
        name: text.rank,
        symbol: 'diamond',
        symbolSize: 9,
        itemStyle: { color: AMBER },
        data: rows.map((u, k) => [u.rank!, k]),
      },
    ],
  };
}
