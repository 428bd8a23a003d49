import type { Params, SpaceJson } from '@tuneboard/tuning';
import type { Objective } from './objectives.ts';

/**
 * Problems of 16–32 parameters, to measure where `auto` should stop using the GP (`AUTO_GP_MAX_PARAMS` in
 * packages/tuning/src/samplers/create.ts). Standard test functions (Surjanovic & Bingham's library) at higher
 * dimension, and Branin hidden among 18 parameters that do not matter (few settings matter in most real
 * studies). The defaults were not tuned on these. Python copies in optuna_peer.py, checked against these on
 * sample points.
 */
const xs = (d: number): string[] => Array.from({ length: d }, (_, i) => `x${i}`);
const box = (d: number, low: number, high: number): SpaceJson => Object.fromEntries(xs(d).map((n) => [n, { type: 'float', low, high }]));
const vec = (p: Params, d: number): number[] => xs(d).map((k) => p[k] as number);

function levy(x: number[]): number {
  const w = x.map((v) => 1 + (v - 1) / 4);
  const d = w.length;
  let s = Math.sin(Math.PI * w[0]!) ** 2;
  for (let i = 0; i < d - 1; i++) s += (w[i]! - 1) ** 2 * (1 + 10 * Math.sin(Math.PI * w[i]! + 1) ** 2);
  return s + (w[d - 1]! - 1) ** 2 * (1 + Math.sin(2 * Math.PI * w[d - 1]!) ** 2);
}

function ackley(x: number[]): number {
  const sq = x.reduce((s, v) => s + v * v, 0) / x.length;
  const cos = x.reduce((s, v) => s + Math.cos(2 * Math.PI * v), 0) / x.length;
  return -20 * Math.exp(-0.2 * Math.sqrt(sq)) - Math.exp(cos) + 20 + Math.E;
}

const styblinski = (x: number[]): number => x.reduce((s, v) => s + 0.5 * (v ** 4 - 16 * v ** 2 + 5 * v), 0);

function branin(a: number, b: number): number {
  const c1 = 5.1 / (4 * Math.PI ** 2);
  const c2 = 5 / Math.PI;
  return (b - c1 * a * a + c2 * a - 6) ** 2 + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(a) + 10;
}

export const HIGH_DIM_OBJECTIVES: Objective[] = [
  { name: 'levy-16', space: box(16, -10, 10), f: (p) => levy(vec(p, 16)), optimum: 0 },
  { name: 'ackley-16', space: box(16, -32.768, 32.768), f: (p) => ackley(vec(p, 16)), optimum: 0 },
  { name: 'styblinski-tang-16', space: box(16, -5, 5), f: (p) => styblinski(vec(p, 16)), optimum: -39.16617 * 16 },
  { name: 'levy-32', space: box(32, -10, 10), f: (p) => levy(vec(p, 32)), optimum: 0 },
  { name: 'styblinski-tang-32', space: box(32, -5, 5), f: (p) => styblinski(vec(p, 32)), optimum: -39.16617 * 32 },
  {
    // x0 in [-5, 10] and x1 in [0, 15] are Branin's; x2…x19 in [0, 1] do not change the value.
    name: 'branin-in-20',
    space: { x0: { type: 'float', low: -5, high: 10 }, x1: { type: 'float', low: 0, high: 15 }, ...Object.fromEntries(xs(20).slice(2).map((n) => [n, { type: 'float', low: 0, high: 1 }])) },
    f: (p) => branin(p.x0 as number, p.x1 as number),
    optimum: 0.397887,
  },
];
