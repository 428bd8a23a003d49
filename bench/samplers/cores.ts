/**
 * `npx tsx samplers/cores.ts` (from bench/): hand-run timings of the samplers' numerical work through the public
 * API (moved here from packages/tuning, which does no I/O and reads no clock): a GP ask at 200 and more
 * observations (8-D), with running trials and a constraint; CMA-ES and NSGA-II replaying 1,000 trials (10-D);
 * PED-ANOVA importance on 10,000 trials; non-dominated sorting, Pareto fronts and hypervolumes. Prints the
 * median wall-clock and CPU time; asserts nothing (the machine is shared and noisy).
 */
import os from 'node:os';
import { createRng, createSampler, hypervolume, nonDominatedRanks, parameterImportance, paretoFront, parseSpace } from '@tuneboard/tuning';
import type { Direction, FrozenTrial, Params, SamplerConfig } from '@tuneboard/tuning';

// Wall time inflates when other jobs share the cores; CPU time (user + system of this process) much less so,
// so both are printed.
function time<T>(label: string, repeats: number, run: () => T): T {
  let result = run(); // warm-up (JIT)
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    result = run();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `${label}: median wall ${median(wall).toFixed(1)} ms, CPU ${median(cpu).toFixed(1)} ms ` +
      `(wall min ${Math.min(...wall).toFixed(1)}, max ${Math.max(...wall).toFixed(1)}; ${repeats} runs)`,
  );
  return result;
}

console.log(`load average ${os.loadavg().map((v) => v.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
const rng = createRng(1);
const cube = (n: number, d: number): number[][] => Array.from({ length: n }, () => Array.from({ length: d }, () => rng.next()));
const floatSpace = (d: number) => parseSpace(Object.fromEntries(Array.from({ length: d }, (_, i) => [`x${i}`, { type: 'float', low: 0, high: 1 }])));
const toParams = (x: readonly number[]): Params => Object.fromEntries(x.map((v, i) => [`x${i}`, v]));
const history = (points: number[][], values: (x: number[]) => number[], extra: (x: number[]) => Partial<FrozenTrial> = () => ({})): FrozenTrial[] =>
  points.map((x, i) => ({ number: i, state: 'COMPLETE', params: toParams(x), values: values(x), ...extra(x) }));
const ask = (config: SamplerConfig, d: number, trials: FrozenTrial[], directions: Direction[] = ['minimize']) => () =>
  createSampler(config).ask({ space: floatSpace(d), trials, directions });

{
  const bowl = (x: number[]) => [x.reduce((a, v, i) => a + (i + 1) * (v - 0.3) ** 2, 0) + 0.01 * Math.sin(20 * x[0]!)];
  const trials = history(cube(200, 8), bowl);
  time('gp ask, 200 observations × 8 dims', 5, ask({ kind: 'gp', seed: 2 }, 8, trials));
  const running: FrozenTrial[] = cube(4, 8).map((x, i) => ({ number: 200 + i, state: 'RUNNING', params: toParams(x) }));
  const constrained = history(cube(200, 8), bowl, (x) => ({ constraints: [x[0]! - 0.5] }));
  time('gp ask, 200 × 8 with 4 running and 1 constraint', 3, ask({ kind: 'gp', seed: 2 }, 8, [...constrained, ...running]));
  for (const n of [500, 1000]) {
    const big = history(cube(n, 8), (x) => [x.reduce((a, v, i) => a + (i + 1) * (v - 0.3) ** 2, 0)]);
    time(`gp ask, ${n} observations × 8 dims`, 1, ask({ kind: 'gp', seed: 2 }, 8, big));
  }
}
{
  const trials = history(cube(1000, 10), (x) => [x.reduce((a, v) => a + v * v, 0)]);
  time('cmaes ask, replaying 1000 trials × 10 dims', 5, ask({ kind: 'cmaes', seed: 1 }, 10, trials));
}
{
  const trials = history(cube(1000, 10), (x) => [x[0]!, 1 - Math.sqrt(x[0]!) + x[1]!]);
  time('nsga2 ask, replaying 1000 trials, population 50', 5, ask({ kind: 'nsga2', seed: 3, populationSize: 50 }, 10, trials, ['minimize', 'minimize']));
}
{
  const trials = history(cube(10000, 10), (x) => [5 * (x[3]! - 0.4) ** 2 + (x[7]! - 0.6) ** 2]);
  const space = floatSpace(10);
  time('parameterImportance, 10,000 trials × 10 params', 5, () => parameterImportance(space, trials, { directions: ['minimize'] }));
}
{
  const pts2 = cube(10000, 2);
  time('nonDominatedRanks, 10,000 points, 2 objectives', 5, () => nonDominatedRanks(pts2, ['minimize', 'minimize']));
  const pts3 = cube(2000, 3);
  time('nonDominatedRanks, 2,000 points, 3 objectives', 3, () => nonDominatedRanks(pts3, ['minimize', 'minimize', 'minimize']));
  const pts3big = cube(10000, 3);
  time('paretoFront, 10,000 points, 3 objectives', 3, () => paretoFront(pts3big, ['minimize', 'minimize', 'minimize']));
  const front3 = cube(20000, 3).filter((p) => p[0]! ** 2 + p[1]! ** 2 + p[2]! ** 2 > 1).slice(0, 1000);
  time('hypervolume, 1,000 points, 3 objectives', 3, () => hypervolume(front3, [1.1, 1.1, 1.1], ['minimize', 'minimize', 'minimize']));
  const front4 = cube(5000, 4).filter((p) => p.reduce((a, v) => a + v * v, 0) > 1.5).slice(0, 40);
  time('hypervolume, 40 points, 4 objectives (WFG)', 3, () => hypervolume(front4, [1.1, 1.1, 1.1, 1.1], ['minimize', 'minimize', 'minimize', 'minimize']));
}
