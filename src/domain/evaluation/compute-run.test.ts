import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeRun, normalisationVariants, schemeForGroup, type RunInput } from './compute-run.ts';
import { evaluate } from './evaluate.ts';
import { storedSchemeSchema, type StoredSchemeInput } from './stored-scheme.schema.ts';

const definition: StoredSchemeInput = {
  code: 'zones',
  name: '开发区亩均评价',
  nameEn: 'Zones per mu',
  groups: [
    { code: 'national', name: '国家级' },
    { code: 'provincial', name: '省级' },
  ],
  groupBy: { by: 'zone_level' },
  indicators: [
    {
      code: 'OUT',
      name: '亩均产出',
      weight: 0.5,
      normalisation: {
        method: 'bands',
        bands: [
          { from: 400, score: 1 },
          { to: 400, score: 0 },
        ],
      },
    },
    { code: 'TAX', name: '亩均税收', weight: 0.5 },
    { code: 'RD', name: '研发占比', weight: 0.2, required: false, normalisation: { method: 'target', target: 2 } },
    { code: 'INC', name: '事故', weight: 0, required: false },
  ],
  groupNormalisation: {
    national: {
      OUT: {
        method: 'bands',
        bands: [
          { from: 600, score: 1 },
          { to: 600, score: 0 },
        ],
      },
    },
  },
  vetoes: [{ code: 'safety', indicator: 'INC', op: 'ge', value: 1, reason: '重大事故' }],
  adjustments: [{ code: 'AWARD', kind: 'bonus', name: '表彰', maxPoints: 5 }],
  grades: [
    { label: '优秀', minScore: 80 },
    { label: '合格', minScore: 40 },
    { label: '不合格', minScore: 0 },
  ],
  defaultWeights: true,
};

const unit = (code: string, group: string | null, values: Record<string, string | null>) => ({
  code,
  name: `单位${code}`,
  nameEn: `Unit ${code}`,
  group,
  values,
});

const input: RunInput = {
  scheme: { code: 'zones', version: 3, definition },
  year: 2024,
  units: { OUT: '万元/亩', TAX: '万元/亩', RD: '%', INC: '起', AWARD: '分' },
  subjects: [
    unit('N1', 'national', { OUT: '500', TAX: '30', RD: '1', INC: null, AWARD: '2' }),
    unit('N2', 'national', { OUT: '650.000000000000000000001', TAX: '20', RD: null, INC: '0', AWARD: null }),
    unit('N3', 'national', { OUT: '700', TAX: '40', RD: '3', INC: '1', AWARD: null }),
    unit('P1', 'provincial', { OUT: '450', TAX: '10', RD: '2', INC: null, AWARD: null }),
    unit('P2', 'provincial', { OUT: null, TAX: '12', RD: '2', INC: null, AWARD: null }),
    unit('X', null, { OUT: '100', TAX: '1', RD: null, INC: null, AWARD: null }),
  ],
};

describe('computeRun', () => {
  const r = computeRun(input, { samples: 300, seed: 11 });
  const byCode = new Map(r.units.map((u) => [u.code, u]));

  it('marks the run 模拟 when any figure it used is synthetic, naming the unit and indicator (issue 16)', () => {
    assert.equal(r.simulated, false);
    assert.deepEqual(byCode.get('N1')!.synthetic, []);
    const sim = computeRun(
      { ...input, subjects: input.subjects.map((u) => (u.code === 'N3' ? { ...u, synthetic: ['TAX'] } : u)) },
      { samples: 0, seed: 11 },
    );
    assert.equal(sim.simulated, true);
    assert.deepEqual(sim.units.find((u) => u.code === 'N3')!.synthetic, ['TAX']);
    assert.deepEqual(sim.units.find((u) => u.code === 'N1')!.synthetic, []);
  });

  it('applies each comparison group its own bands (≥600 national, ≥400 provincial)', () => {
    const out = (code: string) => byCode.get(code)!.contributions.find((c) => c.indicator === 'OUT')!.normalised;
    assert.equal(out('N1'), 0); // 500 < 600
    assert.equal(out('N2'), 1);
    assert.equal(out('P1'), 1); // 450 ≥ 400
    assert.equal(out('X'), 0); // ungrouped: the scheme's own bands, 100 < 400
  });

  it('matches evaluate() on each group scheme, keeps raw decimal strings, bonus, veto and missing data', () => {
    const stored = storedSchemeSchema.parse(definition);
    const national = evaluate(schemeForGroup(stored, 'national'), [
      { code: 'N1', name: '', group: 'national', values: { OUT: 500, TAX: 30, RD: 1, INC: null }, adjustments: { AWARD: 2 } },
      {
        code: 'N2',
        name: '',
        group: 'national',
        values: { OUT: Number('650.000000000000000000001'), TAX: 20, RD: null, INC: 0 },
      },
      { code: 'N3', name: '', group: 'national', values: { OUT: 700, TAX: 40, RD: 3, INC: 1 } },
    ]);
    for (const e of national) assert.equal(byCode.get(e.code)!.score, e.score);
    assert.equal(byCode.get('N1')!.bonus, 2);
    const n2 = byCode.get('N2')!;
    assert.equal(n2.contributions.find((c) => c.indicator === 'OUT')!.raw, '650.000000000000000000001');
    assert.equal(n2.contributions.find((c) => c.indicator === 'RD')!.raw, null);
    assert.deepEqual(byCode.get('N3')!.vetoes, [{ code: 'safety', reason: '重大事故', reasonEn: null }]);
    assert.equal(byCode.get('N3')!.grade, '不合格');
    const p2 = byCode.get('P2')!;
    assert.equal(p2.status, 'incomplete');
    assert.deepEqual(p2.missing, ['OUT']);
    assert.equal(p2.score, null);
    assert.equal(p2.sensitivity, null);
    assert.match(byCode.get('N1')!.explanation.en, /^Unit N1: score/);
  });

  it('orders units by group (scheme order, ungrouped last), then rank, incomplete last', () => {
    assert.deepEqual(
      r.units.map((u) => [u.group, u.rank]),
      [
        ['national', 1],
        ['national', 2],
        // N2 lacks the optional RD figure others in its group have: scored, not ranked among complete units.
        // X alone in its group has no RD: the indicator drops out for that group alike, X stays complete.
        ['national', null],
        ['provincial', 1],
        ['provincial', null],
        [null, 1],
      ],
    );
    assert.deepEqual(r.groups, [
      { code: 'national', name: '国家级' },
      { code: 'provincial', name: '省级' },
    ]);
    assert.equal(r.indicators[0]!.unit, '万元/亩');
    assert.ok(Math.abs(r.indicators.reduce((s, i) => s + i.weight, 0) - 1) < 1e-12);
  });

  it('is deterministic bit for bit; the seed moves only the sensitivity; no samples, no sensitivity', () => {
    assert.equal(JSON.stringify(computeRun(input, { samples: 300, seed: 11 })), JSON.stringify(r));
    const other = computeRun(input, { samples: 300, seed: 12 });
    assert.deepEqual(
      other.units.map((u) => u.score),
      r.units.map((u) => u.score),
    );
    const none = computeRun(input, { samples: 0, seed: 11 });
    assert.ok(none.units.every((u) => u.sensitivity === null));
    const s = byCode.get('N1')!.sensitivity!;
    assert.ok(s.rankLow <= s.rankMedian && s.rankMedian <= s.rankHigh);
    assert.ok(Math.abs(Object.values(s.gradeProbabilities).reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.deepEqual(Object.keys(s.gradeProbabilities), ['优秀', '合格', '不合格']);
  });
});

describe('normalisationVariants', () => {
  const stored = storedSchemeSchema.parse(definition);
  it('swaps only the data-relative methods (min–max, rank, z-score), never bands or targets', () => {
    const variants = normalisationVariants(stored);
    assert.deepEqual(
      variants.map((v) => v.map((n) => n.method)),
      [
        ['bands', 'minmax', 'target', 'minmax'],
        ['bands', 'rank', 'target', 'rank'],
        ['bands', 'zscore', 'target', 'zscore'],
      ],
    );
  });
  it('gives the scheme alone when nothing is data-relative', () => {
    const fixed = { ...stored, indicators: stored.indicators.slice(0, 1) };
    assert.equal(normalisationVariants(fixed).length, 1);
  });
});
