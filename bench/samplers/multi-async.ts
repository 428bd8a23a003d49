/**
 * `npx tsx samplers/multi-async.ts [kinds, default nsga2,tpe,auto] [trials, default 100] [seeds, default 5] [conditional]`
 * (from bench/): the two-objective problems of ./objectives.ts with 8 simulated runners finishing in turn (the
 * async mode of ./async.ts: every ask sees the 7 others RUNNING) against the same sampler run sequentially.
 * Prints the median hypervolume (higher is better, w.r.t. each problem's reference point) over seeds 0…n−1 and
 * the async/sequential ratio. `conditional` runs the two problems on conditional spaces of ./conditional.ts
 * instead. A benchmark: it prints figures and asserts nothing.
 */
import { createSampler, hypervolume, parseSpace } from '@tuneboard/tuning';
import type { FrozenTrial, Params, SamplerKind } from '@tuneboard/tuning';
import { median, simulateAsync } from './common.ts';
import { CONDITIONAL_MULTI_OBJECTIVES } from './conditional.ts';
import { MULTI_OBJECTIVES } from './objectives.ts';

const kinds = (process.argv[2] ?? 'nsga2,tpe,auto').split(',') as SamplerKind[];
const budget = Number(process.argv[3] ?? 100);
const seeds = Array.from({ length: Number(process.argv[4] ?? 5) }, (_, i) => i);
const RUNNERS = 8;
const directions: ('minimize' | 'maximize')[] = ['minimize', 'minimize'];

console.log(
  `Two objectives, ${RUNNERS} runners vs sequential, ${budget} trials, median hypervolume over ${seeds.length} seeds (TB auto is the GP with ParEGO here, TB tpe is MOTPE)\n`,
);
console.log(`| problem | ${kinds.map((k) => `TB ${k} async | TB ${k} seq | ratio`).join(' | ')} |`);
console.log(`|---|${kinds.map(() => '---:|---:|---:').join('|')}|`);
for (const objective of process.argv[5] === 'conditional' ? CONDITIONAL_MULTI_OBJECTIVES : MULTI_OBJECTIVES) {
  const space = parseSpace(objective.space);
  const finish = (t: FrozenTrial): FrozenTrial => ({ number: t.number, state: 'COMPLETE', params: t.params, values: objective.f(t.params) });
  const study = (kind: SamplerKind, seed: number, runners: number): number => {
    const sampler = createSampler({ kind, seed } as Parameters<typeof createSampler>[0]);
    let trials: FrozenTrial[] = [];
    if (runners > 1) trials = simulateAsync(sampler, space, directions, runners, budget, finish);
    else {
      for (let i = 0; i < budget; i++) {
        const [params] = sampler.ask({ space, trials, directions });
        trials.push(finish({ number: i, state: 'RUNNING', params: params as Params }));
      }
    }
    return hypervolume(
      trials.map((t) => t.values as number[]),
      objective.reference,
      directions,
    );
  };
  const cells = kinds.map((kind) => {
    const async = median(seeds.map((seed) => study(kind, seed, RUNNERS)));
    const seq = median(seeds.map((seed) => study(kind, seed, 1)));
    return `${async.toFixed(3)} | ${seq.toFixed(3)} | ${(async / seq).toFixed(3)}`;
  });
  console.log(`| ${objective.name} | ${cells.join(' | ')} |`);
}
