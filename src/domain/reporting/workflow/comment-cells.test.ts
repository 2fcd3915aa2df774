import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellsNamedIn, type NamedItem } from './comment-cells.ts';

const items: NamedItem[] = [
  { indicator: 'REVENUE', names: ['营业收入', '营业总收入'] },
  { indicator: 'INDUSTRIAL_OUTPUT', names: ['工业总产值'] },
  { indicator: 'FAI', names: ['固定资产投资', '固投'] },
  { indicator: 'TRADE_TOTAL', names: ['进出口总额'] },
  { indicator: 'EXPORTS', names: ['出口额'] },
];

describe('cellsNamedIn', () => {
  it('finds the indicators a comment names, by name or synonym, in sheet order', () => {
    assert.deepEqual(cellsNamedIn('固投与月度调度数不符，工业总产值偏低，请核实', items), ['INDUSTRIAL_OUTPUT', 'FAI']);
  });
  it('matches full-width and spaced writing without changing the comment', () => {
    assert.deepEqual(cellsNamedIn('营业 收入（１－１１月）有误', items), ['REVENUE']);
  });
  it('does not take a name inside a longer one for a mention of its own', () => {
    assert.deepEqual(cellsNamedIn('进出口总额与海关数不符', items), ['TRADE_TOTAL']);
    assert.deepEqual(cellsNamedIn('进出口总额与出口额都需核实', items), ['TRADE_TOTAL', 'EXPORTS']);
  });
  it('names no cell when the comment is general', () => {
    assert.deepEqual(cellsNamedIn('请按时报送', items), []);
  });
});
