/**
 * `npm run bench:samplers [-- --quick] [-- --no-optuna]`
 *
 * Every Tuneboard sampler on six standard objectives, SEEDS seeds, budgets 25/50/100: median regret
 * (best found − known optimum) and ask() latency at 100 and 1,000 completed trials. When Python's Optuna
 * is importable, its Random, TPE and CMA-ES samplers run on the same objectives in parallel (a child
 * process) and the ratios are printed. A benchmark, not a test: it prints figures and asserts nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSampler, parseSpace } from '@tuneboard/tuning';
import type { FrozenTrial, Params, SamplerConfig } from '@tuneboard/tuning';
import { env } from './env';
import { OBJECTIVES } from './objectives';

const quick = env.quick;
const SEEDS = Array.from({ length: quick ? 5 : 20 }, (_, i) => i);
const BUDGETS = [25, 50, 100];
const BUDGET = Math.max(...BUDGETS);
const LATENCY_AT = [100, 1000];
const LATENCY_REPEATS = 15;
/** Asks before timing, so the JIT has compiled the hot loops as it would have in a long-running API. */
const LATENCY_WARMUP = 5;
const TB_KINDS = ['random', 'qmc', 'grid', 'tpe', 'auto'] as const;
const OPTUNA_KINDS = ['random', 'tpe', 'cmaes'] as const;

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, 'output');
mkdirSync(outDir, { recursive: true });

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (x: number | undefined): string => {
  if (x === undefined || Number.isNaN(x)) return '–';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1000 ? x.toFixed(0) : a >= 0.01 ? x.toPrecision(3) : x.toExponential(2);
};

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
  const configPath = path.join(outDir, `optuna-config-${part}.json`);
  const resultPath = path.join(outDir, `optuna-result-${part}.json`);
  writeFileSync(
    configPath,
    JSON.stringify({
      objectives: OBJECTIVES.map((o, i) => ({ name: o.name, space: o.space, checkPoints: checkPoints[i] })),
      seeds: SEEDS.filter((_, i) => i % OPTUNA_PROCESSES === part),
      budget: BUDGET,
      latencyAt: part === 0 ? LATENCY_AT : [],
      latencyRepeats: LATENCY_REPEATS,
    }),
  );
  const fd = openSync(resultPath, 'w');
  const child = spawn(py, [path.join(here, 'optuna_peer.py'), configPath], { stdio: ['ignore', fd, 'inherit'] });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      closeSync(fd);
      if (code !== 0) {
        console.error(`optuna peer exited with code ${code}; continuing without it`);
        resolve(undefined);
        return;
      }
      const result = JSON.parse(readFileSync(resultPath, 'utf8')) as OptunaResult;
      OBJECTIVES.forEach((o, i) => {
        const mine = (checkPoints[i] as Params[]).map(o.f);
        const theirs = result.check[o.name] ?? [];
        mine.forEach((v, k) => {
          if (!(Math.abs(v - (theirs[k] ?? Number.NaN)) <= 1e-9 * Math.max(1, Math.abs(v)))) {
            throw new Error(`objective ${o.name} differs between TypeScript and Python at ${JSON.stringify(checkPoints[i]?.[k])}: ${v} vs ${theirs[k]}`);
          }
        });
      });
      resolve(result);
    });
  });
}

/** Best-so-far curve (length BUDGET) of one sequential study. */
function runStudy(config: SamplerConfig, objective: (typeof OBJECTIVES)[number]): number[] {
  const sampler = createSampler(config);
  const space = parseSpace(objective.space);
  const trials: FrozenTrial[] = [];
  const curve: number[] = [];
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < BUDGET; i++) {
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
function tbLatency(kind: (typeof TB_KINDS)[number], n: number): Latency {
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
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < LATENCY_REPEATS; r++) {
    const history = trials.slice(0, n - r); // a different history each time, so nothing is memoised
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    sampler.ask({ space, trials: history, directions: ['minimize'] });
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { median: median(times), cpu: median(cpu) };
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg()[0]?.toFixed(1) ?? '?';
  const py = findPython();
  console.error(`samplers benchmark: ${SEEDS.length} seeds, budgets ${BUDGETS.join('/')}, ${OBJECTIVES.length} objectives; Optuna peer: ${py ?? 'not available'}`);
  // Latency first, before the Optuna processes compete for the CPU.
  const latency: Record<string, Record<number, Latency>> = {};
  for (const kind of TB_KINDS) {
    latency[kind] = {};
    for (const n of LATENCY_AT) latency[kind][n] = tbLatency(kind, n);
    console.error(`tuneboard ${kind.padEnd(6)} latency ${JSON.stringify(latency[kind])}`);
  }
  const optuna = py ? startOptuna(py) : Promise.resolve(undefined);

  const best: Record<string, Record<string, number[][]>> = {};
  for (const kind of TB_KINDS) {
    best[kind] = {};
    for (const o of OBJECTIVES) {
      const t0 = performance.now();
      best[kind][o.name] = SEEDS.map((seed) => runStudy({ kind, seed }, o));
      console.error(`tuneboard ${kind.padEnd(6)} ${o.name.padEnd(18)} ${SEEDS.length} seeds in ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
      // Let the event loop breathe so the child's progress lines interleave.
      await new Promise((r) => setImmediate(r));
    }
  }
  const peer = await optuna;

  const regret = (runs: number[][] | undefined, o: (typeof OBJECTIVES)[number], budget: number): number =>
    runs ? median(runs.map((c) => (c[budget - 1] as number) - o.optimum)) : Number.NaN;

  const lines: string[] = [];
  const cols = [...TB_KINDS.map((k) => `TB ${k}`), ...(peer ? OPTUNA_KINDS.map((k) => `Optuna ${k}`) : []), ...(peer ? ['TB tpe / Optuna tpe'] : [])];
  lines.push(`Median regret (best found − known optimum; lower is better) over ${SEEDS.length} seeds.`, '');
  lines.push(`| objective | trials | ${cols.join(' | ')} |`);
  lines.push(`|---|---:|${cols.map(() => '---:').join('|')}|`);
  const verdicts: string[] = [];
  for (const o of OBJECTIVES) {
    for (const b of BUDGETS) {
      const cells = TB_KINDS.map((k) => fmt(regret(best[k]?.[o.name], o, b)));
      if (peer) {
        cells.push(...OPTUNA_KINDS.map((k) => fmt(regret(peer.best[k]?.[o.name], o, b))));
        const tb = regret(best.tpe?.[o.name], o, b);
        const op = regret(peer.best.tpe?.[o.name], o, b);
        cells.push(op === 0 && tb === 0 ? '1.00' : fmt(tb / op));
        if (b === 50) verdicts.push(`${o.name}: ${tb <= op ? 'TB TPE ≤ Optuna TPE' : 'TB TPE WORSE than Optuna TPE'} (${fmt(tb)} vs ${fmt(op)})`);
      }
      lines.push(`| ${o.name} | ${b} | ${cells.join(' | ')} |`);
    }
  }
  lines.push(
    '',
    `ask() latency in ms: median wall clock (median CPU time) of ${LATENCY_REPEATS} asks with n completed trials in the history (Hartmann-6, one suggestion); load average ${loadBefore} when the run started.`,
    '',
  );
  const lcols = [...TB_KINDS.map((k) => `TB ${k}`), ...(peer ? OPTUNA_KINDS.map((k) => `Optuna ${k}`) : [])];
  lines.push(`| n | ${lcols.join(' | ')} |`, `|---:|${lcols.map(() => '---:').join('|')}|`);
  for (const n of LATENCY_AT) {
    const cell = (l: Latency | undefined): string => (l ? `${fmt(l.median)} (${fmt(l.cpu)})` : '–');
    const cells = TB_KINDS.map((k) => cell(latency[k]?.[n]));
    if (peer) cells.push(...OPTUNA_KINDS.map((k) => cell(peer.latencyMs[k]?.[String(n)])));
    lines.push(`| ${n} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  if (peer) lines.push(`Goal 1 (at 50 trials), Optuna ${peer.version}:`, ...verdicts.map((v) => `- ${v}`), '');
  const tpe1000 = latency.tpe?.[1000] as Latency;
  lines.push(
    `Goal 2: TB TPE ask() at 1,000 trials: ${fmt(tpe1000.median)} ms wall clock (${tpe1000.median < 20 ? 'under' : 'OVER'} 20 ms), ${fmt(tpe1000.cpu)} ms CPU time (${tpe1000.cpu < 20 ? 'under' : 'OVER'} 20 ms).`,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  lines.push('', `Run: \`npm run bench:samplers${quick ? ' -- --quick' : ''}\` on ${machine}, ${seconds} s wall time.`);
  const table = lines.join('\n');
  console.log(table);
  writeFileSync(path.join(outDir, quick ? 'samplers-quick.md' : 'samplers.md'), `${table}\n`);
  writeFileSync(path.join(outDir, quick ? 'samplers-quick.json' : 'samplers.json'), JSON.stringify({ best, latency, optuna: peer }, null, 0));
}

await main();
