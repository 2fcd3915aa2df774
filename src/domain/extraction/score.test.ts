import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Extracted } from './score.ts';
import { goldSetSchema } from './gold.schema.ts';
import { prf, scoreExtraction, sumReports } from './score.ts';

const TEXT = '到2025年,进出口额达到2675.78亿元,吸收外资达到13.7亿美元。推进口岸建设。(省商务厅牵头;省发展改革委按照职责分工负责)';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

const gold = goldSetSchema.parse({
  plan: 'demo',
  source: 'demo.txt',
  targets: [
    {
      id: 'trade',
      quote: '进出口额达到2675.78亿元',
      indicator: { code: 'TRADE', mention: '进出口额' },
      scope: 'Z',
      target: { year: 2025, comparator: 'at_least', value: '2675.78' },
    },
    {
      id: 'fdi',
      quote: '吸收外资达到13.7亿美元',
      indicator: { code: 'FDI', mention: '吸收外资' },
      scope: 'Z',
      target: { year: 2025, comparator: 'at_least', value: '13.7' },
    },
  ],
  tasks: [{ id: 'port', quote: '推进口岸建设', lead: ['SWT'], co: ['FGW'] }],
});

const target = (id: string, figure: string, code: string | undefined, name: string, value: string) => ({
  id,
  indicator: code
    ? { code, name, mention: name, matchedBy: 'name' as const }
    : { name, mention: name, matchedBy: 'new' as const },
  scope: { code: 'Z', name: 'Z', mention: 'Z', from: 'plan' as const },
  target: { year: 2025, yearFrom: 'sentence' as const, comparator: 'at_least' as const, value },
  valueSpan: at(figure),
  span: at(figure),
  quote: figure,
});

describe('scoreExtraction', () => {
  it('matches candidates to gold items by span and scores each field', () => {
    const extracted: Extracted = {
      targets: [
        target('t1', '2675.78亿元', 'TRADE', '进出口总额', '2675.78'),
        target('t2', '13.7亿美元', 'GDP', '地区生产总值', '13.7'),
        target('t3', '2025', undefined, '年份', '2025'),
      ],
      tasks: [
        {
          id: 'k1',
          lead: [{ code: 'SWT', name: '省商务厅', mention: '' }],
          co: [],
          span: at('推进口岸建设。(省商务厅牵头'),
          quote: '',
        },
      ],
    };
    const r = scoreExtraction(TEXT, gold, extracted, { catalogueIndicators: new Set(['TRADE', 'FDI', 'GDP']) });
    assert.deepEqual(r.unlocated, []);
    assert.deepEqual([r.targets.target.tp, r.targets.target.fp, r.targets.target.fn], [2, 1, 0]);
    assert.deepEqual([r.targets.indicator.tp, r.targets.indicator.fp, r.targets.indicator.fn], [1, 2, 1]);
    assert.deepEqual([r.targets.targetValue.tp, r.targets.targetValue.fp], [2, 1]);
    assert.deepEqual([r.tasks.lead.tp, r.tasks.co.fn], [1, 1]);
    assert.equal(r.tasks.co.recall, 0);
    assert.deepEqual(r.missedTargets, []);
  });
  it('accepts a proposed new indicator when the catalogue lacks the gold code and the words agree', () => {
    const extracted: Extracted = { targets: [target('t1', '13.7亿美元', undefined, '吸收外资', '13.7')], tasks: [] };
    assert.equal(scoreExtraction(TEXT, gold, extracted, { catalogueIndicators: new Set() }).targets.indicator.tp, 1);
    assert.equal(scoreExtraction(TEXT, gold, extracted, { catalogueIndicators: new Set(['FDI']) }).targets.indicator.tp, 0);
  });
  it('compares a scope outside the catalogue by its name', () => {
    const named = {
      ...target('t1', '13.7亿美元', 'FDI', '吸收外资', '13.7'),
      scope: { name: 'Z', mention: '全省', from: 'plan' as const },
    };
    const r = scoreExtraction(TEXT, gold, { targets: [named], tasks: [] }, { catalogueIndicators: new Set(['FDI']) });
    assert.deepEqual([r.targets.scope.tp, r.targets.scope.fp], [1, 0]);
  });
  it('computes P/R/F1 and sums counts across plans', () => {
    assert.deepEqual(prf({ tp: 3, fp: 1, fn: 1 }), { tp: 3, fp: 1, fn: 1, precision: 0.75, recall: 0.75, f1: 0.75 });
    assert.equal(sumReports([{ a: prf({ tp: 1, fp: 0, fn: 1 }) }, { a: prf({ tp: 1, fp: 0, fn: 0 }) }]).a.recall, 0.667);
  });
});
