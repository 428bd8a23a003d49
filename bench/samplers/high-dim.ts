import type { Params, SpaceJson } from '@tuneboard/tuning';
import type { Objective } from './problem.ts';
import { ackley, levy, styblinskiTang, wideCategorical } from './test-functions.ts';

/**
 * Problems of 16–32 parameters, to measure where `auto` should stop using the GP (`AUTO_GP_MAX_PARAMS` in
 * packages/tuning/src/samplers/create.ts), and two of 81 and 121 encoded columns
 * (`AUTO_GP_MAX_WIDTH`). Standard test functions (Surjanovic & Bingham's library) at higher
 * dimension, and Branin hidden among 18 parameters that do not matter (few settings matter in most real
 * studies). The defaults were not tuned on these. Python copies in optuna_peer.py, checked against these on
 * sample points.
 */
const xs = (d: number): string[] => Array.from({ length: d }, (_, i) => `x${i}`);
const box = (d: number, low: number, high: number): SpaceJson => Object.fromEntries(xs(d).map((n) => [n, { type: 'float', low, high }]));
const vec = (p: Params, d: number): number[] => xs(d).map((k) => p[k] as number);

/**
 * Branin written as when branin-in-20's figures were measured: `branin` of test-functions.ts squares with `**`,
 * which differs in the last bit at some points, and that is enough to change the GP's path and the figures.
 */
function braninAsMeasured(a: number, b: number): number {
  const c1 = 5.1 / (4 * Math.PI ** 2);
  const c2 = 5 / Math.PI;
  return (b - c1 * a * a + c2 * a - 6) ** 2 + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(a) + 10;
}

const values = (k: number): string[] => Array.from({ length: k }, (_, i) => `v${i}`);

export const HIGH_DIM_OBJECTIVES: Objective[] = [
  { name: 'levy-16', space: box(16, -10, 10), f: (p) => levy(vec(p, 16)), optimum: 0 },
  { name: 'ackley-16', space: box(16, -32.768, 32.768), f: (p) => ackley(vec(p, 16)), optimum: 0 },
  { name: 'styblinski-tang-16', space: box(16, -5, 5), f: (p) => styblinskiTang(vec(p, 16)), optimum: -39.16617 * 16 },
  { name: 'levy-32', space: box(32, -10, 10), f: (p) => levy(vec(p, 32)), optimum: 0 },
  { name: 'styblinski-tang-32', space: box(32, -5, 5), f: (p) => styblinskiTang(vec(p, 32)), optimum: -39.16617 * 32 },
  {
    // x0 in [-5, 10] and x1 in [0, 15] are Branin's; x2…x19 in [0, 1] do not change the value.
    name: 'branin-in-20',
    space: { x0: { type: 'float', low: -5, high: 10 }, x1: { type: 'float', low: 0, high: 15 }, ...Object.fromEntries(xs(20).slice(2).map((n) => [n, { type: 'float', low: 0, high: 1 }])) },
    f: (p) => braninAsMeasured(p.x0 as number, p.x1 as number),
    optimum: 0.397887,
  },
  wideCategorical('wide-cat-4x20', 4, values(20), 7, 3), // 81 encoded columns
  wideCategorical('wide-cat-3x40', 3, values(40), 7, 3), // 121
];
