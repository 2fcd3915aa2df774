import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReferences } from './check-references.ts';
import { parsePlanFile } from './parse-plan-file.ts';

function file(name: string, yaml: string, sourceText?: string) {
  const r = parsePlanFile(yaml, name);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { name, definition: r.value, sourceText };
}

const base = file(
  'base.yaml',
  `orgUnits: [{ code: YN, name: 云南省, kind: province }, { code: YN-KM, name: 昆明市, kind: prefecture, parent: YN }]
indicators: [{ code: TRADE, name: 进出口总额, nameEn: Trade, unit: 亿元 }]`,
);

describe('checkReferences', () => {
  it('accepts a consistent set whose quotes occur in the source', () => {
    const plan = file(
      'p.yaml',
      `plan: { id: p, title: t, issuer: i, periodStart: 2021, periodEnd: 2025 }
sections: [{ key: s1, kind: chapter, heading: 第一章 目标 }]
targets: [{ key: t1, section: s1, indicator: TRADE, orgUnit: YN-KM, target: { year: 2025, comparator: at_least, value: '10' }, source: { quote: "进出口总额达到10亿元" } }]
tasks: [{ key: k1, text: 做事, lead: [YN-KM], source: { quote: 昆明市牵头 } }]`,
      '第一章 目标\n进出口总额达到\n10亿元(昆明市牵头)',
    );
    assert.deepEqual(checkReferences([base, plan]), []);
  });

  it('reports every unknown reference, duplicate and missing quote at once', () => {
    const plan = file(
      'p.yaml',
      `plan: { id: p, title: t, issuer: i, periodStart: 2021, periodEnd: 2025 }
orgUnits: [{ code: YN-KM, name: 重复, kind: prefecture }, { code: Z1, name: 园区, kind: development_zone, parent: NOPE }]
targets:
  - { key: t1, section: s9, indicator: GDP, orgUnit: YN-XX, conflictsWith: [t7], target: { year: 2025, comparator: at_least, value: '1' }, source: { quote: 不存在的句子 } }
  - { key: t1, indicator: TRADE, group: G1, target: { year: 2025, comparator: at_least, value: '1' }, source: { quote: 进出口 } }
tasks: [{ key: k1, text: 做事, lead: [DEPT-X], co: [YN], source: { quote: 进出口 } }]
indicators:
  - { code: PER_MU, name: 亩均, nameEn: Per mu, unit: 万元/亩, formula: TRADE * 10000 / LAND }
  - { code: BROKEN, name: 坏公式, nameEn: Broken, unit: x, formula: (TRADE + }`,
      '进出口',
    );
    const errors = checkReferences([base, plan]);
    const got = errors.map((e) => `${e.field}`).sort();
    assert.deepEqual(
      got,
      [
        'indicators.0.formula',
        'indicators.1.formula',
        'orgUnits.0.code',
        'orgUnits.1.parent',
        'targets.0.conflictsWith.0',
        'targets.0.indicator',
        'targets.0.orgUnit',
        'targets.0.section',
        'targets.0.source.quote',
        'targets.1.group',
        'targets.1.key',
        'tasks.0.lead.0',
      ].sort(),
    );
    assert.ok(errors.every((e) => e.file === 'p.yaml' && e.messageZh && e.message));
  });

  it('lets a file refer to codes already in the database and refuses an existing plan id', () => {
    const plan = file(
      'p.yaml',
      `plan: { id: p, title: t, issuer: i, periodStart: 2021, periodEnd: 2025 }
targets: [{ key: t1, indicator: OLD, orgUnit: OLD-UNIT, conflictsWith: ['q:x'], target: { year: 2025, comparator: qualitative, text: 提升 }, source: { quote: x } }]`,
    );
    const known = {
      orgUnits: new Set(['OLD-UNIT']),
      groups: new Set<string>(),
      indicators: new Set(['OLD']),
      targetKeys: new Set(['q:x']),
      planIds: new Set<string>(),
    };
    assert.deepEqual(checkReferences([plan], known), []);
    const errors = checkReferences([plan], { ...known, planIds: new Set(['p']) });
    assert.deepEqual(
      errors.map((e) => e.field),
      ['plan.id'],
    );
  });
});
