import type { Params, SpaceJson } from '@tuneboard/tuning';
import type { Objective } from './problem.ts';

/**
 * Problems added on 2026-12-08, after every default was chosen, to see how `auto` fares on problems nobody
 * tuned on or looked at before (`--problems=fresh`): five standard test functions (Surjanovic & Bingham's
 * library, usual domains, known minima 0) and a gradient-boosting-like mixed space (log float, int, log int,
 * float, categorical). Python copies in optuna_peer.py, checked against these on sample points.
 */
const num = (p: Params, k: string): number => p[k] as number;
const xs = (d: number): string[] => Array.from({ length: d }, (_, i) => `x${i}`);
const box = (d: number, low: number, high: number): SpaceJson => Object.fromEntries(xs(d).map((n) => [n, { type: 'float', low, high }]));
const vec = (p: Params, d: number): number[] => xs(d).map((k) => num(p, k));

const BOOSTER_PENALTY: Record<string, number> = { gbtree: 0, dart: 0.1, gblinear: 0.5 };

export const FRESH_OBJECTIVES: Objective[] = [
  {
    name: 'zakharov-6',
    space: box(6, -5, 10),
    f: (p) => {
      const x = vec(p, 6);
      const s1 = x.reduce((s, v) => s + v * v, 0);
      const s2 = x.reduce((s, v, i) => s + 0.5 * (i + 1) * v, 0);
      return s1 + s2 ** 2 + s2 ** 4;
    },
    optimum: 0,
  },
  {
    name: 'dixon-price-4',
    space: box(4, -10, 10),
    f: (p) => {
      const x = vec(p, 4);
      return (x[0]! - 1) ** 2 + x.slice(1).reduce((s, v, i) => s + (i + 2) * (2 * v * v - x[i]!) ** 2, 0);
    },
    optimum: 0,
  },
  {
    name: 'powell-4',
    space: box(4, -4, 5),
    f: (p) => {
      const [a, b, c, d] = vec(p, 4) as [number, number, number, number];
      return (a + 10 * b) ** 2 + 5 * (c - d) ** 2 + (b - 2 * c) ** 4 + 10 * (a - d) ** 4;
    },
    optimum: 0,
  },
  {
    name: 'rastrigin-3',
    space: box(3, -5.12, 5.12),
    f: (p) => vec(p, 3).reduce((s, v) => s + v * v - 10 * Math.cos(2 * Math.PI * v), 30),
    optimum: 0,
  },
  {
    name: 'schwefel-3',
    space: box(3, -500, 500),
    f: (p) => 418.9828872724338 * 3 - vec(p, 3).reduce((s, v) => s + v * Math.sin(Math.sqrt(Math.abs(v))), 0),
    optimum: 0,
  },
  {
    name: 'boosting-mixed',
    space: {
      learningRate: { type: 'float', low: 1e-4, high: 1, log: true },
      maxDepth: { type: 'int', low: 1, high: 12 },
      minChildWeight: { type: 'int', low: 1, high: 100, log: true },
      subsample: { type: 'float', low: 0.5, high: 1 },
      booster: { type: 'categorical', choices: ['gbtree', 'dart', 'gblinear'] },
    },
    f: (p) =>
      (Math.log10(num(p, 'learningRate')) + 1.5) ** 2 +
      0.05 * (num(p, 'maxDepth') - 7) ** 2 +
      0.1 * Math.log(num(p, 'minChildWeight') / 5) ** 2 +
      4 * (num(p, 'subsample') - 0.85) ** 2 +
      (BOOSTER_PENALTY[p.booster as string] ?? 0),
    optimum: 0,
  },
];
