/**
 * `npm run bench:samplers [-- --quick] [-- --no-optuna]`; `-- --async=8` for the asynchronous mode (./async.ts).
 *
 * Every Tuneboard sampler on six standard objectives, SEEDS seeds (`auto`, the GP here, whose 100-trial
 * studies cost seconds each), budgets 25/50/100: median regret (best found − known optimum) and ask()
 * latency at 100, 200 and 1,000 completed trials; three two-objective problems (ZDT1, ZDT2, loss vs size)
 * with the hypervolume at 50 and 100 trials; PED-ANOVA importance time on 10,000 trials × 10 parameters.
 * When Python's Optuna is importable, its Random, TPE and CMA-ES samplers (and NSGA-II and multi-objective
 * TPE on the two-objective problems) run on the same objectives in parallel (child processes) and the ratios
 * are printed. A benchmark, not a test: it prints figures and asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, createSampler, hypervolume, parameterImportance, parseSpace } from '@tuneboard/tuning';
import type { Direction, FrozenTrial, Params, SamplerConfig } from '@tuneboard/tuning';
import { runAsyncBenchmark } from './async.ts';
import { runTrainingBenchmark, TRAINING_PROBLEMS } from './training.ts';
import { fmt, median, runOptunaPeer, timeRepeats } from './common.ts';
import { env } from './env.ts';
import { MULTI_OBJECTIVES, OBJECTIVES } from './objectives.ts';
import type { MultiObjective } from './problem.ts';

const quick = env.quick;
const onlyMulti = env.onlyMulti;
const onlySingle = env.onlySingle;
const SEEDS = Array.from({ length: quick ? 5 : 20 }, (_, i) => i);
/**
 * A 100-trial GP study takes ~5 s (the ask cost grows with n), so `auto` (the GP on every objective here) runs
 * 100 trials on these first seeds only and 50 trials on the rest: its 25- and 50-trial figures use all SEEDS,
 * its 100-trial ones GP_SEEDS.
 */
const GP_SEEDS = SEEDS.slice(0, quick ? 2 : 5);
const SHORT_BUDGET = 50;
/** Seeds of the two-objective problems, for every sampler (Optuna's multi-objective TPE is slow). */
const MULTI_SEEDS = SEEDS.slice(0, quick ? 3 : 10);
const MULTI_BUDGETS = [50, 100];
const BUDGETS = [25, 50, 100];
const BUDGET = Math.max(...BUDGETS);
const LATENCY_AT = [100, 200, 1000];
/** The GP is not meant for 1,000 trials (auto hands over to TPE at 200): its latency is taken up to 200. */
const GP_LATENCY_MAX = 200;
const LATENCY_REPEATS = 15;
/** Asks before timing, so the JIT has compiled the hot loops as it would have in a long-running API. */
const LATENCY_WARMUP = 5;
/**
 * Kinds run on the single-objective table. `gp` is left out there: on these six objectives (one objective, at
 * most 12 parameters, no conditions, under 200 trials) `auto` is the GP with the same Sobol start and seed, so
 * its column would repeat `auto`'s (a test in model-samplers.test.ts checks the identity). Its latency is timed.
 */
const ALL_TB_KINDS = ['random', 'qmc', 'grid', 'tpe', 'cmaes', 'auto'] as const;
const chosen = (k: string): boolean => env.kinds === undefined || env.kinds.includes(k);
const TB_KINDS = ALL_TB_KINDS.filter(chosen);
const LATENCY_KINDS = [...ALL_TB_KINDS, 'gp' as const].filter(chosen);
const OPTUNA_KINDS = ['random', 'tpe', 'cmaes'] as const;
/** `auto` is the GP (ParEGO) on these three problems (2–8 parameters, no conditions, < 200 trials): no column of its own. */
const TB_MULTI_KINDS = ['random', 'tpe', 'nsga2', 'gp'] as const;
const OPTUNA_MULTI_KINDS = ['nsga2', 'motpe'] as const;
const budgetOf = (kind: string, seed: number): number => (kind === 'auto' && !GP_SEEDS.includes(seed) ? SHORT_BUDGET : BUDGET);

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, 'output');
mkdirSync(outDir, { recursive: true });


function findPython(): string | undefined {
  if (env.noOptuna) return undefined;
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import optuna'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return undefined;
}

interface OptunaResult {
  version: string;
  check: Record<string, number[]>;
  best: Record<string, Record<string, number[][]>>;
  latencyMs: Record<string, Record<string, Latency>>;
  /** Per sampler and problem, per seed, every trial's values. */
  multi: Record<string, Record<string, number[][][]>>;
  multiCheck: Record<string, number[][]>;
}

/** Optuna's TPE is the slow part (about 40 ms per trial at 100 trials); two processes share the seeds. */
const OPTUNA_PROCESSES = 2;

async function startOptuna(py: string): Promise<OptunaResult | undefined> {
  const parts = await Promise.all(Array.from({ length: OPTUNA_PROCESSES }, (_, i) => startOptunaPart(py, i)));
  if (parts.some((p) => p === undefined)) return undefined;
  const [first, ...rest] = parts as OptunaResult[];
  if (!first) return undefined;
  for (const part of rest) {
    for (const [sampler, byObjective] of Object.entries(part.best)) {
      for (const [objective, runs] of Object.entries(byObjective)) first.best[sampler]?.[objective]?.push(...runs);
    }
    for (const [sampler, byProblem] of Object.entries(part.multi)) {
      for (const [problem, runs] of Object.entries(byProblem)) first.multi[sampler]?.[problem]?.push(...runs);
    }
  }
  return first;
}

function startOptunaPart(py: string, part: number): Promise<OptunaResult | undefined> {
  const checkPoints = OBJECTIVES.map((o) => {
    const sampler = createSampler({ kind: 'random', seed: 99 });
    const space = parseSpace(o.space);
    const trials: FrozenTrial[] = [];
    for (let i = 0; i < 5; i++) trials.push({ number: i, state: 'PENDING', params: sampler.ask({ space, trials, directions: ['minimize'] })[0] as Params });
    return trials.map((t) => t.params);
  });
  const multiCheckPoints = MULTI_OBJECTIVES.map((o) => {
    const space = parseSpace(o.space);
    const sampler = createSampler({ kind: 'random', seed: 98 });
    return sampler.ask({ space, trials: [], directions: ['minimize'] }, 4);
  });
  const configPath = path.join(outDir, `optuna-config-${part}.json`);
  const resultPath = path.join(outDir, `optuna-result-${part}.json`);
  const config = {
    objectives: OBJECTIVES.map((o, i) => ({ name: o.name, space: o.space, checkPoints: checkPoints[i] })),
    seeds: onlyMulti ? [] : SEEDS.filter((_, i) => i % OPTUNA_PROCESSES === part),
    budget: BUDGET,
    multi: MULTI_OBJECTIVES.map((o, i) => ({ name: o.name, space: o.space, reference: o.reference, checkPoints: multiCheckPoints[i] })),
    multiSeeds: onlySingle ? [] : MULTI_SEEDS.filter((_, i) => i % OPTUNA_PROCESSES === part),
    multiBudget: Math.max(...MULTI_BUDGETS),
    latencyAt: part === 0 && !onlyMulti ? LATENCY_AT : [],
    latencyRepeats: LATENCY_REPEATS,
  };
  return runOptunaPeer<OptunaResult>(py, here, config, configPath, resultPath, (result) => {
    OBJECTIVES.forEach((o, i) => {
      const mine = (checkPoints[i] as Params[]).map(o.f);
      const theirs = result.check[o.name] ?? [];
      mine.forEach((v, k) => {
        if (!(Math.abs(v - (theirs[k] ?? Number.NaN)) <= 1e-9 * Math.max(1, Math.abs(v)))) {
          throw new Error(`objective ${o.name} differs between TypeScript and Python at ${JSON.stringify(checkPoints[i]?.[k])}: ${v} vs ${theirs[k]}`);
        }
      });
    });
    MULTI_OBJECTIVES.forEach((o, i) => {
      const mine = (multiCheckPoints[i] as Params[]).map(o.f);
      const theirs = result.multiCheck[o.name] ?? [];
      mine.forEach((v, k) =>
        v.forEach((x, m) => {
          const y = theirs[k]?.[m] ?? Number.NaN;
          if (!(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)))) {
            throw new Error(`objective ${o.name}[${m}] differs between TypeScript and Python: ${x} vs ${y}`);
          }
        }),
      );
    });
  });
}

const MULTI_DIRECTIONS: Direction[] = ['minimize', 'minimize'];

/** Every trial's values of one sequential two-objective study. */
function runMultiStudy(config: SamplerConfig, problem: MultiObjective): number[][] {
  const sampler = createSampler(config);
  const space = parseSpace(problem.space);
  const trials: FrozenTrial[] = [];
  for (let i = 0; i < Math.max(...MULTI_BUDGETS); i++) {
    const [params] = sampler.ask({ space, trials, directions: MULTI_DIRECTIONS });
    if (!params) break;
    trials.push({ number: i, state: 'COMPLETE', params, values: problem.f(params) });
  }
  return trials.map((t) => t.values as number[]);
}

const hvAt = (values: number[][], problem: MultiObjective, budget: number): number =>
  hypervolume(values.slice(0, budget), problem.reference, MULTI_DIRECTIONS);

/** Median time of `parameterImportance` on 10,000 random trials × 10 parameters (5 runs after a warm-up). */
function importanceTiming(): Latency {
  const spec: Record<string, unknown> = {};
  for (let i = 0; i < 7; i++) spec[`x${i}`] = { type: 'float', low: 0, high: 1, ...(i === 1 ? { log: true, low: 1e-3 } : {}) };
  spec.n = { type: 'int', low: 1, high: 64 };
  spec.c = { type: 'categorical', choices: ['a', 'b', 'c', 'd'] };
  spec.s = { type: 'float', low: 0, high: 1, step: 0.05 };
  const space = parseSpace(spec);
  const sampler = createSampler({ kind: 'random', seed: 3 });
  const rng = createRng(4);
  const trials: FrozenTrial[] = [];
  for (let i = 0; i < 10_000; i++) {
    const params = sampler.ask({ space, trials: [], directions: ['minimize'] })[0] as Params;
    const p = { ...params, x0: rng.next() };
    trials.push({ number: i, state: 'COMPLETE', params: p, values: [((p.x0 as number) - 0.3) ** 2 + 0.1 * rng.next()] });
  }
  parameterImportance(space, trials, { directions: ['minimize'] });
  const { times, cpu } = timeRepeats(
    5,
    () => undefined,
    () => parameterImportance(space, trials, { directions: ['minimize'] }),
  );
  return { median: median(times), cpu: median(cpu) };
}

/** Best-so-far curve (length BUDGET) of one sequential study. */
function runStudy(config: SamplerConfig, objective: (typeof OBJECTIVES)[number], budget = BUDGET): number[] {
  const sampler = createSampler(config);
  const space = parseSpace(objective.space);
  const trials: FrozenTrial[] = [];
  const curve: number[] = [];
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < budget; i++) {
    const [params] = sampler.ask({ space, trials, directions: ['minimize'] });
    if (!params) {
      curve.push(best);
      continue;
    }
    const value = objective.f(params);
    best = Math.min(best, value);
    curve.push(best);
    trials.push({ number: i, state: 'COMPLETE', params, values: [value] });
  }
  return curve;
}

interface Latency {
  /** Median wall-clock time. */
  median: number;
  /** Median CPU time of the process: what the ask costs, without the time spent waiting for a core. */
  cpu: number;
}

/**
 * Median wall-clock and CPU time of ask(). The machine is shared (load averages of 8–11 on 2 cores while
 * these figures were taken), which inflates wall-clock times several-fold; CPU time is what an idle host sees.
 */
function tbLatency(kind: (typeof LATENCY_KINDS)[number], n: number): Latency {
  const o = OBJECTIVES.find((x) => x.name === 'hartmann-6') as (typeof OBJECTIVES)[number];
  const space = parseSpace(o.space);
  const warm = createSampler({ kind: 'random', seed: 1 });
  const trials: FrozenTrial[] = [];
  for (let i = 0; i < n; i++) {
    const [params] = warm.ask({ space, trials, directions: ['minimize'] });
    trials.push({ number: i, state: 'COMPLETE', params: params as Params, values: [o.f(params as Params)] });
  }
  const sampler = createSampler({ kind, seed: 0 });
  // Warm caches (grid order, Sobol matrices) and the JIT.
  for (let w = 0; w < LATENCY_WARMUP; w++) sampler.ask({ space, trials: trials.slice(0, n - LATENCY_REPEATS - w), directions: ['minimize'] });
  const { times, cpu } = timeRepeats(
    LATENCY_REPEATS,
    (r) => trials.slice(0, n - r), // a different history each time, so nothing is memoised
    (history) => sampler.ask({ space, trials: history, directions: ['minimize'] }),
  );
  return { median: median(times), cpu: median(cpu) };
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg()[0]?.toFixed(1) ?? '?';
  const py = findPython();
  console.error(`samplers benchmark: ${SEEDS.length} seeds, budgets ${BUDGETS.join('/')}, ${OBJECTIVES.length} objectives; Optuna peer: ${py ?? 'not available'}`);
  // Latency first, before the Optuna processes compete for the CPU.
  const latency: Record<string, Record<number, Latency>> = {};
  for (const kind of onlyMulti ? [] : LATENCY_KINDS) {
    latency[kind] = {};
    for (const n of LATENCY_AT) if (kind !== 'gp' || n <= GP_LATENCY_MAX) latency[kind][n] = tbLatency(kind, n);
    console.error(`tuneboard ${kind.padEnd(6)} latency ${JSON.stringify(latency[kind])}`);
  }
  const importance = onlyMulti ? { median: Number.NaN, cpu: Number.NaN } : importanceTiming();
  if (!onlyMulti) console.error(`parameterImportance 10,000 × 10: ${JSON.stringify(importance)}`);
  const optuna = py ? startOptuna(py) : Promise.resolve(undefined);

  const best: Record<string, Record<string, number[][]>> = {};
  for (const kind of onlyMulti ? [] : TB_KINDS) {
    best[kind] = {};
    for (const o of OBJECTIVES) {
      const t0 = performance.now();
      best[kind][o.name] = SEEDS.map((seed) => runStudy({ kind, seed }, o, budgetOf(kind, seed)));
      console.error(`tuneboard ${kind.padEnd(6)} ${o.name.padEnd(18)} ${SEEDS.length} seeds in ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
      // Let the event loop breathe so the child's progress lines interleave.
      await new Promise((r) => setImmediate(r));
    }
  }
  const multi: Record<string, Record<string, number[][][]>> = {};
  for (const kind of onlySingle ? [] : TB_MULTI_KINDS) {
    multi[kind] = {};
    for (const o of MULTI_OBJECTIVES) {
      const t0 = performance.now();
      const seeds = kind === 'gp' ? MULTI_SEEDS.slice(0, GP_SEEDS.length) : MULTI_SEEDS;
      multi[kind][o.name] = seeds.map((seed) => runMultiStudy({ kind, seed }, o));
      console.error(`tuneboard ${kind.padEnd(6)} ${o.name.padEnd(18)} ${seeds.length} seeds in ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
      await new Promise((r) => setImmediate(r));
    }
  }
  const peer = await optuna;

  const regret = (runs: number[][] | undefined, o: (typeof OBJECTIVES)[number], budget: number): number =>
    runs ? median(runs.filter((c) => c.length >= budget).map((c) => (c[budget - 1] as number) - o.optimum)) : Number.NaN;

  const lines: string[] = [];
  const verdicts: string[] = [];
  if (!onlyMulti) {
    const cols = [
      ...TB_KINDS.map((k) => `TB ${k}`),
      ...(peer ? OPTUNA_KINDS.map((k) => `Optuna ${k}`) : []),
      ...(peer ? ['TB tpe / Optuna tpe', 'TB auto / Optuna tpe'] : []),
    ];
    lines.push(
      `Median regret (best found − known optimum; lower is better) over ${SEEDS.length} seeds; TB auto at 100 trials over seeds ${GP_SEEDS[0]}–${GP_SEEDS.at(-1)} only (its GP studies take ~5 s per 100 trials). TB auto is the GP on all six objectives (TB gp gives the same figures), TB cmaes has default settings.`,
      '',
    );
    lines.push(`| objective | trials | ${cols.join(' | ')} |`);
    lines.push(`|---|---:|${cols.map(() => '---:').join('|')}|`);
    const ratio = (a: number, b: number): string => (a === 0 && b === 0 ? '1.00' : fmt(a / b));
    for (const o of OBJECTIVES) {
      for (const b of BUDGETS) {
        const cells = TB_KINDS.map((k) => fmt(regret(best[k]?.[o.name], o, b)));
        if (peer) {
          cells.push(...OPTUNA_KINDS.map((k) => fmt(regret(peer.best[k]?.[o.name], o, b))));
          const tb = regret(best.tpe?.[o.name], o, b);
          const auto = regret(best.auto?.[o.name], o, b);
          const op = regret(peer.best.tpe?.[o.name], o, b);
          cells.push(ratio(tb, op), ratio(auto, op));
          if (b === 50) verdicts.push(`${o.name}: ${auto < op ? 'TB auto beats Optuna TPE' : 'TB auto does NOT beat Optuna TPE'} (${fmt(auto)} vs ${fmt(op)}; TB tpe ${fmt(tb)})`);
        }
        lines.push(`| ${o.name} | ${b} | ${cells.join(' | ')} |`);
      }
    }
    lines.push(
      '',
      `ask() latency in ms: median wall clock (median CPU time) of ${LATENCY_REPEATS} asks with n completed trials in the history (Hartmann-6, one suggestion); load average ${loadBefore} when the run started. TB gp is not timed past ${GP_LATENCY_MAX} trials; TB auto uses the GP below 200 observations and TPE from 200.`,
      '',
    );
    const lcols = [...LATENCY_KINDS.map((k) => `TB ${k}`), ...(peer ? OPTUNA_KINDS.map((k) => `Optuna ${k}`) : [])];
    lines.push(`| n | ${lcols.join(' | ')} |`, `|---:|${lcols.map(() => '---:').join('|')}|`);
    for (const n of LATENCY_AT) {
      const cell = (l: Latency | undefined): string => (l ? `${fmt(l.median)} (${fmt(l.cpu)})` : '–');
      const cells = LATENCY_KINDS.map((k) => cell(latency[k]?.[n]));
      if (peer) cells.push(...OPTUNA_KINDS.map((k) => cell(peer.latencyMs[k]?.[String(n)])));
      lines.push(`| ${n} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  const multiMedians: Record<string, Record<string, Record<number, number>>> = {};
  if (!onlySingle) {
    const mcols = [...TB_MULTI_KINDS.map((k) => `TB ${k}`), ...(peer ? OPTUNA_MULTI_KINDS.map((k) => `Optuna ${k}`) : [])];
    lines.push(
      `Two objectives (both minimised): median hypervolume (higher is better) w.r.t. the reference point, over ${MULTI_SEEDS.length} seeds (TB gp: ${Math.min(GP_SEEDS.length, MULTI_SEEDS.length)}). TB tpe is MOTPE; TB auto is TB gp (ParEGO) on these problems (a test checks that the two suggest the same points); NSGA-II populations are 50 (both libraries' default).`,
      '',
      `| problem | reference | max | trials | ${mcols.join(' | ')} |`,
      `|---|---|---:|---:|${mcols.map(() => '---:').join('|')}|`,
    );
    for (const o of MULTI_OBJECTIVES) {
      for (const b of MULTI_BUDGETS) {
        const cellOf = (runs: number[][][] | undefined): number => (runs && runs.length > 0 ? median(runs.map((v) => hvAt(v, o, b))) : Number.NaN);
        const values = [
          ...TB_MULTI_KINDS.map((k) => [`TB ${k}`, cellOf(multi[k]?.[o.name])] as const),
          ...(peer ? OPTUNA_MULTI_KINDS.map((k) => [`Optuna ${k}`, cellOf(peer.multi[k]?.[o.name])] as const) : []),
        ];
        for (const [k, v] of values) ((multiMedians[o.name] ??= {})[k] ??= {})[b] = v;
        lines.push(`| ${o.name} | (${o.reference.join(', ')}) | ${fmt(o.maxHypervolume)} | ${b} | ${values.map(([, v]) => fmt(v)).join(' | ')} |`);
      }
    }
    lines.push('');
  }
  if (!onlyMulti) {
    if (peer) lines.push(`Goal 1 (at 50 trials, median over ${SEEDS.length} seeds), Optuna ${peer.version}:`, ...verdicts.map((v) => `- ${v}`));
    const bestAt50 = (name: string): number => median((best.auto?.[name] ?? []).map((c) => c[SHORT_BUDGET - 1] as number));
    const branin = bestAt50('branin');
    const hartmann = bestAt50('hartmann-6');
    if (best.auto) lines.push(
      `- Branin, TB auto median best at 50 trials: ${branin.toPrecision(6)} (${Math.abs(branin - 0.397887) <= 0.01 * 0.397887 ? 'within' : 'NOT within'} 1% of 0.397887)`,
      `- Hartmann-6, TB auto median best at 50 trials: ${hartmann.toPrecision(5)} (${hartmann < -3.2 ? 'below' : 'NOT below'} −3.2)`,
      '',
    );
    const gp200 = latency.gp?.[200] ?? { median: Number.NaN, cpu: Number.NaN };
    lines.push(
      `Goal 2: TB gp ask() at 200 trials: ${fmt(gp200.median)} ms wall clock (${gp200.median < 1000 ? 'under' : 'OVER'} 1 s), ${fmt(gp200.cpu)} ms CPU time.`,
      `Goal 3: parameterImportance on 10,000 trials × 10 parameters: ${fmt(importance.median)} ms wall clock (${importance.median < 2000 ? 'under' : 'OVER'} 2 s), ${fmt(importance.cpu)} ms CPU time.`,
    );
    const tpe1000 = latency.tpe?.[1000];
    if (tpe1000) lines.push(
      `TB TPE ask() at 1,000 trials: ${fmt(tpe1000.median)} ms wall clock (${tpe1000.median < 20 ? 'under' : 'OVER'} 20 ms), ${fmt(tpe1000.cpu)} ms CPU time.`,
    );
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const flags = [quick && '--quick', env.noOptuna && '--no-optuna', onlyMulti && '--only=multi', onlySingle && '--only=single', env.kinds && `--kinds=${env.kinds.join(',')}`].filter(Boolean);
  lines.push('', `Run: \`npm run bench:samplers${flags.length > 0 ? ` -- ${flags.join(' ')}` : ''}\` on ${machine}, ${seconds} s wall time.`);
  const table = lines.join('\n');
  console.log(table);
  const stem = `samplers${onlyMulti ? '-multi' : ''}${onlySingle ? '-single' : ''}${env.kinds ? `-${env.kinds.join('-')}` : ''}${quick ? '-quick' : ''}`;
  writeFileSync(path.join(outDir, `${stem}.md`), `${table}\n`);
  writeFileSync(path.join(outDir, `${stem}.json`), JSON.stringify({ best, latency, importance, multi, multiMedians, optuna: peer }, null, 0));
}

if (env.asyncRunners !== undefined) {
  const configs: Record<string, Omit<SamplerConfig, 'seed'>> = env.configs
    ? (JSON.parse(env.configs) as Record<string, Omit<SamplerConfig, 'seed'>>)
    : Object.fromEntries((env.kinds ?? ['auto', 'tpe']).map((kind) => [kind, { kind } as Omit<SamplerConfig, 'seed'>]));
  const problems = env.problems ?? ['branin', 'hartmann-6', 'mixed-nn'];
  const training = problems.filter((p) => (TRAINING_PROBLEMS as readonly string[]).includes(p));
  const python = findPython();
  const common = { runners: env.asyncRunners, trials: env.trials ?? 50, configs, python, outDir, here };
  if (training.length < problems.length) {
    await runAsyncBenchmark({ ...common, seeds: Array.from({ length: env.seeds ?? 10 }, (_, i) => i), problems: problems.filter((p) => !training.includes(p)) });
  }
  // A real training problem trains a network per trial: 5 seeds unless --seeds says otherwise.
  if (training.length > 0) await runTrainingBenchmark({ ...common, seeds: Array.from({ length: env.seeds ?? 5 }, (_, i) => i) });
} else {
  await main();
}
