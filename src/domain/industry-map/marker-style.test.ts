import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markerColour, markerStyle, NO_CHAIN_COLOUR, palette } from './marker-style.ts';
import { fixtureTaxonomy } from './taxonomy.fixture.ts';

describe('marker style', () => {
  const t = fixtureTaxonomy();
  const p = palette(t);

  it('gives every chain its own colour, shades of its industry’s hue', () => {
    const colours = t.chains.map((c) => p.chain.get(c.code));
    assert.ok(
      colours.every((c) => /^#[0-9a-f]{6}$/.test(c!)),
      colours.join(','),
    );
    assert.equal(new Set(colours).size, colours.length);
    // The two new-materials chains differ in lightness only: same dominant channel.
    const dominant = (hex: string) => {
      const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return rgb.indexOf(Math.max(...rgb));
    };
    assert.equal(dominant(p.chain.get('green_silicon')!), dominant(p.chain.get('green_aluminium')!));
    assert.notEqual(p.industry.get('new_materials'), p.industry.get('biomedicine'));
  });

  it('colours a zone by its primary chain, else its industry, else grey', () => {
    assert.equal(markerColour(p, 'tcm', 'biomedicine'), p.chain.get('tcm'));
    assert.equal(markerColour(p, null, 'green_food'), p.industry.get('green_food'));
    assert.equal(markerColour(p, null, null), NO_CHAIN_COLOUR);
  });

  it('draws national zones as larger diamonds, provincial ones as circles, others as triangles', () => {
    assert.equal(markerStyle('national').symbol, 'diamond');
    assert.equal(markerStyle('provincial').symbol, 'circle');
    assert.equal(markerStyle(null).symbol, 'triangle');
    assert.ok(markerStyle('national').size > markerStyle('provincial').size);
  });
});
