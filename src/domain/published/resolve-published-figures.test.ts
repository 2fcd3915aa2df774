import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedFiguresFileSchema } from './published-figure.schema.ts';
import { resolvePublishedFigures } from './resolve-published-figures.ts';

const catalogue = { indicatorUnits: new Map([['GDP', '亿元']]), orgUnits: new Set(['YN']) };
const source = { id: 's1', title: '公报', publisher: '统计局', publishedOn: '2021-01-26', url: 'https://example.org/a' };
const file = (figure: Record<string, unknown>, sources = [source]) =>
  publishedFiguresFileSchema.parse({
    sources,
    figures: [{ indicator: 'GDP', orgUnit: 'YN', period: '2020', source: 's1', ...figure }],
  });

describe('resolvePublishedFigures', () => {
  it('converts the printed value into the indicator unit and keeps the printed value in the citation', () => {
    const r = resolvePublishedFigures(
      file({ published: { value: '2.45', unit: '万亿元' }, quote: '全省完成地区生产总值2.45万亿元' }),
      catalogue,
      'f.yaml',
    );
    assert.deepEqual(r.errors, []);
    assert.equal(r.figures[0]!.value, '24500');
    assert.equal(r.figures[0]!.citation.publishedValue, '2.45');
    assert.equal(r.figures[0]!.citation.publishedUnit, '万亿元');
    assert.equal(r.figures[0]!.citation.url, 'https://example.org/a');
  });

  it('keeps the source’s title and publisher as printed in the citation (issue 18)', () => {
    const printed = {
      ...source,
      title: '２０２０年云南省国民经济和社会发展统计公报（摘要）',
      publisher: '云南省统计局（国家统计局云南调查总队）',
    };
    const r = resolvePublishedFigures(
      file({ published: { value: '2.45', unit: '万亿元' }, quote: '全省完成地区生产总值2.45万亿元' }, [printed]),
      catalogue,
      'f.yaml',
    );
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      [r.figures[0]!.citation.title, r.figures[0]!.citation.publisher],
      ['２０２０年云南省国民经济和社会发展统计公报（摘要）', '云南省统计局（国家统计局云南调查总队）'],
    );
  });

  it('refuses a quote that does not state the value, naming the field in zh and en', () => {
    const r = resolvePublishedFigures(
      file({ published: { value: '2.46', unit: '万亿元' }, quote: '生产总值2.45万亿元' }),
      catalogue,
      'f.yaml',
    );
    assert.equal(r.figures.length, 0);
    assert.equal(r.errors[0]!.field, 'figures.0.quote');
    assert.match(r.errors[0]!.messageZh, /引文中没有数值 2\.46/);
  });

  it('refuses unknown codes, unlisted sources, units of another dimension and figures published before their period', () => {
    const codes = resolvePublishedFigures(
      file({ indicator: 'NOPE', orgUnit: 'XX', published: { value: '1', unit: '亿元' }, quote: '1亿元' }),
      catalogue,
      'f.yaml',
    );
    assert.deepEqual(
      codes.errors.map((e) => e.field),
      ['figures.0.indicator', 'figures.0.orgUnit'],
    );
    const unlisted = resolvePublishedFigures(
      file({ source: 's9', published: { value: '1', unit: '亿元' }, quote: '1亿元' }),
      catalogue,
      'f',
    );
    assert.equal(unlisted.errors[0]!.field, 'figures.0.source');
    const unit = resolvePublishedFigures(file({ published: { value: '1', unit: '人' }, quote: '1人' }), catalogue, 'f');
    assert.equal(unit.errors[0]!.field, 'figures.0.published.unit');
    const early = resolvePublishedFigures(
      file({ period: '2022', published: { value: '1', unit: '亿元' }, quote: '1亿元' }),
      catalogue,
      'f',
    );
    assert.equal(early.errors[0]!.field, 'figures.0.period');
  });

  it('accepts a month-precise publication date within the period it reports on', () => {
    const r = resolvePublishedFigures(
      file({ period: '2021-06', cumulative: true, published: { value: '20564', unit: '元' }, quote: '20564元' }, [
        { ...source, publishedOn: '2021-07' },
      ]),
      { indicatorUnits: new Map([['GDP', '元']]), orgUnits: new Set(['YN']) },
      'f',
    );
    assert.deepEqual(r.errors, []);
    assert.equal(r.figures[0]!.cumulative, true);
  });
});
