import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reviseTarget, revisionDiff, type TargetState } from './target-revision.ts';

const population: TargetState = {
  baseline: null,
  scope: { kind: 'org_unit', code: 'YN-KM' },
  target: { year: 2025, comparator: 'exactly', value: '1000', min: null, max: null, rate: null },
  everyYear: false,
};
const ctx = { indicatorUnit: '万人', reference: null, text: null };

describe('reviseTarget', () => {
  it('adds the missing baseline in place and reports only that field as changed', () => {
    const r = reviseTarget(population, { baseline: { year: 2020, value: '846.3' } }, ctx);
    assert.ok(r.ok);
    assert.deepEqual(r.changed, ['baseline']);
    assert.deepEqual(r.next.baseline, { year: 2020, value: '846.3' });
    assert.deepEqual(revisionDiff(population, r.next, r.changed), {
      before: { baseline: null },
      after: { baseline: { year: 2020, value: '846.3' } },
    });
  });

  it('converts values stated in another unit into the indicator unit (亿元 target written in 万元)', () => {
    const gdp: TargetState = { ...population, target: { ...population.target, comparator: 'at_least', value: '10000' } };
    const r = reviseTarget(
      gdp,
      { unit: '万元', target: { value: '100000000' }, baseline: { year: 2020, value: '66000000' } },
      {
        ...ctx,
        indicatorUnit: '亿元',
      },
    );
    assert.ok(r.ok);
    assert.equal(r.next.target.value, '10000');
    assert.equal(r.next.baseline?.value, '6600');
    assert.deepEqual(r.changed, ['baseline']);
    const bad = reviseTarget(gdp, { unit: '万人', target: { value: '1' } }, { ...ctx, indicatorUnit: '亿元' });
    assert.ok(!bad.ok && bad.problems.some((p) => p.field === 'unit'));
  });

  it('changes scope, comparator and year, and refuses what the comparator cannot carry', () => {
    const r = reviseTarget(
      population,
      { group: 'DIANZHONG', target: { comparator: 'annual_growth', rate: '2', value: null } },
      ctx,
    );
    assert.ok(r.ok);
    assert.deepEqual(r.changed, ['scope', 'target']);
    const noRate = reviseTarget(population, { target: { comparator: 'annual_growth' } }, ctx);
    assert.ok(!noRate.ok && noRate.problems.some((p) => p.field === 'target.rate'));
    const both = reviseTarget(population, { orgUnit: 'YN', group: 'DIANZHONG' }, ctx);
    assert.ok(!both.ok);
    const late = reviseTarget(population, { baseline: { year: 2025, value: '1' } }, ctx);
    assert.ok(!late.ok && late.problems[0]!.zh.includes('基期年份2025应早于目标年份2025'));
  });

  it('refuses a correction that changes nothing', () => {
    const r = reviseTarget(population, { target: { value: '1000' } }, ctx);
    assert.ok(!r.ok);
    assert.match(r.problems[0]!.zh, /没有需要修改/);
  });

  it('ends 每年均须达到 when the comparator no longer allows it', () => {
    const floor: TargetState = { ...population, everyYear: true, target: { ...population.target, comparator: 'at_least' } };
    const r = reviseTarget(floor, { target: { comparator: 'exactly' } }, ctx);
    assert.ok(r.ok);
    assert.equal(r.next.everyYear, false);
  });
});
