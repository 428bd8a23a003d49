import type { Params, SpaceJson } from '@tuneboard/tuning';
import type { Objective } from './objectives.ts';

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

/**
 * `settings` categoricals of `choices` choices and a log-scaled learning rate: setting i costs
 * ((a·k + 3i) mod choices)/(choices − 1) for choice k (a coprime to choices), neighbours that differ cost 0.6 (so
 * each setting's own best is not the optimum), plus (log10 lr + 2.5)². Its minimum over every combination is
 * found by enumeration. Wide encodings: one column per choice, to measure `AUTO_GP_MAX_WIDTH`.
 */
function wideCategorical(settings: number, choices: number, a: number): Objective {
  const names = Array.from({ length: choices }, (_, k) => `v${k}`);
  const cost = (k: number[]): number => {
    let s = 0;
    for (let i = 0; i < k.length; i++) s += ((a * k[i]! + 3 * i) % choices) / (choices - 1);
    for (let i = 0; i + 1 < k.length; i++) if (k[i] !== k[i + 1]) s += 0.6;
    return s;
  };
  let optimum = Infinity;
  const k = new Array<number>(settings).fill(0);
  for (let code = 0; code < choices ** settings; code++) {
    for (let i = 0, c = code; i < settings; i++, c = Math.floor(c / choices)) k[i] = c % choices;
    optimum = Math.min(optimum, cost(k));
  }
  return {
    name: `wide-cat-${settings}x${choices}`,
    space: {
      ...Object.fromEntries(Array.from({ length: settings }, (_, i) => [`c${i}`, { type: 'categorical', choices: names }])),
      learningRate: { type: 'float', low: 1e-4, high: 0.1, log: true },
    },
    f: (p) => cost(Array.from({ length: settings }, (_, i) => names.indexOf(p[`c${i}`] as string))) + (Math.log10(p.learningRate as number) + 2.5) ** 2,
    optimum,
  };
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
  wideCategorical(4, 20, 7), // 81 encoded columns
  wideCategorical(3, 40, 7), // 121
];
