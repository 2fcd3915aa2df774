import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chainTaxonomySchema } from './chain-taxonomy.schema.ts';
import { classifyIndustries, indexLabels } from './classify-industries.ts';
import { fixtureTaxonomy } from './taxonomy.fixture.ts';

describe('classifyIndustries', () => {
  const index = indexLabels(fixtureTaxonomy());

  it('maps the plan’s labels to chains and industries, the first chain listed being the primary one', () => {
    const r = classifyIndustries(['生物医药', '绿色铝产业', '现代中药产业', '绿色硅'], index);
    assert.deepEqual(r.chains, ['green_aluminium', 'tcm', 'green_silicon']);
    assert.deepEqual(r.industries, ['biomedicine', 'new_materials']);
    assert.equal(r.primaryChain, 'green_aluminium');
    assert.equal(r.primaryIndustry, 'new_materials');
    assert.deepEqual(r.unmatched, []);
  });

  it('matches after NFKC: ASCII and full-width parentheses are one label', () => {
    const r = classifyIndustries(['坚果(核桃)加工业'], index);
    assert.deepEqual(r.chains, ['nuts']);
    assert.equal(r.primaryIndustry, 'green_food');
  });

  it('falls back to an industry named as a whole, and keeps unknown labels', () => {
    const r = classifyIndustries(['外向型消费品制造', '绿色食品加工', '外向型消费品制造'], index);
    assert.deepEqual(r.chains, []);
    assert.equal(r.primaryChain, null);
    assert.equal(r.primaryIndustry, 'green_food');
    assert.deepEqual(r.unmatched, ['外向型消费品制造']);
  });

  it('gives nothing for a zone without industries', () => {
    assert.deepEqual(classifyIndustries([], index), {
      chains: [],
      industries: [],
      primaryChain: null,
      primaryIndustry: null,
      unmatched: [],
    });
  });
});

describe('chainTaxonomySchema', () => {
  const base = fixtureTaxonomy();

  it('refuses a label that names two entries, and a chain of an unknown industry', () => {
    const bad = {
      industries: base.industries,
      chains: [
        ...base.chains,
        { ...base.chains[0]!, code: 'silicon_again' },
        { ...base.chains[1]!, code: 'orphan', industry: 'nowhere', name: '孤儿', aliases: [] },
      ],
    };
    const r = chainTaxonomySchema.safeParse(bad);
    assert.equal(r.success, false);
    const messages = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    assert.ok(
      messages.some((m) => m.startsWith('chains.4.aliases') && m.includes('绿色硅')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.startsWith('chains.5.industry') && m.includes('nowhere')),
      messages.join('\n'),
    );
  });

  it('keeps names as written (issue 18), and still refuses a label that names two entries in the other width', () => {
    const nuts = base.chains.find((c) => c.code === 'nuts')!;
    assert.deepEqual([nuts.name, nuts.nameEn], ['坚果（核桃）加工', 'Nuts']);
    const wide = chainTaxonomySchema.parse({
      industries: base.industries,
      chains: [{ ...nuts, name: '坚果（核桃）加工（２０２５）', nameEn: 'Nuts (walnut)', aliases: ['坚果(核桃)加工(2025)'] }],
    });
    assert.equal(wide.chains[0]!.name, '坚果（核桃）加工（２０２５）');
    assert.deepEqual(classifyIndustries(['坚果(核桃)加工(2025)'], indexLabels(wide)).chains, ['nuts']);
    const twice = chainTaxonomySchema.safeParse({
      industries: base.industries,
      chains: [...base.chains, { ...nuts, code: 'walnut', name: '核桃', aliases: ['坚果(核桃)加工'] }],
    });
    assert.equal(twice.success, false);
    assert.ok(
      twice.error!.issues.some((i) => i.message.includes('names both nuts and walnut')),
      JSON.stringify(twice.error!.issues),
    );
  });

  it('refuses duplicate codes', () => {
    const r = chainTaxonomySchema.safeParse({
      industries: base.industries,
      chains: [...base.chains, { ...base.chains[0]!, name: '别名', aliases: [] }],
    });
    assert.equal(r.success, false);
    assert.ok(r.error!.issues.some((i) => i.message.includes('duplicate code green_silicon')));
  });
});
