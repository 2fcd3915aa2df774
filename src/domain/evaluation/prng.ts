/**
 * Seeded pseudo-random numbers (mulberry32 seeded through splitmix32) so that a sensitivity run is
 * reproducible bit for bit from its seed. Not for cryptography.
 */
export interface Prng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
}

export function createPrng(seed: number): Prng {
  // splitmix32 of the seed so that nearby seeds give unrelated streams.
  let s = (seed | 0) + 0x9e3779b9;
  s = Math.imul(s ^ (s >>> 16), 0x85ebca6b);
  s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35);
  let state = (s ^ (s >>> 16)) >>> 0;
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
