/**
 * `npx tsx samplers/async-ratio.ts [problems, default hartmann-6,levy-4,hartmann-3] [seeds, default 40] [kind, default auto]`
 * (from bench/): how sure the "within 20 % of its own sequential regret" verdict of issue #17 is. For each problem
 * it runs the sampler with 8 simulated runners (the async mode of ./async.ts) and sequentially, 50 trials, seeds
 * 0…n−1, and prints the median regret of each, their ratio, a 95 % percentile-bootstrap interval of that ratio
 * (2,000 resamples of the seeds, each mode resampled on its own, seeded so the figures repeat) and the share of
 * resamples in which the ratio is at most 1.2. A benchmark: it prints figures and asserts nothing.
 */
import { createRng } from '@tuneboard/tuning';
import type { SamplerKind } from '@tuneboard/tuning';
import { ALL_OBJECTIVES, runAsyncStudy, runSequentialStudy } from './async.ts';
import { fmt, median } from './common.ts';

const problems = (process.argv[2] ?? 'hartmann-6,levy-4,hartmann-3').split(',');
const seeds = Array.from({ length: Number(process.argv[3] ?? 40) }, (_, i) => i);
const kind = (process.argv[4] ?? 'auto') as SamplerKind;
const RUNNERS = 8;
const TRIALS = 50;
const RESAMPLES = 2000;

console.log(`${kind}, ${RUNNERS} runners vs sequential, ${TRIALS} trials, seeds 0–${seeds.length - 1}\n`);
console.log('| problem | async median | sequential median | ratio | 95 % interval of the ratio | share of resamples ≤ 1.2 |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const name of problems) {
  const objective = ALL_OBJECTIVES.find((o) => o.name === name);
  if (!objective) throw new Error(`unknown problem ${JSON.stringify(name)}; known: ${ALL_OBJECTIVES.map((o) => o.name).join(', ')}`);
  const regret = (values: number[]): number => Math.min(...values) - objective.optimum;
  const asyncRegrets = seeds.map((seed) => regret(runAsyncStudy({ kind, seed } as Parameters<typeof runAsyncStudy>[0], objective, RUNNERS, TRIALS)));
  const seqRegrets = seeds.map((seed) => regret(runSequentialStudy({ kind, seed } as Parameters<typeof runSequentialStudy>[0], objective, TRIALS)));
  const rng = createRng(17);
  const resample = (xs: readonly number[]): number[] => xs.map(() => xs[Math.floor(rng.next() * xs.length)]!);
  const ratios = Array.from({ length: RESAMPLES }, () => median(resample(asyncRegrets)) / median(resample(seqRegrets))).sort((a, b) => a - b);
  const within = ratios.filter((r) => r <= 1.2).length / RESAMPLES;
  const ratio = median(asyncRegrets) / median(seqRegrets);
  console.log(
    `| ${name} | ${fmt(median(asyncRegrets))} | ${fmt(median(seqRegrets))} | ${ratio.toFixed(2)} | ${ratios[Math.floor(0.025 * RESAMPLES)]!.toFixed(2)}–${ratios[Math.floor(0.975 * RESAMPLES)]!.toFixed(2)} | ${(100 * within).toFixed(0)} % |`,
  );
}
