import type { ChainTaxonomy } from './chain-taxonomy.schema.ts';

/**
 * How a zone looks on the industry map: the colour of its primary chain, the shape and size of its level.
 * Each industry has a hue; its chains are shades of that hue, so the map reads by industry at a glance and
 * by chain up close. Hues are spaced for colour-vision deficiency as far as 8 hues allow; the shape (not
 * only the colour) tells the level, and the list beside the map names everything in words.
 */

/** Hue (degrees) of each industry, in the taxonomy's order; further industries cycle through them. */
const INDUSTRY_HUES = [210, 140, 28, 95, 265, 0, 45, 320];
export const NO_CHAIN_COLOUR = '#9aa1ab';

export type MarkerSymbol = 'diamond' | 'circle' | 'triangle';
export interface MarkerStyle {
  symbol: MarkerSymbol;
  size: number;
}

/** National zones are larger diamonds, provincial ones circles; units without a level (FTZ areas) triangles. */
export function markerStyle(level: string | null): MarkerStyle {
  if (level === 'national') return { symbol: 'diamond', size: 15 };
  if (level === 'provincial') return { symbol: 'circle', size: 10 };
  return { symbol: 'triangle', size: 13 };
}

function hslToHex(h: number, s: number, l: number): string {
  const sat = s / 100;
  const light = l / 100;
  const k = (n: number) => (n + h / 30) % 12;
  const a = sat * Math.min(light, 1 - light);
  const f = (n: number) => light - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  const hex = (x: number) =>
    Math.round(x * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(f(0))}${hex(f(8))}${hex(f(4))}`;
}

export interface Palette {
  industry: ReadonlyMap<string, string>;
  chain: ReadonlyMap<string, string>;
}

/** Colours of every industry (its middle shade) and chain (shades from dark to light, in file order). */
export function palette(t: ChainTaxonomy): Palette {
  const industry = new Map<string, string>();
  const chain = new Map<string, string>();
  t.industries.forEach((ind, i) => {
    const hue = INDUSTRY_HUES[i % INDUSTRY_HUES.length]!;
    industry.set(ind.code, hslToHex(hue, 65, 45));
    const chains = t.chains.filter((c) => c.industry === ind.code);
    chains.forEach((c, k) => {
      // Lightness 30–62 %: dark enough for a white border to show, light enough to differ from the next.
      const l = chains.length === 1 ? 45 : 30 + (32 * k) / (chains.length - 1);
      chain.set(c.code, hslToHex(hue, 65, l));
    });
  });
  return { industry, chain };
}

/** A zone's colour: its primary chain's shade, else its industry's colour, else grey. */
export function markerColour(p: Palette, primaryChain: string | null, primaryIndustry: string | null): string {
  if (primaryChain !== null) return p.chain.get(primaryChain) ?? NO_CHAIN_COLOUR;
  if (primaryIndustry !== null) return p.industry.get(primaryIndustry) ?? NO_CHAIN_COLOUR;
  return NO_CHAIN_COLOUR;
}
