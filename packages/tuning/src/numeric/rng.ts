/**
 * A source of uniform numbers in [0, 1), injected wherever an algorithm needs randomness (the d3-random
 * convention). Nothing in the numerical cores calls `Math.random`, so a seed fully determines the output.
 */
export type RandomSource = () => number;

/** Adapts a generator object with `next()` (e.g. this package's `Rng`) to a `RandomSource`. */
export function toRandomSource(rng: { next(): number }): RandomSource {
  return () => rng.next();
}

/** Mixes up to a few integers into one 32-bit seed (murmur3 finaliser), so streams can be keyed by (seed, generation). */
export function hashSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    // Fold in both 32-bit halves so seeds larger than 2^32 still differ.
    const lo = part >>> 0;
    const hi = Math.floor(part / 4294967296) >>> 0;
    for (const word of [lo, hi]) {
      h = Math.imul(h ^ word, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
    }
  }
  return h >>> 0;
}

/**
 * A seeded generator (sfc32 seeded through splitmix32): fast, 128-bit state, passes PractRand far beyond
 * what a sampler draws. Returns a `RandomSource`.
 */
export function createRandomSource(seed: number): RandomSource {
  let s = hashSeed(seed);
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A standard normal draw by Box–Muller (one of the pair is discarded to keep the source stateless). */
export function normal(rng: RandomSource): number {
  let u = rng();
  while (u <= 0) u = rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** An integer in [0, n). */
export function randInt(rng: RandomSource, n: number): number {
  return Math.min(n - 1, Math.floor(rng() * n));
}
