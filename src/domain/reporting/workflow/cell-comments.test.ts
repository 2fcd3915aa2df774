import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCellComments, overallComment } from './cell-comments.ts';

const FORM = ['REVENUE', 'FAI', 'EMPLOYEES'];

describe('per-cell review comments', () => {
  it('keeps the non-blank comments as written, in form order', () => {
    assert.deepEqual(checkCellComments({ EMPLOYEES: ' 与社保人数不符， 请核实 ', FAI: '  ', REVENUE: '口径？' }, FORM), {
      ok: true,
      comments: { REVENUE: '口径？', EMPLOYEES: ' 与社保人数不符， 请核实 ' },
    });
    assert.deepEqual(checkCellComments(undefined, FORM), { ok: true, comments: {} });
  });

  it('refuses comments on indicators that are not on the form, naming them', () => {
    assert.deepEqual(checkCellComments({ REVENUE: '核实', GDP: '核实' }, FORM), { ok: false, unknown: ['GDP'] });
  });

  it("uses the reviewer's overall comment, else the cell comments under their names", () => {
    const names: Record<string, string> = { REVENUE: '营业收入', FAI: '固定资产投资' };
    const nameOf = (c: string) => names[c]!;
    assert.equal(overallComment(' 请核实 ', { FAI: '偏高' }, nameOf), '请核实');
    assert.equal(
      overallComment('', { REVENUE: '口径不符', FAI: '偏高，请附台账' }, nameOf),
      '营业收入：口径不符；固定资产投资：偏高，请附台账',
    );
    assert.equal(overallComment(null, {}, nameOf), null);
  });
});
