import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CatalogueInput } from './candidate.schema.ts';
import { extractCandidates } from './extract-candidates.ts';
import { normaliseDocument } from './normalise-document.ts';
import { originalRange } from './offset-text.ts';

/** An annual plan as Hong Kong and Taiwan mirrors carry it: Traditional script, pinyin on some pages. */
const PLAN = [
  '示範市人民政府關於2024年國民經濟和社會發展計劃的報告。',
  '2024年經濟社會發展的主要預期目標是:國內生產總值增長5.5%左右;居民消費價格漲幅3%左右;',
  '到2024年,全市進出口總額達到600億元。',
].join('\n');

const catalogue: CatalogueInput = {
  indicators: [
    { code: 'GDP', name: '地区生产总值', unit: '亿元', synonyms: ['国内生产总值'] },
    { code: 'TRADE_TOTAL', name: '进出口总额', unit: '亿元', synonyms: [] },
  ],
  orgUnits: [{ code: 'DEMO', name: '示范市', kind: 'prefecture' }],
  groups: [],
};

describe('Traditional script', () => {
  const r = extractCandidates(PLAN, { catalogue });
  const byQuote = (q: string) =>
    r.targets.find((t) => PLAN.slice(t.valueSpan.start, t.valueSpan.end) !== '' && t.quote.includes(q));

  it('finds the targets of a Traditional text, quoting its own characters at their offsets', () => {
    const gdp = byQuote('國內生產總值增長5.5%左右');
    assert.ok(gdp, JSON.stringify(r.targets.map((t) => t.quote)));
    assert.equal(gdp.indicator.code, 'GDP');
    assert.equal(PLAN.slice(gdp.span.start, gdp.span.end), gdp.quote);
    assert.match(PLAN.slice(gdp.valueSpan.start, gdp.valueSpan.end), /^5\.5%/);
    const trade = byQuote('達到600億元');
    assert.ok(trade);
    assert.equal(trade.indicator.code, 'TRADE_TOTAL');
    assert.equal(trade.unit, '亿元');
    assert.equal(PLAN.slice(trade.span.start, trade.span.end), trade.quote);
    assert.match(PLAN.slice(trade.valueSpan.start, trade.valueSpan.end), /600/);
    for (const t of r.targets) assert.doesNotMatch(t.quote, /[国产总达亿]/u, 'a quote in Simplified characters');
  });

  it('keeps an offset map where OpenCC replaces a phrase by one of another length', () => {
    // Every character of the clean text points into the original, in order.
    const t = normaliseDocument(PLAN);
    assert.equal(t.text.split('\n')[1], '2024年经济社会发展的主要预期目标是:国内生产总值增长5.5%左右;居民消费价格涨幅3%左右;');
    const at = t.text.indexOf('国内生产总值');
    const { start, end } = originalRange(t, at, at + 6);
    assert.equal(PLAN.slice(start, end), '國內生產總值');
  });

  it('reads pages that annotate each character with its pinyin as if unannotated', () => {
    const raw = '地區(qū)生產(chǎn)總值達(dá)到22800億元';
    const t = normaliseDocument(raw);
    assert.equal(t.text, '地区生产总值达到22800亿元');
    const at = t.text.indexOf('22800');
    assert.equal(raw.slice(originalRange(t, at, at + 5).start, originalRange(t, at, at + 5).end), '22800');
    assert.equal(normaliseDocument('(a)项(cm)').text, '(a)项(cm)');
  });
});
