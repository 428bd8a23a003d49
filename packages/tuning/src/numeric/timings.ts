// Hand-run timing script for the numerical cores (never asserted in tests: the CI box is shared and noisy).
//   npx tsx packages/tuning/src/numeric/timings.ts
import os from 'node:os';
import { cmaesSuggest } from '../cmaes';
import { gpSuggest, gpSuggestDetailed } from '../gp';
import { pedAnovaImportance } from '../importance';
import { hypervolume, nonDominatedRanks, nsga2Suggest, paretoFront } from '../multi';
import type { Dim } from './dims';
import { createRandomSource } from './rng';

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
const rng = createRandomSource(1);
const cube = (n: number, d: number) => Array.from({ length: n }, () => Array.from({ length: d }, rng));
const cont = (d: number): Dim[] => Array.from({ length: d }, () => ({ kind: 'continuous' }));

{
  const X = cube(200, 8);
  const y = X.map((x) => x.reduce((a, v, i) => a + (i + 1) * (v - 0.3) ** 2, 0) + 0.01 * Math.sin(20 * x[0]!));
  time('gpSuggest, 200 observations × 8 dims', 5, () => gpSuggest({ X, y, dims: cont(8), rng: createRandomSource(2) }));
  const { fit } = gpSuggestDetailed({ X, y, dims: cont(8), rng: createRandomSource(2) });
  time('gpSuggest, 200 × 8, warm-started from the previous fit', 5, () =>
    gpSuggest({ X, y, dims: cont(8), rng: createRandomSource(2), warmStart: fit! }),
  );
  time('gpSuggest, 200 × 8 with 4 pending and 1 constraint', 3, () =>
    gpSuggest({ X, y, dims: cont(8), rng: createRandomSource(2), pending: cube(4, 8), constraints: X.map((x) => [x[0]! - 0.5]) }),
  );
}
for (const n of [500, 1000]) {
  const X = cube(n, 8);
  const y = X.map((x) => x.reduce((a, v, i) => a + (i + 1) * (v - 0.3) ** 2, 0));
  time(`gpSuggest, ${n} observations × 8 dims (hyperparameters fitted on 200)`, 1, () =>
    gpSuggest({ X, y, dims: cont(8), rng: createRandomSource(2) }),
  );
}
{
  const history = cube(1000, 10).map((x) => ({ x, y: x.reduce((a, v) => a + v * v, 0) }));
  time('cmaesSuggest, replaying 1000 trials × 10 dims', 5, () => cmaesSuggest({ history, dims: cont(10), seed: 1 }));
}
{
  const history = cube(1000, 10).map((x) => ({ x, values: [x[0]!, 1 - Math.sqrt(x[0]!) + x[1]!] }));
  time('nsga2Suggest, replaying 1000 trials, population 50', 5, () =>
    nsga2Suggest({ history, directions: ['minimize', 'minimize'], dims: cont(10), populationSize: 50, rng: createRandomSource(3) }),
  );
}
{
  const X = cube(10000, 10);
  const y = X.map((x) => 5 * (x[3]! - 0.4) ** 2 + (x[7]! - 0.6) ** 2);
  time('pedAnovaImportance, 10,000 trials × 10 params', 5, () => pedAnovaImportance({ X, y, dims: cont(10) }));
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
