import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePlanFile } from './parse-plan-file.ts';

const plan = `plan: { id: demo-2025, title: 示范规划, issuer: 示范政府, periodStart: 2021, periodEnd: 2025 }\n`;

describe('parsePlanFile', () => {
  it('keeps decimal literals as their source text, never as floats', () => {
    const r = parsePlanFile(
      `${plan}indicators: [{ code: X, name: 进出口总额, nameEn: Trade, unit: 亿元 }]
targets:
  - key: t1
    indicator: X
    orgUnit: YN
    baseline: { year: 2020, value: 0.1000000000000000055511 }
    target: { year: 2025, comparator: at_least, value: 2675.78 }
    source: { quote: 进出口总额达到2675.78亿元 }
`,
    );
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.equal(r.value.targets[0]!.target.value, '2675.78');
    assert.equal(r.value.targets[0]!.baseline!.value, '0.1000000000000000055511');
    assert.equal(r.value.targets[0]!.target.year, 2025);
  });

  it('normalises matched text (quotes, units) on input (NFKC)', () => {
    const r = parsePlanFile(`${plan}indicators: [{ code: A, name: 用地, nameEn: Land, unit: "万ｍ２" }]
targets:
  - { key: t1, indicator: A, orgUnit: YN, target: { year: 2025, comparator: at_least, value: "１２" }, source: { quote: "达到１２万ｍ２（以上）" } }
`);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.equal(r.value.indicators[0]!.unit, '万m2');
    assert.equal(r.value.targets[0]!.target.value, '12');
    assert.equal(r.value.targets[0]!.source.quote, '达到12万m2(以上)');
  });

  it('keeps names and labels as written: plan title, issuer, section headings, indicator names and notes (issue 18)', () => {
    const r =
      parsePlanFile(`plan: { id: p, title: "⼈民（试行）", titleEn: " People (trial) ", issuer: "示范政府（办公厅）", periodStart: 2021, periodEnd: 2025 }
sections: [{ key: s1, kind: chapter, heading: "第一章\u3000总体要求（一）" }]
indicators:
  - { code: LAND, name: "土地供应率（供地率）", nameEn: "Land supply rate", unit: "%", synonyms: ["供地率（年度）"], description: "已供地面积÷批准面积，１００%为满" }
targets:
  - key: t1
    section: s1
    indicator: LAND
    orgUnit: YN
    target: { year: 2025, comparator: at_least, value: "90" }
    note: "以自然资源厅口径为准（年报）"
    source: { quote: 供地率达到90% }
`);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.equal(r.value.plan!.title, '⼈民（试行）', 'what the file says, even a look-alike radical');
    assert.equal(r.value.plan!.titleEn, 'People (trial)');
    assert.equal(r.value.plan!.issuer, '示范政府（办公厅）');
    assert.equal(r.value.sections[0]!.heading, '第一章\u3000总体要求（一）');
    const i = r.value.indicators[0]!;
    assert.deepEqual(
      [i.name, i.synonyms, i.description],
      ['土地供应率（供地率）', ['供地率（年度）'], '已供地面积÷批准面积，１００%为满'],
    );
    assert.equal(r.value.targets[0]!.note, '以自然资源厅口径为准（年报）');
  });

  it('keeps org-unit and group names as written (issue 18: （）stays （）, NFKC only in matching keys)', () => {
    const r = parsePlanFile(`orgUnits:
  - { code: SC-CD-X, name: "成都（天府）新区", nameEn: "Tianfu New Area（Chengdu）", kind: other }
groups:
  - { code: G-X, name: "成渝地区（双城）", nameEn: " Chengdu–Chongqing（２ cities） ", kind: other, members: [SC-CD-X] }
`);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.equal(r.value.orgUnits[0]!.name, '成都（天府）新区');
    assert.equal(r.value.orgUnits[0]!.nameEn, 'Tianfu New Area（Chengdu）');
    assert.equal(r.value.groups[0]!.name, '成渝地区（双城）');
    assert.equal(r.value.groups[0]!.nameEn, 'Chengdu–Chongqing（２ cities）');
  });

  it('lists every schema problem with its path, in Chinese and English', () => {
    const r = parsePlanFile(`${plan}targets:
  - key: t1
    indicator: X
    target: { year: 2025, comparator: at_least }
    source: { quote: q }
  - key: "bad key"
    indicator: X
    orgUnit: YN
    target: { year: 2025, comparator: bigger, value: '1' }
    source: { quote: q }
    extra: 1
`);
    assert.ok(!r.ok);
    const fields = r.errors.map((e) => e.field).sort();
    assert.deepEqual(
      fields,
      ['targets.0.orgUnit', 'targets.0.target.value', 'targets.1', 'targets.1.key', 'targets.1.target.comparator'].sort(),
    );
    for (const e of r.errors) assert.ok(e.message.length > 0 && e.messageZh.length > 0);
  });

  it('reports YAML syntax errors with a line number', () => {
    const r = parsePlanFile('plan: {id: x\n  bad: [', 'bad.yaml');
    assert.ok(!r.ok);
    assert.equal(r.errors[0]!.file, 'bad.yaml');
    assert.ok(r.errors[0]!.row !== undefined);
  });

  it('rejects a range target without bounds and a period end before its start', () => {
    const r = parsePlanFile(`plan: { id: p, title: t, issuer: i, periodStart: 2025, periodEnd: 2021 }
targets: [{ key: r, indicator: X, group: G, target: { year: 2025, comparator: range, min: '1' }, source: { quote: q } }]`);
    assert.ok(!r.ok);
    assert.deepEqual(r.errors.map((e) => e.field).sort(), ['plan.periodEnd', 'targets.0.target.max']);
  });
});
