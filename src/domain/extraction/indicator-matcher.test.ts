import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createIndicatorMatcher } from './indicator-matcher.ts';

const matcher = createIndicatorMatcher([
  { code: 'TRADE_TOTAL', name: '进出口总额', unit: '亿元', synonyms: ['外贸进出口', '货物进出口', '进出口'] },
  { code: 'EXPORT_TOTAL', name: '出口额', unit: '亿元', synonyms: [] },
  { code: 'FDI_ACTUAL', name: '实际利用外资', unit: '亿美元', synonyms: ['利用外资'] },
  { code: 'GDP', name: '地区生产总值', unit: '亿元', synonyms: ['GDP'] },
  { code: 'NEW_ENTERPRISES', name: '新设企业数', unit: '家', synonyms: [] },
  { code: 'NEW_FOREIGN_ENTERPRISES', name: '新设外资企业数', unit: '家', synonyms: [] },
]);
const code = (p: string) => matcher.match(p)?.code ?? `new:${matcher.match(p)?.name}`;

describe('createIndicatorMatcher', () => {
  it('matches names, synonyms and general equivalents, preferring the reading that covers the phrase', () => {
    assert.equal(code('进出口额'), 'TRADE_TOTAL');
    assert.equal(code('外贸进出口值'), 'TRADE_TOTAL');
    assert.equal(code('货物进出口'), 'TRADE_TOTAL');
    assert.equal(code('出口额'), 'EXPORT_TOTAL');
    assert.equal(code('吸收外资'), 'FDI_ACTUAL');
    assert.equal(code('经济总量'), 'GDP');
    assert.equal(code('其中新设外资企业数'), 'NEW_FOREIGN_ENTERPRISES');
    assert.equal(code('新设企业'), 'NEW_ENTERPRISES');
  });
  it('proposes a new indicator when the head of the phrase is not in the catalogue', () => {
    assert.equal(code('进出口企业数量'), 'new:进出口企业数量');
    assert.equal(matcher.match('跨境电商交易额')?.matchedBy, 'new');
  });
  it('finds a catalogue name kept as written in the normalised document (issue 18: （） against ())', () => {
    const m = createIndicatorMatcher([
      { code: 'LAND_SUPPLY_RATE', name: '土地供应率（供地率）', unit: '%', synonyms: ['供地率（年度）'] },
    ]);
    const hit = m.match('土地供应率(供地率)');
    assert.equal(hit?.code, 'LAND_SUPPLY_RATE');
    assert.equal(hit?.name, '土地供应率（供地率）', 'the catalogue’s name as written');
    assert.equal(m.match('供地率(年度)')?.code, 'LAND_SUPPLY_RATE');
  });
});
