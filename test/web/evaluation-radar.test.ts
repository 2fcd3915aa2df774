import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunView } from '../../web/src/api/evaluationTypes.ts';
import { radarOption } from '../../web/src/evaluation/charts.ts';

// Issue 16: the radar drew a missing figure as 0, as if the zone had scored nothing on it.
describe('evaluation radar', () => {
  const contribution = (indicator: string, normalised: number | null) => ({
    indicator,
    raw: normalised === null ? null : '1',
    normalised,
    weight: 0.5,
    points: null,
  });
  const unit = (code: string, status: 'complete' | 'partial', missing: string[], a: number | null, b: number | null) =>
    ({ code, group: 'national', status, missing, contributions: [contribution('A', a), contribution('B', b)] }) as unknown;
  const lc = unit('LC', 'partial', ['B'], 0.75, null);
  const run = {
    indicators: [{ code: 'A' }, { code: 'B' }],
    units: [unit('KM', 'complete', [], 1, 0.6), lc],
  } as unknown as RunView;
  const text = { lastYear: '', thisYear: '', unit: '本单位', group: '组中位数', median: '', rank: '', missing: '（缺数）' };
  const option = radarOption(run, lc as RunView['units'][number], (c) => c, text) as {
    radar: { indicator: { name: string }[] };
    series: { data: { name: string; value: (number | string)[] }[] }[];
  };

  it('leaves a missing figure undrawn and marks its axis, never plotting 0', () => {
    const own = option.series[0]!.data.find((d) => d.name === '本单位')!;
    assert.deepEqual(own.value, [0.75, '-']);
    assert.deepEqual(
      option.radar.indicator.map((i) => i.name),
      ['A', 'B（缺数）'],
    );
  });
});
