import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseDefinitionText, storedSchemeSchema } from './stored-scheme.schema.ts';

const base = {
  code: 'zones',
  name: '开发区评价',
  indicators: [
    { code: 'REVENUE_PER_MU', name: '亩均产出', weight: 0.6 },
    { code: 'TAX_PER_MU', name: '亩均税收', weight: 0.4 },
  ],
  grades: [
    { label: '优秀', minScore: 85 },
    { label: '合格', minScore: 0 },
  ],
  groups: [{ code: 'national', name: '国家级' }],
};
const paths = (x: unknown) => {
  const r = storedSchemeSchema.safeParse(x);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('storedSchemeSchema', () => {
  it('fills the stored extras with defaults and keeps the domain defaults', () => {
    const s = storedSchemeSchema.parse(base);
    assert.deepEqual(s.subject, {});
    assert.deepEqual(s.sources, []);
    assert.deepEqual(s.groupNormalisation, {});
    assert.equal(s.defaultWeights, false);
    assert.equal(s.groupBy, undefined);
    assert.equal(s.indicators[0]!.required, true);
  });
  it('still applies the domain checks (grade order, unknown veto indicator)', () => {
    assert.notDeepEqual(paths({ ...base, grades: [...base.grades].reverse() }), []);
    assert.notDeepEqual(paths({ ...base, vetoes: [{ code: 'v', indicator: 'X', op: 'ge', value: 1, reason: 'r' }] }), []);
  });
  it('names the field of a bad source item, group, group normalisation or AHP size', () => {
    assert.deepEqual(paths({ ...base, sources: [{ item: 'nope', plan: 'p', section: 's', quote: 'q' }] }), ['sources.0.item']);
    assert.deepEqual(paths({ ...base, groupBy: { by: 'org_group', groups: { eco: 'mfa-ecological' } } }), ['groupBy.groups.eco']);
    assert.deepEqual(paths({ ...base, groupNormalisation: { national: { GDP: { method: 'rank' } } } }), [
      'groupNormalisation.national.GDP',
    ]);
    assert.deepEqual(paths({ ...base, groupNormalisation: { provincial: {} } }), ['groupNormalisation.provincial']);
    assert.deepEqual(paths({ ...base, ahp: { matrix: [[1]] } }), ['ahp.matrix']);
    assert.deepEqual(paths({ ...base, subject: { kinds: [] } }), ['subject.kinds']);
    assert.deepEqual(paths({ ...base, extra: 1 }), ['']);
  });
  it('accepts sources for indicators, groups, grades and the scheme', () => {
    const items = ['scheme', 'TAX_PER_MU', 'national', '优秀'];
    assert.deepEqual(paths({ ...base, sources: items.map((item) => ({ item, plan: 'p', section: 's', quote: 'q' })) }), []);
  });
});

describe('normaliseDefinitionText', () => {
  it('NFKC-normalises every string, deeply, and leaves numbers alone', () => {
    assert.deepEqual(normaliseDefinitionText({ a: ['ＡＢＣ，', { b: '１２' }], n: 1.5, t: true, z: null }), {
      a: ['ABC,', { b: '12' }],
      n: 1.5,
      t: true,
      z: null,
    });
  });

  it('keeps names as written at every level (issue 18), and still folds codes and quotes', () => {
    const definition = {
      code: 'ＬＡＮＤ',
      name: ' 土地集约利用评价（２０２５版） ',
      nameEn: 'Land use (２０２５)',
      indicators: [{ code: 'ＧＤＰ', name: '亩均产出（亩均营业收入）' }],
      sources: [{ item: 'scheme', quote: '亩均产出（万元）' }],
    };
    assert.deepEqual(normaliseDefinitionText(definition), {
      code: 'LAND',
      name: '土地集约利用评价（２０２５版）',
      nameEn: 'Land use (２０２５)',
      indicators: [{ code: 'GDP', name: '亩均产出（亩均营业收入）' }],
      sources: [{ item: 'scheme', quote: '亩均产出(万元)' }],
    });
  });

  it('keeps a description, a reason and who decided why as written (issue 18), folding the codes beside them', () => {
    const prose = {
      description: '按《规程》（试行）评价，５年一评',
      floors: [{ code: 'ＶＥＴＯ', reason: '发生重大安全事故（一票否决）' }],
      decisions: [{ items: ['ｗｅｉｇｈｔ:GDP'], by: '省发展改革委（规划处）', why: '规划未给权重，暂按等权，２０２６年复核' }],
    };
    const out = normaliseDefinitionText(prose) as typeof prose;
    const [floor, decision] = [out.floors[0]!, out.decisions[0]!];
    assert.deepEqual(
      [out.description, floor.reason, decision.by, decision.why],
      [prose.description, prose.floors[0]!.reason, prose.decisions[0]!.by, prose.decisions[0]!.why],
    );
    assert.deepEqual([floor.code, decision.items], ['VETO', ['weight:GDP']]);
  });
});
