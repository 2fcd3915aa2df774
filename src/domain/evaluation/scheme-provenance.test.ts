import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { staleDecisionItems } from './check-scheme.ts';
import { schemeProvenance, unbackedElements } from './scheme-provenance.ts';
import { storedSchemeSchema } from './stored-scheme.schema.ts';

const base = {
  code: 's',
  name: '方案',
  indicators: [
    { code: 'A', name: '甲', weight: 0.6, normalisation: { method: 'target', target: 10 } },
    { code: 'B', name: '乙', weight: 0.4 },
  ],
  groups: [{ code: 'g', name: '组', weights: { A: 0.5 } }],
  vetoes: [{ code: 'v', indicator: 'B', op: 'ge', value: 1, reason: '事故' }],
  grades: [
    { label: '好', minScore: 60 },
    { label: '差', minScore: 0 },
  ],
};

describe('scheme provenance (issue 16)', () => {
  it('lists every element and names those with neither a source nor a decision', () => {
    const s = storedSchemeSchema.parse(base);
    assert.deepEqual(unbackedElements(s), [
      'indicator:A',
      'weight:A',
      'normalisation:A',
      'indicator:B',
      'weight:B',
      'normalisation:B',
      'group:g',
      'weight:g:A',
      'veto:v',
      'grade:好',
      'grade:差',
      'missingPolicy',
    ]);
  });

  it('takes a bare code or a full key; a decision keeps who, when and why', () => {
    const s = storedSchemeSchema.parse({
      ...base,
      sources: [{ item: 'A', plan: 'p', section: '一', quote: '甲' }],
      decisions: [
        {
          items: [
            'weight:A',
            'normalisation:A',
            'B',
            'weight:B',
            'normalisation:B',
            'g',
            'weight:g:A',
            'v',
            '好',
            '差',
            'missingPolicy',
          ],
          by: '规划处',
          at: '2026-12-06',
          why: '暂定',
        },
      ],
    });
    assert.deepEqual(unbackedElements(s), []);
    const p = schemeProvenance(s);
    assert.deepEqual(p.find((e) => e.key === 'indicator:A')!.cited, [{ plan: 'p', section: '一', quote: '甲' }]);
    assert.deepEqual(p.find((e) => e.key === 'weight:g:A')!.decided, [{ by: '规划处', at: '2026-12-06', why: '暂定' }]);
    assert.equal(p.find((e) => e.key === 'normalisation:A')!.labelZh, '计分方法：甲 目标值 10（基准 0）');
  });

  it('refuses a decision naming an element the scheme does not have', () => {
    const s = storedSchemeSchema.parse({ ...base, decisions: [{ items: ['weight:Z'], by: 'x', at: '2026-12-06', why: 'y' }] });
    assert.deepEqual(
      staleDecisionItems(s).map((p) => p.field),
      ['decisions.0.items.0'],
    );
  });
});
