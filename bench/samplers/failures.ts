/**
 * `npx tsx samplers/failures.ts [seeds, default 20] [kind, default auto]` (from bench/): trials that fail. A
 * training run diverges (its loss is NaN, the trial FAILs) in a region of the space, or a runner is lost at
 * random. Each problem runs with 8 simulated runners (the async mode of ./async.ts) and sequentially, 50 trials,
 * seeds 0…n−1, and prints the median regret of the best completed trial and the median number of failed trials.
 * `branin-fails` was used to choose how the GP treats failed trials (issue #17 follow-up, 2026-12-07); the others
 * judge it. A benchmark: it prints figures and asserts nothing.
 */
import { createRng, createSampler, parseSpace } from '@tuneboard/tuning';
import type { FrozenTrial, Params, SamplerKind } from '@tuneboard/tuning';
import { ALL_OBJECTIVES } from './async.ts';
import { fmt, median, simulateAsync } from './common.ts';

interface FailureProblem {
  name: string;
  base: string;
  /** Whether a trial at these parameters fails; `draw` is a uniform number drawn for this trial. */
  fails: (p: Params, draw: number) => boolean;
}

const num = (p: Params, k: string): number => p[k] as number;
const PROBLEMS: FailureProblem[] = [
  // Branin on [−5, 10] × [0, 15]; fails where x0 > 5 or x1 > 10 (5/9 of the box; one of its three minima inside).
  { name: 'branin-fails', base: 'branin', fails: (p) => num(p, 'x0') > 5 || num(p, 'x1') > 10 },
  // mixed-nn: the learning rate diverges past 0.03, past 0.01 with 6 layers or more (the optimum is at 10^-2.5).
  {
    name: 'mixed-nn-diverges',
    base: 'mixed-nn',
    fails: (p) => num(p, 'learningRate') > 0.03 || (num(p, 'learningRate') > 0.01 && num(p, 'layers') >= 6),
  },
  // Hartmann-6 fails where x0 + x1 > 1 (half the cube; the global minimum, x0 + x1 ≈ 0.37, outside).
  { name: 'hartmann-6-fails', base: 'hartmann-6', fails: (p) => num(p, 'x0') + num(p, 'x1') > 1 },
  // Failures at random, whatever the parameters: 15 % of trials (lost runners).
  { name: 'branin-random-fails', base: 'branin', fails: (_p, draw) => draw < 0.15 },
  { name: 'hartmann-6-random-fails', base: 'hartmann-6', fails: (_p, draw) => draw < 0.15 },
  { name: 'mixed-nn-random-fails', base: 'mixed-nn', fails: (_p, draw) => draw < 0.15 },
];

const seeds = Array.from({ length: Number(process.argv[2] ?? 20) }, (_, i) => i);
const kind = (process.argv[3] ?? 'auto') as SamplerKind;

console.log(
  `${kind}, 50 trials, seeds 0–${seeds.length - 1}: median regret of the best completed trial (median failed trials of 50)\n`,
);
console.log('| problem | 8 runners | sequential |');
console.log('|---|---:|---:|');
for (const problem of PROBLEMS) {
  const o = ALL_OBJECTIVES.find((x) => x.name === problem.base)!;
  const space = parseSpace(o.space);
  const cells = [8, 1].map((runners) => {
    const regrets: number[] = [];
    const failed: number[] = [];
    for (const seed of seeds) {
      const rng = createRng(seed * 31 + 5);
      const sampler = createSampler({ kind, seed } as Parameters<typeof createSampler>[0]);
      const finish = (t: FrozenTrial): FrozenTrial =>
        problem.fails(t.params, rng.next())
          ? { ...t, state: 'FAIL' }
          : { ...t, state: 'COMPLETE', values: [o.f(t.params)] };
      const trials = simulateAsync(sampler, space, ['minimize'], runners, 50, finish);
      const done = trials.filter((t) => t.state === 'COMPLETE').map((t) => t.values![0]!);
      regrets.push(done.length > 0 ? Math.min(...done) - o.optimum : Number.POSITIVE_INFINITY);
      failed.push(trials.length - done.length);
    }
    return `${fmt(median(regrets))} (${median(failed)})`;
  });
  console.log(`| ${problem.name} | ${cells.join(' | ')} |`);
}
