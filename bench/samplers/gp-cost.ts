/**
 * `npx tsx samplers/gp-cost.ts [sizes, default 1000,3000,10000] [asks per size, default 3] [kinds, default gp] [float|mixed|conditional|failing]`
 * (from bench/): latency of one ask (one suggestion) on a 10-D space (Rastrigin-like objective; `mixed`: 7 floats,
 * a log int over 1–64 and two 4-way categoricals; `conditional`: 7 floats, an optimiser of two choices and one
 * float active under each; `failing`: 10 floats, trials with x0 > 2, 30 % of them, FAIL) after n
 * completed random trials, and for the GP how many observations the model was fitted and conditioned on (issue
 * #17, item 3 and its goals: `gp` ≤ 1 s at any size; `auto` and `tpe` ≤ 50 ms at 10,000 trials, e.g.
 * `… 10000 15 auto,tpe`). Each kind other than `gp` asks five times untimed first (compilation); the kinds then take turns, ask by ask. A benchmark, not a test: it prints
 * figures and asserts nothing.
 */
import { createSampler, parseSpace } from '@tuneboard/tuning';
import type { FrozenTrial, ModelFitSizes, Params } from '@tuneboard/tuning';
import { timeRepeats } from './common.ts';

const sizes = (process.argv[2] ?? '1000,3000,10000').split(',').map(Number);
const repeats = Number(process.argv[3] ?? 3);
const kinds = (process.argv[4] ?? 'gp').split(',') as ('gp' | 'auto' | 'tpe')[];
const dims = 10;
const mixed = process.argv[5] === 'mixed';
const conditional = process.argv[5] === 'conditional';
const failing = process.argv[5] === 'failing';
const floats = mixed || conditional ? dims - 3 : dims;
const space = parseSpace({
  ...Object.fromEntries(Array.from({ length: floats }, (_, i) => [`x${i}`, { type: 'float', low: -5, high: 5 }])),
  ...(mixed
    ? {
        n: { type: 'int', low: 1, high: 64, log: true },
        c1: { type: 'categorical', choices: ['a', 'b', 'c', 'd'] },
        c2: { type: 'categorical', choices: [1, 2, 4, 8] },
      }
    : {}),
  ...(conditional
    ? {
        optimizer: { type: 'categorical', choices: ['sgd', 'adam'] },
        momentum: { type: 'float', low: 0, high: 1, when: { optimizer: ['sgd'] } },
        beta: { type: 'float', low: 0, high: 1, when: { optimizer: ['adam'] } },
      }
    : {}),
});
const f = (p: Params): number => {
  let s = 0;
  for (let i = 0; i < floats; i++) {
    const x = p[`x${i}`] as number;
    s += x * x - 3 * Math.cos(2 * Math.PI * x);
  }
  if (mixed) s += Math.abs(Math.log2(p.n as number) - 3) + (p.c1 === 'b' ? 0 : 1) + Math.log2(p.c2 as number);
  if (conditional) s += p.optimizer === 'sgd' ? 1 + ((p.momentum as number) - 0.9) ** 2 : 4 * ((p.beta as number) - 0.3) ** 2;
  return s;
};

for (const n of sizes) {
  const warm = createSampler({ kind: 'random', seed: 1 });
  const trials: FrozenTrial[] = [];
  for (let i = 0; i < n; i++) {
    const [params] = warm.ask({ space, trials, directions: ['minimize'] });
    if (failing && ((params as Params).x0 as number) > 2) trials.push({ number: i, state: 'FAIL', params: params as Params });
    else trials.push({ number: i, state: 'COMPLETE', params: params as Params, values: [f(params as Params)] });
  }
  // The kinds take turns, ask by ask, so a slower stretch of a shared machine falls on all of them alike.
  const times = new Map(kinds.map((kind) => [kind, { wall: [] as number[], cpu: [] as number[] }]));
  let fitted: ModelFitSizes | undefined;
  const sampler = (kind: (typeof kinds)[number], r: number) => createSampler({ kind, seed: r }, { onModelFit: (sizes) => (fitted = sizes) });
  for (const kind of kinds) if (kind !== 'gp') for (let w = 0; w < 5; w++) sampler(kind, 100 + w).ask({ space, trials, directions: ['minimize'] }); // compile the hot loops first
  for (let r = 0; r < repeats; r++) {
    for (const kind of kinds) {
      const { times: wall, cpu } = timeRepeats(
        1,
        () => ({ s: sampler(kind, r), history: trials.slice(0, n - r) }),
        ({ s, history }) => s.ask({ space, trials: history, directions: ['minimize'] }),
      );
      times.get(kind)!.wall.push(wall[0]!);
      times.get(kind)!.cpu.push(cpu[0]!);
    }
  }
  const med = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  for (const kind of kinds) {
    const { wall, cpu } = times.get(kind)!;
    const model = kind === 'gp' && fitted ? `; conditioned on ${fitted.modelPoints} of ${fitted.observations}, hyperparameters fitted on ${fitted.fitPoints}` : '';
    console.log(
      `${kind} ask, ${dims}-D${mixed ? ' mixed' : ''}, ${String(n).padStart(6)} observations: median wall ${med(wall).toFixed(1)} ms, cpu ${med(cpu).toFixed(1)} ms over ${repeats} asks (${wall.map((t) => t.toFixed(0)).join(' ')})${model}`,
    );
  }
}
