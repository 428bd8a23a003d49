import { createRng } from '../rng.ts';

/**
 * Degree, coefficient bits and initial direction numbers of dimensions 2–31 of Sobol's sequence, from
 * S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci.
 * Comput. 30 (2008) 2635–2654 (file new-joe-kuo-6.21201, © 2008 Joe & Kuo, BSD-style licence, data only).
 */
const JOE_KUO: readonly (readonly [number, number, readonly number[]])[] = [
  [1, 0, [1]], [2, 1, [1, 3]], [3, 1, [1, 3, 1]], [3, 2, [1, 1, 1]], [4, 1, [1, 1, 3, 3]],
  [4, 4, [1, 3, 5, 13]], [5, 2, [1, 1, 5, 5, 17]], [5, 4, [1, 1, 5, 5, 5]], [5, 7, [1, 1, 7, 11, 19]],
  [5, 11, [1, 1, 5, 1, 1]], [5, 13, [1, 1, 1, 3, 11]], [5, 14, [1, 3, 5, 5, 31]], [6, 1, [1, 3, 3, 9, 7, 49]],
  [6, 13, [1, 1, 1, 15, 21, 21]], [6, 16, [1, 3, 1, 13, 27, 49]], [6, 19, [1, 1, 1, 15, 7, 5]],
  [6, 22, [1, 3, 1, 15, 13, 25]], [6, 25, [1, 1, 5, 5, 19, 61]], [7, 1, [1, 3, 7, 11, 23, 15, 103]],
  [7, 4, [1, 3, 7, 13, 13, 15, 69]], [7, 7, [1, 1, 3, 13, 7, 35, 63]], [7, 8, [1, 3, 5, 9, 1, 25, 53]],
  [7, 14, [1, 3, 1, 13, 9, 35, 107]], [7, 19, [1, 3, 1, 5, 27, 61, 31]], [7, 21, [1, 1, 5, 11, 19, 41, 61]],
  [7, 28, [1, 3, 5, 3, 3, 13, 69]], [7, 31, [1, 1, 7, 13, 1, 19, 1]], [7, 32, [1, 3, 7, 5, 13, 19, 59]],
  [7, 37, [1, 1, 3, 9, 25, 29, 41]], [7, 41, [1, 3, 5, 13, 23, 1, 55]],
];

/** Bits per coordinate: the sequence has period 2^BITS, after which the QMC sampler turns random. */
export const SOBOL_BITS = 32;
/** First degree used for the dimensions beyond the Joe–Kuo rows above. */
const EXTRA_FIRST_DEGREE = 8;

/** True when the GF(2) polynomial `poly` of degree `deg` (bit i = coefficient of x^i) is primitive. */
function isPrimitive(poly: number, deg: number): boolean {
  // Primitive ⇔ the order of x modulo poly is 2^deg − 1.
  const period = (1 << deg) - 1;
  let r = 1;
  for (let k = 1; k <= period; k++) {
    r <<= 1;
    if (r & (1 << deg)) r ^= poly;
    if (r === 1) return k === period;
  }
  return false;
}

/** Primitive polynomials of degree ≥ 8 with Bratley–Fox style seeded initial numbers, for dims past 31. */
function extraDimensions(count: number): [number, number, number[]][] {
  const out: [number, number, number[]][] = [];
  const rng = createRng(0x50b01);
  for (let deg = EXTRA_FIRST_DEGREE; out.length < count; deg++) {
    for (let mid = 0; mid < 1 << (deg - 1) && out.length < count; mid++) {
      const poly = (1 << deg) | (mid << 1) | 1;
      if (!isPrimitive(poly, deg)) continue;
      const m = Array.from({ length: deg }, (_, j) => (rng.int(1 << j) << 1) | 1);
      out.push([deg, mid, m]);
    }
  }
  return out;
}

/** Direction numbers V[j] (j = 0…BITS−1, most significant bit = 2^-1) for dimensions 0…dims−1. */
export function sobolDirections(dims: number): Uint32Array[] {
  const rows: (readonly [number, number, readonly number[]])[] = [
    ...JOE_KUO,
    ...(dims - 1 > JOE_KUO.length ? extraDimensions(dims - 1 - JOE_KUO.length) : []),
  ];
  const out: Uint32Array[] = [];
  for (let d = 0; d < dims; d++) {
    const v = new Uint32Array(SOBOL_BITS);
    if (d === 0) {
      for (let j = 0; j < SOBOL_BITS; j++) v[j] = (1 << (31 - j)) >>> 0;
    } else {
      const [s, a, m] = rows[d - 1] as readonly [number, number, readonly number[]];
      for (let j = 0; j < SOBOL_BITS; j++) {
        if (j < s) v[j] = ((m[j] as number) << (31 - j)) >>> 0;
        else {
          let x = ((v[j - s] as number) ^ ((v[j - s] as number) >>> s)) >>> 0;
          for (let k = 1; k < s; k++) {
            if ((a >>> (s - 1 - k)) & 1) x = (x ^ (v[j - k] as number)) >>> 0;
          }
          v[j] = x;
        }
      }
    }
    out.push(v);
  }
  return out;
}

function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/**
 * A scrambled Sobol sequence (Sobol 1967; direction numbers of Joe & Kuo 2008) with Matoušek's linear
 * matrix scramble and a random digital shift ("On the L2-discrepancy for anchored boxes", 1998), as SciPy's
 * `qmc.Sobol(scramble=True)` does. `point(i)` is random-access, so no state is kept between asks.
 */
export class ScrambledSobol {
  private readonly directions: Uint32Array[];
  private readonly shift: Uint32Array;

  constructor(
    readonly dims: number,
    seed: number,
  ) {
    const raw = sobolDirections(dims);
    const rng = createRng(seed, 0x5c7a);
    this.shift = new Uint32Array(dims);
    this.directions = raw.map((v, d) => {
      // Lower-triangular binary matrix with unit diagonal: output digit k mixes input digits 0…k.
      const rows = new Uint32Array(SOBOL_BITS);
      for (let k = 0; k < SOBOL_BITS; k++) {
        const above = k === 0 ? 0 : (rng.nextUint32() >>> (SOBOL_BITS - k)) << (SOBOL_BITS - k);
        rows[k] = (above | (1 << (31 - k))) >>> 0;
      }
      this.shift[d] = rng.nextUint32();
      return v.map((vj) => {
        let out = 0;
        for (let k = 0; k < SOBOL_BITS; k++) if (parity((rows[k] as number) & vj)) out |= 1 << (31 - k);
        return out >>> 0;
      });
    });
  }

  /** The i-th point (0-based, Gray-code order) in [0, 1)^dims; i must be below 2^BITS. */
  point(i: number): number[] {
    const gray = (i ^ Math.floor(i / 2)) >>> 0;
    return this.directions.map((v, d) => {
      let x = this.shift[d] as number;
      for (let j = 0; j < SOBOL_BITS; j++) if ((gray >>> j) & 1) x = (x ^ (v[j] as number)) >>> 0;
      return x / 0x100000000;
    });
  }
}
