/**
 * The package's one source of seeded randomness (nothing calls `Math.random`). Samplers never keep a generator
 * between calls: they derive one from (seed, stream…) so the same history always gives the same suggestion on
 * any API replica.
 *
 * Two generator cores live here, each behind one seeding rule, because every suggestion ever made depends on
 * its stream (a study replays its history through them; changing either changes every later suggestion):
 * - {@link createRng}: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
 *   2018) seeded through splitmix32 and {@link mixSeed}, as an {@link Rng} object — the samplers, grid, Sobol
 *   scrambling and pruners' bracket hash;
 * - {@link createRandomSource}: sfc32 seeded through {@link hashSeed}, as a plain `() => number`
 *   ({@link RandomSource}, the d3-random convention) — the numerical cores (GP, CMA-ES, NSGA-II).
 * New code takes an {@link Rng}, or a {@link RandomSource} from {@link toRandomSource} where a core wants a function.
 */
export interface Rng {
  /** Uniform on [0, 1), 32 bits of resolution. */
  next(): number;
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform integer on [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Mixes a seed and any number of stream identifiers (e.g. a trial count) into one 32-bit state. */
export function mixSeed(seed: number, ...streams: number[]): number {
  let h = splitmix32((seed >>> 0) ^ Math.floor(seed / 0x100000000))();
  for (const s of streams) {
    h = splitmix32(h ^ (s >>> 0) ^ Math.imul(Math.floor(s / 0x100000000), 0x27d4eb2d))();
  }
  return h >>> 0;
}

/** Creates a generator from a seed and optional stream identifiers. */
export function createRng(seed: number, ...streams: number[]): Rng {
  const sm = splitmix32(mixSeed(seed, ...streams));
  let a = sm();
  let b = sm();
  let c = sm();
  let d = sm();
  if ((a | b | c | d) === 0) a = 1;
  let spare: number | undefined;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const next = (): number => nextUint32() / 0x100000000;
  return {
    next,
    nextUint32,
    int: (n) => Math.min(n - 1, Math.floor(next() * n)),
    normal: () => {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      let u = next();
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

// The numerical cores' source (GP, CMA-ES, NSGA-II).

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
