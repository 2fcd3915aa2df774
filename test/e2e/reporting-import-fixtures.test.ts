import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ImportResult } from '../../src/services/reporting/import/import.service.ts';
import { FIXTURE_ITEMS, messyWorkbookCases } from '../../src/spreadsheets/messy-workbooks.fixtures.ts';
import { request, startTestServer } from '../support/server.ts';

type Answer = ImportResult & { error?: { code: string; details: ImportResult } };
const ON_FORM = new Set(FIXTURE_ITEMS.map((i) => i.indicator).filter((c) => c !== 'LEADING_INDUSTRY_REVENUE_SHARE'));

/**
 * The messy-workbook fixtures through the real upload path: what the API previews must be exactly
 * what the fixture expects the interpreter to read, restricted to the form's own indicators (the
 * fixtures also carry a parks-plan percentage that DEV_ZONE_MONTHLY does not collect).
 */
describe('messy workbooks through the import API', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    server = await startTestServer('pglite');
  });
  after(() => server.close());

  for (const c of messyWorkbookCases()) {
    it(`${c.name}: ${c.covers}`, async () => {
      const body = new Uint8Array(await c.build());
      const query = new URLSearchParams({ fileName: c.fileName, dryRun: 'true', ...(c.period ? { period: c.period } : {}) });
      const res = await request<Answer>(server.url, 'POST', `/api/v1/forms/DEV_ZONE_MONTHLY/imports?${query}`, { body });
      assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 500));
      const expectedProblems = c.expected.problems.map((p) => [p.sheet, p.row, p.column, p.value, p.code]);
      // In the long layout a row naming an indicator the form does not collect is an error, not an ignored column.
      const longSheets = new Set(c.expected.sheets.filter((s) => s.layout === 'long').map((s) => s.name));
      const offForm = c.expected.records.filter((r) => longSheets.has(r.sheet) && !ON_FORM.has(r.indicator));
      expectedProblems.push(...offForm.map((r) => [r.sheet, r.row, 'B', r.indicator, 'unknown_indicator']));
      assert.deepEqual(
        res.body.problems.map((p) => [p.sheet, p.row, p.column, p.value, p.code]),
        expectedProblems,
      );
      if (expectedProblems.length > 0) return;
      const expected = c.expected.records
        .filter((r) => r.value !== null && ON_FORM.has(r.indicator))
        .map((r) => [r.orgUnit, r.indicator, r.period, r.value, r.sheet, r.row, r.column].join(' '))
        .sort();
      assert.deepEqual(
        res.body.changes
          .map((ch) => [ch.orgUnit, ch.indicator, ch.period, ch.after, ch.sheet, ch.row, ch.column].join(' '))
          .sort(),
        expected,
      );
      assert.equal(
        res.body.counts.notApplicable,
        c.expected.records.filter((r) => r.value === null && ON_FORM.has(r.indicator)).length,
      );
    });
  }
});
