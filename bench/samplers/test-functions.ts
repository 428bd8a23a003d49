import type { Objective } from './problem.ts';

/**
 * Test functions used at several dimensions (Surjanovic & Bingham's library) and the builder of the wide
 * categorical problems, shared by objectives.ts, held-out.ts and high-dim.ts. Python copies in optuna_peer.py.
 */
export function levy(x: readonly number[]): number {
  const w = x.map((v) => 1 + (v - 1) / 4);
  const d = w.length;
  let s = Math.sin(Math.PI * w[0]!) ** 2;
  for (let i = 0; i < d - 1; i++) s += (w[i]! - 1) ** 2 * (1 + 10 * Math.sin(Math.PI * w[i]! + 1) ** 2);
  return s + (w[d - 1]! - 1) ** 2 * (1 + Math.sin(2 * Math.PI * w[d - 1]!) ** 2);
}

export function ackley(x: readonly number[]): number {
  const sq = x.reduce((s, v) => s + v * v, 0) / x.length;
  const cos = x.reduce((s, v) => s + Math.cos(2 * Math.PI * v), 0) / x.length;
  return -20 * Math.exp(-0.2 * Math.sqrt(sq)) - Math.exp(cos) + 20 + Math.E;
}

export const styblinskiTang = (x: readonly number[]): number => x.reduce((s, v) => s + 0.5 * (v ** 4 - 16 * v ** 2 + 5 * v), 0);

export function branin(x1: number, x2: number): number {
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
}

/**
 * `settings` categoricals over `choices` and a learning rate in [1e-4, 0.1] on a log scale: setting i costs
 * ((a·k + b·i) mod K)/(K − 1) for choice k of K (a coprime to K, so each setting has its own best choice),
 * neighbouring settings that differ cost 0.6 (so the settings' own bests are not the optimum), and the learning
 * rate adds (log10 lr + 2.5)². The optimum, over every combination, is found by enumeration.
 */
export function wideCategorical(name: string, settings: number, choices: readonly string[], a: number, b: number): Objective {
  const K = choices.length;
  const cost = (k: readonly number[]): number => {
    let s = 0;
    for (let i = 0; i < k.length; i++) s += ((a * k[i]! + b * i) % K) / (K - 1);
    for (let i = 0; i + 1 < k.length; i++) if (k[i] !== k[i + 1]) s += 0.6;
    return s;
  };
  let optimum = Infinity;
  const k = new Array<number>(settings).fill(0);
  for (let code = 0; code < K ** settings; code++) {
    for (let i = 0, c = code; i < settings; i++, c = Math.floor(c / K)) k[i] = c % K;
    optimum = Math.min(optimum, cost(k));
  }
  return {
    name,
    space: {
      ...Object.fromEntries(Array.from({ length: settings }, (_, i) => [`c${i}`, { type: 'categorical', choices: [...choices] }])),
      learningRate: { type: 'float', low: 1e-4, high: 0.1, log: true },
    },
    f: (p) => cost(Array.from({ length: settings }, (_, i) => choices.indexOf(p[`c${i}`] as string))) + (Math.log10(p.learningRate as number) + 2.5) ** 2,
    optimum,
  };
}
