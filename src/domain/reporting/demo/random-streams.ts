import { Decimal } from 'decimal.js';
import { createPrng, type Prng } from '../../evaluation/prng.ts';

// The project's own mulberry32/splitmix32 generator (domain/evaluation/prng.ts): no runtime dependency
// offers a seeded PRNG (pure-rand only arrives as a dev dependency of fast-check).

/** FNV-1a over the key's UTF-16 code units: a stable 32-bit hash. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * Random numbers keyed by what they are for (unit, indicator, purpose), so that a figure does not
 * change when units or forms are added or reordered. Only + − × ÷ and decimal.js are used on the
 * draws: Math.exp/log/pow may differ in the last bit between engines, decimal.js does not.
 */
export interface Streams {
  /** A stream for one purpose. */
  stream(key: string): Prng;
  /** One uniform draw in [0, 1) for a purpose. */
  uniform(key: string): number;
  /** One draw in [lo, hi). */
  between(key: string, lo: number, hi: number): number;
  /** One draw in [lo, hi] spread evenly on a log scale (sizes, ratios). */
  logBetween(key: string, lo: number, hi: number): number;
  /** About normal (Irwin–Hall of four uniforms), mean 0, sd 1, within ±3.46. */
  normal(key: string): number;
}

const D = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_HALF_EVEN });

/** base ** exponent, computed in decimal so that it is the same on every engine. */
export function power(base: number, exponent: number): number {
  if (exponent === 0) return 1;
  return new D(base).pow(new D(exponent)).toNumber();
}

export function createStreams(seed: number): Streams {
  const stream = (key: string) => createPrng(hash32(`${seed | 0}|${key}`));
  const uniform = (key: string) => stream(key).next();
  const logs = new Map<string, number>();
  return {
    stream,
    uniform,
    between: (key, lo, hi) => lo + (hi - lo) * uniform(key),
    logBetween: (key, lo, hi) => {
      const memo = `${key}|${lo}|${hi}`;
      let v = logs.get(memo);
      if (v === undefined) logs.set(memo, (v = lo * power(hi / lo, uniform(key))));
      return v;
    },
    normal: (key) => {
      const s = stream(key);
      return (s.next() + s.next() + s.next() + s.next() - 2) * Math.sqrt(3);
    },
  };
}
