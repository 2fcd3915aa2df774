import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import { SYSTEM_ACTOR } from '../src/services/actor.ts';
import { planProgress, targetProgressDetail } from '../src/services/progress/plan-progress.service.ts';
import { syncPublishedFigures } from '../src/services/published-figures.service.ts';
import { seedDataset } from '../src/services/seed.service.ts';
import { createTestDatabase, type TestDatabase } from './support/databases.ts';

/**
 * External check (issue 15): the targets judged on published figures, compared with what the sources
 * themselves say. No source in dataset/published/figures.yaml states a class for a plan target (none
 * says 提前完成 or 滞后 of one), so the expectations below are what the quoted sentences do state —
 * written from those sentences before this test was first run:
 *
 * 1. 截至2024年末,昆明市全市常住人口868.7万人,比上年末增加0.7万人 (hfbida, 2024): the 2024 figure and
 *    the change on 2023, which must agree with the 2023 figure another source gives (昆明市(868万人), 云南日报 on the 2023 bulletin).
 * 2. 2022年末,昆明市常住人口为860.0万人,比2021年末增加9.8万人 (昆明市统计局公告): the change on 2021,
 *    which must agree with the 2021 figure a third source's table gives (850.2).
 * 3. Target kunming-population-2025 is 常住人口达到1000万左右 by 2025. At +0.7万 a year (sentence 1) the
 *    city is 131万 short with one year left, so no judgement may call it achieved, ahead or on track.
 * 4. 年末全市城鎮化率83.54%,比上年末提高1.22個百分點 (2024) against 城镇化率分别为:82.32% (2023, 云南日报).
 * 5. 今年1至11月,全州进出口额达22亿元,较“十三五”末的12.2亿元增长80% (大理州, 2025).
 * 6. 2024年昆明市GDP总值达到8275.22亿元,相比上年同期增加了410.46亿元,名义增长率达到5.2% (网易号, 2025;
 *    城市财经 gives the same 8275.22亿元 from 昆明市统计局): the increase and the nominal rate must agree
 *    (410.46 ÷ (8275.22 − 410.46) = 5.2 %). Target kunming-gdp-2025 is 经济总量达到1万亿元 by 2025: from
 *    8275.22 it needs about 20.8 % in one year, against the 4.6 % a year since 2021 (7222.5亿元, sanwenwang
 *    quoting the city's 人大 session), so no judgement may call it achieved, ahead or on track.
 */
describe('published figures against what their sources say', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase('pglite');
    assert.ok((await seedDataset(t.database)).ok);
    await syncPublishedFigures(t.database);
  });
  after(() => t.drop());

  const stored = async (unit: string, indicator: string, period: string) => {
    const r = await t.database.db
      .selectFrom('data_value as v')
      .innerJoin('org_unit as u', 'u.id', 'v.org_unit_id')
      .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
      .select('v.value')
      .where('v.origin', '=', 'published')
      .where('u.code', '=', unit)
      .where('i.code', '=', indicator)
      .where('v.period', '=', period)
      .executeTakeFirstOrThrow();
    return new Decimal(String(r.value));
  };

  it('1–2: the yearly series the judgement reads moves by exactly what the sources say it moved', async () => {
    const d = await targetProgressDetail(t.database, SYSTEM_ACTOR, {
      plan: 'yunnan-regional-2021-2025',
      target: 'kunming-population-2025',
      at: '2024',
    });
    const year = (y: number) => {
      const f = d.yearly.find((x) => x.year === y);
      assert.ok(f, `no ${y} figure`);
      assert.equal(f.origin, 'published');
      return new Decimal(f.value);
    };
    assert.equal(year(2024).minus(year(2023)).toString(), '0.7');
    assert.equal(year(2022).minus(year(2021)).toString(), '9.8');
  });

  it('3: the target is judged on the 2024 published figure and is not called achieved, ahead or on track', async () => {
    const p = await planProgress(t.database, SYSTEM_ACTOR, { plan: 'yunnan-regional-2021-2025', at: '2024' });
    const target = p.targets.find((x) => x.key === 'kunming-population-2025')!;
    assert.equal(target.judgement.currentOrigin, 'published');
    assert.equal(target.judgement.current, '868.7');
    assert.ok(['behind', 'insufficient_data'].includes(target.judgement.class), target.judgement.class);
    assert.match(target.judgement.explanation.zh, /2024年常住人口868\.7万人/);
  });

  it('3b: the plan gives no baseline, so the 2020 figure of the same source table serves (846.3) and the target is 滞后', async () => {
    // 846.3 → 868.7 in four of five years is 14.6 % of the way to 1000: far behind the 80 % of time elapsed.
    const p = await planProgress(t.database, SYSTEM_ACTOR, { plan: 'yunnan-regional-2021-2025', at: '2024' });
    const target = p.targets.find((x) => x.key === 'kunming-population-2025')!;
    assert.equal(target.judgement.class, 'behind');
    assert.match(target.judgement.explanation.zh, /基期取自2020年审核数据（公开发布数据）/);
  });

  it('4–5: figures from different sentences agree with the changes the sources state', async () => {
    const rate = (await stored('YN-KM', 'URBANISATION_RATE', '2024')).minus(await stored('YN-KM', 'URBANISATION_RATE', '2023'));
    assert.equal(rate.toString(), '1.22');
    const growth = (await stored('YN-DL', 'TRADE_TOTAL', '2025-11')).div(await stored('YN-DL', 'TRADE_TOTAL', '2020')).minus(1);
    assert.equal(growth.times(100).toDecimalPlaces(0).toString(), '80');
  });

  it('6: 昆明 GDP — the stated increase and nominal rate agree, and a target 20 % away is not on track', async () => {
    const y2024 = await stored('YN-KM', 'GDP', '2024');
    const rate = new Decimal('410.46').div(y2024.minus('410.46')).times(100);
    assert.equal(rate.toDecimalPlaces(1).toString(), '5.2');
    const p = await planProgress(t.database, SYSTEM_ACTOR, { plan: 'yunnan-regional-2021-2025', at: '2024' });
    const target = p.targets.find((x) => x.key === 'kunming-gdp-2025')!;
    assert.equal(target.judgement.currentOrigin, 'published');
    assert.equal(target.judgement.current, '8275.22');
    assert.ok(['behind', 'insufficient_data'].includes(target.judgement.class), target.judgement.class);
    assert.equal(new Decimal(target.judgement.observedAnnualGrowth!).times(100).toDecimalPlaces(1).toString(), '4.6');
    assert.ok(target.judgement.requiredAnnualGrowth! > 0.2);
  });
});
