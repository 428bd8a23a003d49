import type { Params, SpaceJson } from '@tuneboard/tuning';
import type { MultiObjective, Objective } from './problem.ts';
import { ackley, branin, styblinskiTang } from './test-functions.ts';


const num = (p: Params, k: string): number => p[k] as number;
const floats = (names: string[], low: number, high: number): SpaceJson =>
  Object.fromEntries(names.map((n) => [n, { type: 'float', low, high }]));
const xs = (d: number): string[] => Array.from({ length: d }, (_, i) => `x${i}`);

const HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2];
const HARTMANN_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const HARTMANN_P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((row) => row.map((v) => v * 1e-4));

const ACTIVATION_PENALTY: Record<string, number> = { gelu: 0, relu: 0.3, tanh: 0.8, sigmoid: 1.5 };

/** The standard test functions (Surjanovic & Bingham's library), plus one mixed int/categorical space. */
export const OBJECTIVES: Objective[] = [
  {
    name: 'branin',
    space: { x0: { type: 'float', low: -5, high: 10 }, x1: { type: 'float', low: 0, high: 15 } },
    f: (p) => branin(num(p, 'x0'), num(p, 'x1')),
    optimum: 0.397887,
  },
  {
    name: 'rosenbrock-4',
    space: floats(xs(4), -5, 10),
    f: (p) => {
      let s = 0;
      for (let i = 0; i < 3; i++) s += 100 * (num(p, `x${i + 1}`) - num(p, `x${i}`) ** 2) ** 2 + (1 - num(p, `x${i}`)) ** 2;
      return s;
    },
    optimum: 0,
  },
  {
    name: 'hartmann-6',
    space: floats(xs(6), 0, 1),
    f: (p) => {
      let s = 0;
      for (let i = 0; i < 4; i++) {
        let inner = 0;
        for (let j = 0; j < 6; j++) inner += HARTMANN_A[i]![j]! * (num(p, `x${j}`) - HARTMANN_P[i]![j]!) ** 2;
        s += HARTMANN_ALPHA[i]! * Math.exp(-inner);
      }
      return -s;
    },
    optimum: -3.32237,
  },
  {
    name: 'ackley-5',
    space: floats(xs(5), -32.768, 32.768),
    f: (p) => ackley(xs(5).map((k) => num(p, k))),
    optimum: 0,
  },
  {
    name: 'styblinski-tang-4',
    space: floats(xs(4), -5, 5),
    f: (p) => styblinskiTang(xs(4).map((k) => num(p, k))),
    optimum: -39.16617 * 4,
  },
  {
    name: 'mixed-nn',
    space: {
      learningRate: { type: 'float', low: 1e-5, high: 0.1, log: true },
      layers: { type: 'int', low: 1, high: 8 },
      width: { type: 'int', low: 16, high: 512, step: 16 },
      activation: { type: 'categorical', choices: ['relu', 'tanh', 'gelu', 'sigmoid'] },
      dropout: { type: 'float', low: 0, high: 0.5, step: 0.05 },
    },
    f: (p) => {
      const layers = num(p, 'layers');
      return (
        (Math.log10(num(p, 'learningRate')) + 2.5) ** 2 +
        0.15 * (layers - 3) ** 2 +
        ((num(p, 'width') - 208) / 128) ** 2 +
        (ACTIVATION_PENALTY[p.activation as string] ?? 0) +
        4 * (num(p, 'dropout') - 0.2) ** 2 +
        (p.activation === 'sigmoid' ? 0.5 * Math.abs(layers - 3) : 0)
      );
    },
    optimum: 0,
  },
];


/** Variables of the ZDT problems: 6 instead of the usual 30, so a 50–100-trial budget can make progress. */
const ZDT_DIMS = 6;

function zdt(p: Params, shape: (r: number) => number): number[] {
  const x = xs(ZDT_DIMS).map((k) => num(p, k));
  const f1 = x[0]!;
  const g = 1 + (9 * x.slice(1).reduce((a, b) => a + b, 0)) / (ZDT_DIMS - 1);
  return [f1, g * (1 - shape(f1 / g))];
}

/**
 * ZDT1 and ZDT2 (Zitzler, Deb & Thiele 2000) on [0, 1]^6: convex and concave fronts f2 = 1 − √f1 and
 * 1 − f1² at g = 1. The reference point (1.1, 11) is loose enough that random search scores.
 */
export const MULTI_OBJECTIVES: MultiObjective[] = [
  {
    name: 'zdt1-6',
    space: floats(xs(ZDT_DIMS), 0, 1),
    f: (p) => zdt(p, Math.sqrt),
    reference: [1.1, 11],
    maxHypervolume: 1.1 * 11 - 1 / 3,
  },
  {
    name: 'zdt2-6',
    space: floats(xs(ZDT_DIMS), 0, 1),
    f: (p) => zdt(p, (r) => r * r),
    reference: [1.1, 11],
    maxHypervolume: 1.1 * 11 - 2 / 3,
  },
  {
    // A network's loss (mixed-nn) against its size: layers × width / 4096, in [0.004, 1].
    name: 'loss-vs-size',
    space: (OBJECTIVES.find((o) => o.name === 'mixed-nn') as Objective).space,
    f: (p) => [(OBJECTIVES.find((o) => o.name === 'mixed-nn') as Objective).f(p), (num(p, 'layers') * num(p, 'width')) / 4096],
    reference: [3, 1.1],
    maxHypervolume: Number.NaN,
  },
];
