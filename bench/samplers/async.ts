/**
 * `npm run bench:samplers -- --async=8 [--seeds=10] [--trials=50] [--problems=branin,hartmann-6,mixed-nn|held-out]
 * [--kinds=auto,tpe] [--no-optuna]`
 *
 * Asynchronous mode: N simulated runners finishing in turn. The first N trials are asked as one batch (the
 * API's first top-up, `ask(ctx, N)`); from then on the oldest running trial completes and one trial is asked,
 * so every ask sees the N − 1 others RUNNING, until `trials` trials have been asked; the rest then complete.
 * The Optuna peer runs TPESampler(multivariate=True, constant_liar=True) in the same mode (ask/tell,
 * define-by-run). `--problems=held-out` runs the eight problems of ./held-out.ts, which the defaults were not
 * tuned on (judge changes there; tune on the others); `--problems=high-dim` the eight of ./high-dim.ts (16–32
 * parameters, or 81–121 encoded columns); `--problems=conditional` the three of ./conditional.ts; `--problems=noisy`
 * the four of ./noisy.ts (noise added to what the samplers are told; regret of the best point evaluated);
 * `--problems=fresh` the six of ./fresh.ts (added after every default was chosen, never tuned on). Prints
 * the median regret per problem and sampler, the sequential regret of each Tuneboard kind for reference (at
 * `trials` and, from the same runs, at `trials − runners + 1`: the observations the last asynchronous ask saw),
 * whether the asynchronous median is within 20 % of the sequential one, and a two-sided Mann–Whitney U p-value
 * of every Tuneboard kind against Optuna in async mode. A benchmark: it prints figures and asserts nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRng, createSampler, parseSpace } from '@tuneboard/tuning';
import type { FrozenTrial, Params, SamplerConfig } from '@tuneboard/tuning';
import { fmt, median, runOptunaPeer, simulateAsync } from './common.ts';
import { CONDITIONAL_OBJECTIVES } from './conditional.ts';
import { FRESH_OBJECTIVES } from './fresh.ts';
import { HELD_OUT_OBJECTIVES } from './held-out.ts';
import { HIGH_DIM_OBJECTIVES } from './high-dim.ts';
import { NOISY_OBJECTIVES } from './noisy.ts';
import { mannWhitneyU } from './mann-whitney.ts';
import { OBJECTIVES } from './objectives.ts';
import type { Objective } from './problem.ts';

export interface AsyncOptions {
  runners: number;
  seeds: number[];
  trials: number;
  problems: string[];
  /** Tuneboard sampler configurations by label (seed filled in per run). */
  configs: Record<string, Omit<SamplerConfig, 'seed'>>;
  python?: string;
  outDir: string;
  here: string;
}

/**
 * What the sampler is told for a value: the value itself, or for a noisy objective (`Objective.noise`) the value
 * plus Gaussian noise from a stream seeded by the run's seed (`createRng(…).normal()`).
 */
function observer(objective: Objective, seed: number | undefined): (value: number) => number {
  const sd = objective.noise;
  if (!sd) return (value) => value;
  const rng = createRng(((seed ?? 0) * 7919 + 17) >>> 0);
  return (value) => value + sd * rng.normal();
}

/**
 * Values of every trial in completion order, of one asynchronous study with `runners` simulated runners (for a
 * noisy objective the noise-free values; the sampler was told them with noise).
 */
export function runAsyncStudy(config: SamplerConfig, objective: Objective, runners: number, budget: number): number[] {
  const sampler = createSampler(config);
  const space = parseSpace(objective.space);
  const directions = ['minimize' as const];
  const observe = observer(objective, config.seed);
  const completed: number[] = [];
  simulateAsync(sampler, space, directions, runners, budget, (t) => {
    const value = objective.f(t.params);
    completed.push(value);
    return { number: t.number, state: 'COMPLETE', params: t.params, values: [observe(value)] };
  });
  return completed;
}

/** Values of every trial of one sequential study (noise-free, as in {@link runAsyncStudy}). */
export function runSequentialStudy(config: SamplerConfig, objective: Objective, budget: number): number[] {
  const sampler = createSampler(config);
  const space = parseSpace(objective.space);
  const observe = observer(objective, config.seed);
  const trials: FrozenTrial[] = [];
  const values: number[] = [];
  for (let i = 0; i < budget; i++) {
    const [params] = sampler.ask({ space, trials, directions: ['minimize'] });
    if (!params) break;
    const value = objective.f(params);
    values.push(value);
    trials.push({ number: i, state: 'COMPLETE', params, values: [observe(value)] });
  }
  return values;
}

const best = (values: readonly number[]): number => values.reduce((m, v) => Math.min(m, v), Number.POSITIVE_INFINITY);

/**
 * Every problem the async mode knows: the tuned-on six, the held-out ones (`--problems=held-out` names them), the
 * high-dimensional ones (`--problems=high-dim`), the conditional ones to decide on (`--problems=conditional`) and
 * the noisy ones (`--problems=noisy`).
 */
export const ALL_OBJECTIVES = [...OBJECTIVES, ...HELD_OUT_OBJECTIVES, ...HIGH_DIM_OBJECTIVES, ...CONDITIONAL_OBJECTIVES, ...NOISY_OBJECTIVES, ...FRESH_OBJECTIVES];

/** Five random points of a space (seeded), on which the Python copy of each objective is checked. */
function checkPointsOf(o: Objective): Params[] {
  const sampler = createSampler({ kind: 'random', seed: 97 });
  return sampler.ask({ space: parseSpace(o.space), trials: [], directions: ['minimize'] }, 5);
}

interface PeerResult {
  version: string;
  /** Per problem, the Python objective at `checkPointsOf(problem)`. */
  check?: Record<string, number[]>;
  /** Per problem, per seed, every trial's value in completion order. */
  values: Record<string, number[][]>;
}

function runOptunaAsync(py: string, opts: AsyncOptions, objectives: Objective[], part: number, parts: number): Promise<PeerResult | undefined> {
  // The process id keeps two runs sharing the output folder from reading each other's files.
  const configPath = path.join(opts.outDir, `optuna-async-config-${process.pid}-${part}.json`);
  const resultPath = path.join(opts.outDir, `optuna-async-result-${process.pid}-${part}.json`);
  const config = {
    mode: 'async',
    runners: opts.runners,
    objectives: objectives.map((o) => ({ name: o.name, space: o.space, checkPoints: checkPointsOf(o), noise: o.noise ?? 0 })),
    seeds: opts.seeds.filter((_, i) => i % parts === part),
    budget: opts.trials,
  };
  return runOptunaPeer<PeerResult>(py, opts.here, config, configPath, resultPath, (result) => {
    for (const o of objectives) {
      checkPointsOf(o).forEach((point, k) => {
        const mine = o.f(point);
        const theirs = result.check?.[o.name]?.[k] ?? Number.NaN;
        if (!(Math.abs(mine - theirs) <= 1e-9 * Math.max(1, Math.abs(mine)))) {
          throw new Error(`objective ${o.name} differs between TypeScript and Python at ${JSON.stringify(point)}: ${mine} vs ${theirs}`);
        }
      });
    }
  });
}

export async function runAsyncBenchmark(opts: AsyncOptions): Promise<void> {
  const started = performance.now();
  mkdirSync(opts.outDir, { recursive: true });
  const groups: Record<string, Objective[]> = {
    'held-out': HELD_OUT_OBJECTIVES,
    'high-dim': HIGH_DIM_OBJECTIVES,
    conditional: CONDITIONAL_OBJECTIVES,
    noisy: NOISY_OBJECTIVES,
    fresh: FRESH_OBJECTIVES,
  };
  const names = opts.problems.flatMap((name) => groups[name]?.map((o) => o.name) ?? [name]);
  const objectives = names.map((name) => {
    const o = ALL_OBJECTIVES.find((x) => x.name === name);
    if (!o) throw new Error(`--problems: no objective named ${name}; known: held-out, high-dim, conditional, noisy, fresh, ${ALL_OBJECTIVES.map((x) => x.name).join(', ')}`);
    return o;
  });
  console.error(
    `samplers benchmark, async mode: ${opts.runners} runners, ${opts.seeds.length} seeds, ${opts.trials} trials, ${objectives.map((o) => o.name).join(', ')}; Optuna peer: ${opts.python ?? 'not available'}`,
  );
  const parts = 2;
  const peerPromise = opts.python
    ? Promise.all(Array.from({ length: parts }, (_, i) => runOptunaAsync(opts.python as string, opts, objectives, i, parts)))
    : Promise.resolve(undefined);

  const asyncBest: Record<string, Record<string, number[]>> = {};
  const seqBest: Record<string, Record<string, number[]>> = {};
  // The last asynchronous ask sees trials − runners + 1 observations: the sequential regret at that count, read
  // from the same sequential runs, separates the information the runners have not reported yet from the batch
  // strategy itself.
  const lagTrials = Math.max(1, opts.trials - opts.runners + 1);
  const seqLagBest: Record<string, Record<string, number[]>> = {};
  for (const [label, config] of Object.entries(opts.configs)) {
    asyncBest[label] = {};
    seqBest[label] = {};
    seqLagBest[label] = {};
    for (const o of objectives) {
      const t0 = performance.now();
      asyncBest[label][o.name] = opts.seeds.map((seed) => best(runAsyncStudy({ ...config, seed } as SamplerConfig, o, opts.runners, opts.trials)) - o.optimum);
      const t1 = performance.now();
      const sequential = opts.seeds.map((seed) => runSequentialStudy({ ...config, seed } as SamplerConfig, o, opts.trials));
      seqBest[label][o.name] = sequential.map((values) => best(values) - o.optimum);
      seqLagBest[label][o.name] = sequential.map((values) => best(values.slice(0, lagTrials)) - o.optimum);
      console.error(
        `tuneboard ${label.padEnd(12)} ${o.name.padEnd(12)} async ${((t1 - t0) / 1000).toFixed(1).padStart(6)} s, sequential ${((performance.now() - t1) / 1000).toFixed(1).padStart(6)} s`,
      );
      await new Promise((r) => setImmediate(r));
    }
  }
  const peerParts = await peerPromise;
  let peer: PeerResult | undefined;
  if (peerParts && peerParts.every((p) => p !== undefined)) {
    peer = { version: peerParts[0]!.version, values: {}, check: peerParts[0]!.check };
    for (const o of objectives) {
      // Seeds were dealt round-robin: put them back in seed order.
      const bySeed = opts.seeds.map((_, i) => peerParts[i % parts]!.values[o.name]![Math.floor(i / parts)]!);
      peer.values[o.name] = bySeed;
    }
  }
  const peerBest = (name: string): number[] | undefined => peer?.values[name]?.map((v) => best(v.slice(0, opts.trials)) - (ALL_OBJECTIVES.find((o) => o.name === name)?.optimum ?? 0));

  const labels = Object.keys(opts.configs);
  const cols = [
    ...labels.map((l) => `TB ${l} async`),
    ...(peer ? ['Optuna TPE-CL async'] : []),
    ...labels.map((l) => `TB ${l} seq`),
    ...labels.map((l) => `TB ${l} seq@${lagTrials}`),
    ...(peer ? labels.map((l) => `p (TB ${l} vs Optuna)`) : []),
  ];
  const lines = [
    `Asynchronous mode: ${opts.runners} simulated runners finishing in turn (each ask sees the ${opts.runners - 1} others RUNNING), ${opts.trials} trials, median regret (best found − known optimum; lower is better) over ${opts.seeds.length} seeds (${opts.seeds[0]}–${opts.seeds.at(-1)}); "seq" is the same sampler run sequentially, "seq@${lagTrials}" the same runs after ${lagTrials} trials (what the last asynchronous ask saw). Optuna ${peer?.version ?? '–'}: TPESampler(multivariate=True, constant_liar=True). p: two-sided Mann–Whitney U on the per-seed regrets (exact without ties).`,
    '',
    `| problem | ${cols.join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
  ];
  const verdicts: string[] = [];
  for (const o of objectives) {
    const op = peerBest(o.name);
    const cells = [
      ...labels.map((l) => fmt(median(asyncBest[l]![o.name]!))),
      ...(op ? [fmt(median(op))] : []),
      ...labels.map((l) => fmt(median(seqBest[l]![o.name]!))),
      ...labels.map((l) => fmt(median(seqLagBest[l]![o.name]!))),
    ];
    for (const l of labels) {
      const mine = median(asyncBest[l]![o.name]!);
      const seq = median(seqBest[l]![o.name]!);
      verdicts.push(`${o.name}, TB ${l}: async ${fmt(mine)} ${mine <= 1.2 * seq ? 'within' : 'NOT within'} 20 % of its sequential ${fmt(seq)} (${fmt(median(seqLagBest[l]![o.name]!))} sequentially after ${lagTrials} trials)`);
    }
    if (op) {
      for (const l of labels) {
        const mine = asyncBest[l]![o.name]!;
        const { p } = mannWhitneyU(mine, op);
        cells.push(p.toPrecision(2));
        const better = median(mine) < median(op);
        verdicts.push(`${o.name}, TB ${l}: ${better ? 'lower' : 'NOT lower'} median regret than Optuna TPE-CL in async mode (${fmt(median(mine))} vs ${fmt(median(op))}), ${p < 0.05 ? 'significant' : 'not significant'} (p = ${p.toPrecision(2)})`);
      }
    }
    lines.push(`| ${o.name} | ${cells.join(' | ')} |`);
  }
  if (verdicts.length > 0) lines.push('', ...verdicts.map((v) => `- ${v}`));
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  lines.push('', `Run: \`npm run bench:samplers -- --async=${opts.runners} --seeds=${opts.seeds.length} --trials=${opts.trials} --problems=${opts.problems.join(',')} --kinds=${labels.join(',')}\` on ${machine}, load average ${os.loadavg()[0]?.toFixed(1)}, ${seconds} s wall time.`);
  const table = lines.join('\n');
  console.log(table);
  const stem = `samplers-async-${opts.runners}-${labels.join('-')}`;
  writeFileSync(path.join(opts.outDir, `${stem}.md`), `${table}\n`);
  writeFileSync(path.join(opts.outDir, `${stem}.json`), JSON.stringify({ asyncBest, seqBest, seqLagBest, lagTrials, optuna: peer }, null, 0));
}
