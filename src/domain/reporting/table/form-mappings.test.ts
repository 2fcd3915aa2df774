import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTableInterpreter } from './interpret-table.ts';
import { mappingKey, withFormMappings } from './form-mappings.ts';
import type { SheetRow, TableItem, TableUnit } from './table.types.ts';

const items: TableItem[] = [
  { indicator: 'REVENUE', name: '营业收入', nameEn: 'Operating revenue', unit: '万元', synonyms: [], cumulative: true },
];
const units: TableUnit[] = [{ code: 'ZN-A', name: '蒙自经济技术开发区', inScope: true }];
const rows: SheetRow[] = [
  { sheet: 'S', row: 1, cells: ['单位名称', '营收（万元）'] },
  { sheet: 'S', row: 2, cells: ['蒙自片', '12.5'] },
];

function read(i: readonly TableItem[], u: readonly TableUnit[]) {
  const interp = createTableInterpreter({ items: [...i], units: [...u], frequency: 'month', period: '2026-06' });
  const records = rows.flatMap((r) => interp.push(r));
  return { records, outcome: interp.finish() };
}

test('without mappings the unknown name and heading are not read', () => {
  const { records, outcome } = read(items, units);
  assert.equal(records.length, 0);
  assert.ok(outcome.notes.some((n) => n.code === 'column_ignored'));
});

test('remembered mappings make the same table read: the heading as the indicator, the name as the unit', () => {
  const mapped = withFormMappings(items, units, [
    { kind: 'indicator', text: '营收', target: 'REVENUE' },
    { kind: 'org_unit', text: '蒙自片', target: 'ZN-A' },
  ]);
  const { records, outcome } = read(mapped.items, mapped.units);
  assert.deepEqual(outcome.problems, []);
  assert.deepEqual(
    records.map((r) => [r.orgUnit, r.indicator, r.value]),
    [['ZN-A', 'REVENUE', '12.5']],
  );
});

test('a mapping to a target not on the form is left out', () => {
  const mapped = withFormMappings(items, units, [{ kind: 'indicator', text: '营收', target: 'GONE' }]);
  assert.deepEqual(mapped.items, items);
});

test('mapping keys fold as the import does', () => {
  assert.equal(mappingKey('indicator', '营 收（万元）'), mappingKey('indicator', '营收(万元)'));
  assert.equal(mappingKey('org_unit', '昆明高新區'), mappingKey('org_unit', '昆明高新区'));
});
