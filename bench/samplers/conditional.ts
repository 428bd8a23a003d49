import type { Params } from '@tuneboard/tuning';
import type { MultiObjective, Objective } from './problem.ts';
import { HELD_OUT_OBJECTIVES } from './held-out.ts';
import { branin, styblinskiTang } from './test-functions.ts';

/**
 * Conditional spaces (parameters with `when`) to decide on, added 2026-12-07 (sixth session) to choose whether
 * `auto` uses the GP or TPE on conditional spaces (`gpSuits` in packages/tuning/src/samplers/create.ts) without
 * choosing on `conditional-nn`, which stays held out (./held-out.ts) to judge the choice. Each has a branch that
 * is easy to do well in and a better one that takes more search. Python copies in optuna_peer.py, checked against
 * these on sample points.
 */
const num = (p: Params, k: string): number => p[k] as number;

/** Styblinski–Tang's minimum per coordinate. */
const ST_MIN = -39.16616570377142;

export const CONDITIONAL_OBJECTIVES: Objective[] = [
  {
    // A learning-rate schedule with its own settings; optimum 0 at cosine, lr 10^-1.8, warm-up 0.1, weight decay 1e-4, batch 128.
    name: 'cond-schedule',
    space: {
      schedule: { type: 'categorical', choices: ['constant', 'step', 'cosine'] },
      learningRate: { type: 'float', low: 1e-4, high: 1, log: true },
      gamma: { type: 'float', low: 0.1, high: 0.9, when: { schedule: ['step'] } },
      stepEpochs: { type: 'int', low: 1, high: 30, when: { schedule: ['step'] } },
      warmup: { type: 'float', low: 0, high: 0.3, when: { schedule: ['cosine'] } },
      weightDecay: { type: 'float', low: 1e-6, high: 1e-2, log: true },
      batchSize: { type: 'int', low: 16, high: 512, log: true },
    },
    f: (p) => {
      const lr = Math.log10(num(p, 'learningRate'));
      let s: number;
      if (p.schedule === 'constant') s = 0.5 + (lr + 2.5) ** 2;
      else if (p.schedule === 'step')
        s =
          0.15 +
          (lr + 1.5) ** 2 +
          2 * (num(p, 'gamma') - 0.3) ** 2 +
          0.002 * (num(p, 'stepEpochs') - 10) ** 2;
      else s = (lr + 1.8) ** 2 + 5 * (num(p, 'warmup') - 0.1) ** 2;
      return (
        s +
        0.3 * (Math.log10(num(p, 'weightDecay')) + 4) ** 2 +
        0.1 * (Math.log2(num(p, 'batchSize')) - 7) ** 2
      );
    },
    optimum: 0,
  },
  {
    // Three models with their own parameters and one shared: c is easy (−3), b is Branin scaled (−3.6), a is
    // Styblinski–Tang in 3-D scaled (−3.9166, the optimum, with s = 0.7).
    name: 'cond-branches',
    space: {
      model: { type: 'categorical', choices: ['a', 'b', 'c'] },
      a1: { type: 'float', low: -5, high: 5, when: { model: ['a'] } },
      a2: { type: 'float', low: -5, high: 5, when: { model: ['a'] } },
      a3: { type: 'float', low: -5, high: 5, when: { model: ['a'] } },
      b1: { type: 'float', low: -5, high: 10, when: { model: ['b'] } },
      b2: { type: 'float', low: 0, high: 15, when: { model: ['b'] } },
      c1: { type: 'float', low: 0, high: 1, when: { model: ['c'] } },
      s: { type: 'float', low: 0, high: 1 },
    },
    f: (p) => {
      let v: number;
      if (p.model === 'a') v = styblinskiTang([num(p, 'a1'), num(p, 'a2'), num(p, 'a3')]) / 30;
      else if (p.model === 'b') v = -3.6 + (branin(num(p, 'b1'), num(p, 'b2')) - 0.397887) / 10;
      else v = -3 + (num(p, 'c1') - 0.3) ** 2;
      return v + 2 * (num(p, 's') - 0.7) ** 2;
    },
    optimum: (3 * ST_MIN) / 30,
  },
  {
    // An architecture choice with nested settings; optimum 0 at cnn, 64 filters, kernel k5, max pooling, lr 10^-3.3, dropout 0.2.
    name: 'cond-arch',
    space: {
      arch: { type: 'categorical', choices: ['mlp', 'cnn'] },
      units: { type: 'int', low: 16, high: 1024, log: true, when: { arch: ['mlp'] } },
      depth: { type: 'int', low: 1, high: 6, when: { arch: ['mlp'] } },
      filters: { type: 'int', low: 8, high: 256, log: true, when: { arch: ['cnn'] } },
      kernel: { type: 'categorical', choices: ['k3', 'k5', 'k7'], when: { arch: ['cnn'] } },
      pooling: { type: 'categorical', choices: ['max', 'avg', 'none'], when: { arch: ['cnn'] } },
      dropout: { type: 'float', low: 0, high: 0.6 },
      learningRate: { type: 'float', low: 1e-5, high: 0.1, log: true },
    },
    f: (p) => {
      const lr = Math.log10(num(p, 'learningRate'));
      const dropout = num(p, 'dropout');
      if (p.arch === 'mlp') {
        return (
          0.3 +
          0.05 * (Math.log2(num(p, 'units')) - 8) ** 2 +
          0.1 * (num(p, 'depth') - 3) ** 2 +
          (lr + 3) ** 2 +
          3 * (dropout - 0.3) ** 2
        );
      }
      const kernel = p.kernel === 'k3' ? 0.1 : p.kernel === 'k5' ? 0 : 0.2;
      const pooling = p.pooling === 'max' ? 0 : p.pooling === 'avg' ? 0.05 : 0.3;
      return (
        0.08 * (Math.log2(num(p, 'filters')) - 6) ** 2 +
        kernel +
        pooling +
        (lr + 3.3) ** 2 +
        3 * (dropout - 0.2) ** 2
      );
    },
    optimum: 0,
  },
];

const single = (name: string): Objective => {
  const o = [...CONDITIONAL_OBJECTIVES, ...HELD_OUT_OBJECTIVES].find((x) => x.name === name);
  if (!o) throw new Error(`conditional.ts: no objective named ${name}`);
  return o;
};
const condArch = single('cond-arch');
const conditionalNn = single('conditional-nn');
const KERNEL_SIZE: Record<string, number> = { k3: 0.5, k5: 0.75, k7: 1 };

/**
 * Two objectives on conditional spaces, a loss and a model size in [0, 1] (`bench/samplers/multi-async.ts
 * … conditional`): `cond-arch-size` to decide whether `auto` uses ParEGO (the GP) or MOTPE there,
 * `conditional-nn-size` (the held-out conditional-nn's loss) to judge it. No Python copies: the peer does not run
 * them.
 */
export const CONDITIONAL_MULTI_OBJECTIVES: MultiObjective[] = [
  {
    name: 'cond-arch-size',
    space: condArch.space,
    f: (p) => [
      condArch.f(p),
      p.arch === 'mlp'
        ? ((Math.log2(num(p, 'units')) - 4) / 6) * (num(p, 'depth') / 6)
        : ((Math.log2(num(p, 'filters')) - 3) / 5) * KERNEL_SIZE[p.kernel as string]!,
    ],
    reference: [3, 1.1],
    maxHypervolume: Number.NaN,
  },
  {
    name: 'conditional-nn-size',
    space: conditionalNn.space,
    f: (p) => [conditionalNn.f(p), num(p, 'layers') / 6 + (p.optimizer === 'adam' ? 0.2 : 0)],
    reference: [3, 1.4],
    maxHypervolume: Number.NaN,
  },
];
