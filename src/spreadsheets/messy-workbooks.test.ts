import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { createTableInterpreter } from '../domain/reporting/table/interpret-table.ts';
import type { TableRecord } from '../domain/reporting/table/table.types.ts';
import { FIXTURE_FREQUENCY, FIXTURE_ITEMS, FIXTURE_UNITS, messyWorkbookCases } from './messy-workbooks.fixtures.ts';
import { readXlsxRows } from './read-xlsx.ts';

describe('messy workbooks: readXlsxRows → createTableInterpreter gives exactly the expected outcome', () => {
  for (const c of messyWorkbookCases()) {
    it(`${c.name}: ${c.covers}`, async () => {
      const interpreter = createTableInterpreter({
        items: FIXTURE_ITEMS,
        units: FIXTURE_UNITS,
        frequency: FIXTURE_FREQUENCY,
        period: c.period,
      });
      const records: TableRecord[] = [];
      for await (const row of readXlsxRows(Readable.from([await c.build()]))) records.push(...interpreter.push(row));
      const outcome = interpreter.finish();

      assert.deepEqual(records, c.expected.records);
      assert.deepEqual(
        outcome.problems.map(({ sheet, row, column, value, code }) => ({ sheet, row, column, value, code })),
        c.expected.problems,
      );
      assert.equal(outcome.problemsTotal, c.expected.problems.length);
      assert.deepEqual(
        outcome.notes.map(({ sheet, row, code }) => ({ sheet, row, code })),
        c.expected.notes,
      );
      assert.deepEqual(
        outcome.sheets.map(({ name, layout, status, records: n }) => ({ name, layout, status, records: n })),
        c.expected.sheets,
      );
      // Every problem and note explains itself in both languages.
      for (const p of outcome.problems) {
        assert.ok(p.reason.length > 0 && /[\u4e00-\u9fff]/.test(p.reasonZh), `${p.code}: ${p.reason} / ${p.reasonZh}`);
      }
      for (const n of outcome.notes) assert.ok(n.message.length > 0 && /[\u4e00-\u9fff]/.test(n.messageZh));
      for (const s of outcome.sheets.filter((s) => s.status === 'ignored')) assert.ok(s.reason?.zh && s.reason.en);
    });
  }
});
