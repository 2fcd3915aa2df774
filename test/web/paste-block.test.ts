import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBlock, planPaste } from '../../web/src/reporting/pasteBlock.ts';

/** The grid's paste logic is plain TypeScript; it is tested here because tests run from src/ and test/. */
const TARGETS = [
  { indicator: 'REVENUE', name: '营业收入', nameEn: 'Operating revenue' },
  { indicator: 'INDUSTRIAL_OUTPUT', name: '工业总产值', nameEn: 'Gross industrial output' },
  { indicator: 'EMPLOYEES', name: '从业人员', nameEn: 'Persons employed' },
];

describe('pasting a block copied from Excel into the entry grid', () => {
  it('treats a single value as an ordinary paste', () => {
    assert.equal(isBlock('12.5'), false);
    assert.equal(isBlock('12.5\r\n'), false);
    assert.equal(isBlock('12.5\n13'), true);
  });

  it('fills down from the cell pasted into, normalising Excel’s number formats', () => {
    assert.deepEqual(planPaste('1,234.5\r\n\r\n２３０００\r\n7\r\n', TARGETS, 0), {
      mode: 'position',
      fills: [
        { indicator: 'REVENUE', text: '1234.5' },
        { indicator: 'EMPLOYEES', text: '23000' },
      ],
      skipped: 1,
    });
  });

  it('matches a two-column block by indicator name, ignoring a trailing unit', () => {
    assert.deepEqual(planPaste('从业人员（人）\t230\n营业收入\t"1,000"\n备注\t无', TARGETS, 2), {
      mode: 'name',
      fills: [
        { indicator: 'EMPLOYEES', text: '230' },
        { indicator: 'REVENUE', text: '1000' },
      ],
      skipped: 1,
    });
  });
});
