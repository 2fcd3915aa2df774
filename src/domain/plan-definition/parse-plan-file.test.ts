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

  it('normalises text fields (NFKC) on input', () => {
    const r = parsePlanFile(`plan: { id: p, title: "⼈民（试行）", issuer: x, periodStart: 2021, periodEnd: 2025 }`);
    assert.ok(r.ok);
    assert.equal(r.value.plan!.title, '人民(试行)');
  });

  it('keeps org-unit and group names as written (issue 18: （）stays （）, NFKC only in matching keys)', () => {
    const r = parsePlanFile(`orgUnits:
  - { code: SC-CD-X, name: "成都（天府）新区", kind: other }
groups:
  - { code: G-X, name: "成渝地区（双城）", kind: other, members: [SC-CD-X] }
`);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.equal(r.value.orgUnits[0]!.name, '成都（天府）新区');
    assert.equal(r.value.groups[0]!.name, '成渝地区（双城）');
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
