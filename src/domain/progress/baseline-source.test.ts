import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baselineNote, chooseBaseline, type SeriesFigure } from './baseline-source.ts';
import { judgeProgress } from './judge-progress.ts';
import type { TargetFacts } from './types.ts';

// Shaped like kunming-population-2025 (yunnan-regional-2021-2025): 常住人口达到1000万左右 by 2025, no baseline in
// the plan; 昆明市's resident population as the hfbida copy of the city's figures states it (2020 846.3,
// 2021 850.2, 2022 860, 2023 868, 2024 868.7 万人). The 2020 figure is what the baseline needs.
const population: TargetFacts = {
  comparator: 'exactly',
  direction: 'higher_better',
  nature: 'expected',
  target: { year: 2025, value: '1000' },
  periodStart: 2021,
  periodEnd: 2025,
  name: { zh: '常住人口', en: 'Resident population' },
  unit: { zh: '万人', en: '10,000 people' },
  subjectName: '昆明市',
};
const series: SeriesFigure[] = [
  { year: 2020, value: '846.3', origin: 'published' },
  { year: 2021, value: '850.2', origin: 'published' },
  { year: 2022, value: '860', origin: 'published' },
  { year: 2023, value: '868', origin: 'published' },
  { year: 2024, value: '868.7', origin: 'published' },
];
const observed = series.map(({ year, value }) => ({ year, value }));

describe('chooseBaseline', () => {
  it("keeps the plan's own baseline", () => {
    const b = chooseBaseline({ baseline: { year: 2020, value: '800' }, periodStart: 2021 }, series);
    assert.deepEqual(b, { year: 2020, value: '800', origin: 'plan' });
    assert.equal(baselineNote(b), null);
  });

  it('takes the approved figure of the year before the plan when the plan gives none, marked as such', () => {
    const b = chooseBaseline({ periodStart: 2021 }, series);
    assert.deepEqual(b, { year: 2020, value: '846.3', origin: 'published' });
    assert.equal(baselineNote(b)?.zh, '规划未给出基期值，基期取自2020年审核数据（公开发布数据）');
    const reported = chooseBaseline({ periodStart: 2021 }, [{ year: 2020, value: '5', origin: 'reported' }]);
    assert.match(baselineNote(reported)!.zh, /基期取自2020年审核数据（填报审核数据）/);
  });

  it("uses the target's stated baseline year, and never a synthetic, plan-stated or part-year figure", () => {
    assert.deepEqual(chooseBaseline({ statedYear: 2021, periodStart: 2021 }, series), {
      year: 2021,
      value: '850.2',
      origin: 'published',
    });
    for (const origin of ['synthetic', 'plan'] as const)
      assert.equal(chooseBaseline({ periodStart: 2021 }, [{ year: 2020, value: '846.3', origin }]), null, origin);
    assert.equal(
      chooseBaseline({ periodStart: 2021 }, [{ year: 2020, value: '846.3', origin: 'reported', partial: true }]),
      null,
    );
    assert.equal(chooseBaseline({ periodStart: 2021 }, series.slice(1)), null);
  });
});

describe('a target without a baseline (kunming-population-2025-like, as of 2024)', () => {
  it('names the missing 基期 instead of only 数据不足', () => {
    const j = judgeProgress({ facts: population, observed: observed.slice(1), asOfYear: 2024 });
    assert.equal(j.class, 'insufficient_data');
    assert.match(j.explanation.zh, /缺基期值（2020年昆明市常住人口），无法计算进度，判定数据不足。$/);
    assert.match(j.explanation.en, /baseline missing \(昆明市's Resident population of 2020\)/);
  });

  it('is judged from the approved 2020 figure when one exists: (868.7 − 846.3) ÷ (1000 − 846.3) = 14.6 % against 80 % of the time → 滞后', () => {
    const b = chooseBaseline({ periodStart: 2021 }, series)!;
    const j = judgeProgress({
      facts: { ...population, baseline: { year: b.year, value: b.value }, baselineOrigin: b.origin },
      observed,
      asOfYear: 2024,
    });
    assert.equal(j.class, 'behind');
    assert.ok(Math.abs(j.progressShare! - 22.4 / 153.7) < 1e-9, String(j.progressShare));
    assert.equal(j.timeElapsedShare, 0.8);
    assert.match(j.explanation.zh, /规划未给出基期值，基期取自2020年审核数据（公开发布数据），判定滞后。$/);
    assert.doesNotMatch(j.explanation.zh, /缺基期值/);
  });

  it('a growth target without a baseline names the missing 基期 too (年均增长7%)', () => {
    const j = judgeProgress({
      facts: { ...population, comparator: 'annual_growth', target: { year: 2025, rate: '7' }, baselineYear: 2020 },
      observed: observed.slice(1),
      asOfYear: 2024,
    });
    assert.equal(j.class, 'insufficient_data');
    assert.equal(j.explanation.zh, '常住人口目标以基期计算，缺基期值（2020年昆明市常住人口），判定数据不足。');
  });
});
