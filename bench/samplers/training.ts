/**
 * `npm run bench:samplers -- --async=8 --problems=digits-mlp [--seeds=5] [--trials=50] [--kinds=auto]`
 *
 * The real training problem of the asynchronous mode: every trial trains the runner's own `mlp` template
 * (`trainTemplate`, the path every template trial takes) on the digits dataset for a fixed small budget of
 * EPOCHS epochs, on the wasm backend, and the objective is the final validation loss (minimised). The space is
 * the usual one of a small network: learning rate (log), optimiser (categorical), hidden layers and units
 * (integers, units on a log scale) and dropout. Training is seeded (the same initial weights, shuffling and
 * dropout for every trial), so a point always gives the same value and both samplers meet the same function;
 * values are cached by point, so a point asked twice is trained once. A diverged run (non-finite loss) counts
 * as DIVERGED_LOSS.
 *
 * The same asynchronous schedule as ./async.ts: `runners` trials asked at once, then the oldest running trial
 * finishes and one trial is asked; sequential runs of every sampler beside them. Tuneboard's samplers run in-process; Optuna's
 * TPESampler(multivariate=True, constant_liar=True) runs in `optuna_peer.py --serve`, asked and told over a pipe,
 * so the objective is this one TypeScript trainer for both. There is no known optimum: the table prints the best
 * validation loss found (lower is better) and a two-sided Mann–Whitney U test against Optuna. A benchmark: it
 * prints figures and asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { selectBackend } from '@tuneboard/runner/backend';
import { loadPreparedData, trainTemplate } from '@tuneboard/runner/train';
import type { PreparedData } from '@tuneboard/runner/train';
import { createSampler, parseSpace } from '@tuneboard/tuning';
import type { FrozenTrial, Params, SamplerConfig } from '@tuneboard/tuning';
import { fmt, median } from './common.ts';
import { mannWhitneyU } from './mann-whitney.ts';

export const TRAINING_PROBLEMS = ['digits-mlp'] as const;
const EPOCHS = 4;
const BATCH_SIZE = 64;
/** The value of a run whose loss is not finite (chance level on ten classes is ln 10 ≈ 2.3). */
const DIVERGED_LOSS = 10;
const SPACE = {
  learning_rate: { type: 'float', low: 1e-4, high: 0.3, log: true },
  optimizer: { type: 'categorical', choices: ['adam', 'sgd', 'rmsprop'] },
  hidden_layers: { type: 'int', low: 1, high: 3 },
  units: { type: 'int', low: 8, high: 256, log: true },
  dropout: { type: 'float', low: 0, high: 0.5 },
} as const;

export interface TrainingOptions {
  runners: number;
  seeds: number[];
  trials: number;
  configs: Record<string, Omit<SamplerConfig, 'seed'>>;
  python?: string;
  outDir: string;
  here: string;
}

/** One study as the schedule drives it: ask `n` trials (each with an id), tell a trial's value. */
interface AskTell {
  ask(n: number): Promise<{ id: number; params: Params }[]>;
  tell(id: number, value: number): Promise<void>;
}

function tuneboardStudy(config: SamplerConfig): AskTell {
  const sampler = createSampler(config);
  const space = parseSpace(SPACE);
  const trials: FrozenTrial[] = [];
  return {
    async ask(n) {
      return sampler.ask({ space, trials, directions: ['minimize'] }, n).map((params) => {
        const id = trials.length;
        trials.push({ number: id, state: 'RUNNING', params });
        return { id, params };
      });
    },
    async tell(id, value) {
      trials[id] = { ...(trials[id] as FrozenTrial), state: 'COMPLETE', values: [value] };
    },
  };
}

/** `optuna_peer.py --serve`: one Python process holding Optuna studies, answering one JSON line per request. */
class OptunaServer {
  private readonly child;
  private readonly replies: ((line: string) => void)[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private next = 0;

  constructor(python: string, here: string) {
    this.child = spawn(python, [path.join(here, 'optuna_peer.py'), '--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
    createInterface({ input: this.child.stdout }).on('line', (line) => this.replies.shift()?.(line));
  }

  request<T>(message: Record<string, unknown>): Promise<T> {
    const reply = this.queue.then(
      () =>
        new Promise<T>((resolve, reject) => {
          this.replies.push((line) => {
            const answer = JSON.parse(line) as T & { error?: string };
            if (answer.error) reject(new Error(`optuna peer: ${answer.error}`));
            else resolve(answer);
          });
          this.child.stdin.write(`${JSON.stringify(message)}\n`);
        }),
    );
    this.queue = reply.catch(() => undefined);
    return reply;
  }

  async study(seed: number): Promise<AskTell> {
    const study = this.next++;
    await this.request({ op: 'new', study, seed, space: SPACE });
    return {
      ask: async (n) => {
        const asked: { id: number; params: Params }[] = [];
        for (let i = 0; i < n; i++) asked.push(await this.request({ op: 'ask', study }));
        return asked;
      },
      tell: async (id, value) => {
        await this.request({ op: 'tell', study, id, value });
      },
    };
  }

  version(): Promise<string> {
    return this.request<{ version: string }>({ op: 'version' }).then((r) => r.version);
  }

  close(): void {
    this.child.stdin.end();
  }
}

/** Values of every trial in completion order: `runners` asked at once, then the oldest finishes and one is asked. */
async function runStudy(study: AskTell, evaluate: (params: Params) => Promise<number>, runners: number, budget: number): Promise<number[]> {
  const values: number[] = [];
  const running = await study.ask(Math.min(runners, budget));
  let asked = running.length;
  while (running.length > 0) {
    const trial = running.shift() as { id: number; params: Params };
    const value = await evaluate(trial.params);
    await study.tell(trial.id, value);
    values.push(value);
    if (asked < budget) {
      running.push(...(await study.ask(1)));
      asked += 1;
    }
  }
  return values;
}

/** The validation loss after EPOCHS epochs, cached by point. */
function trainer(data: PreparedData): { evaluate: (params: Params) => Promise<number>; trained: () => { count: number; seconds: number } } {
  const cache = new Map<string, number>();
  let count = 0;
  let seconds = 0;
  return {
    async evaluate(params) {
      const key = JSON.stringify(Object.keys(params).sort().map((k) => [k, params[k]]));
      const known = cache.get(key);
      if (known !== undefined) return known;
      const t0 = performance.now();
      const result = await trainTemplate({ template: 'mlp', data, params: { ...params, epochs: EPOCHS, batch_size: BATCH_SIZE }, seed: 0, evaluateTest: false });
      seconds += (performance.now() - t0) / 1000;
      count += 1;
      const loss = result.last?.val_loss;
      const value = loss !== undefined && Number.isFinite(loss) ? Math.min(loss, DIVERGED_LOSS) : DIVERGED_LOSS;
      cache.set(key, value);
      return value;
    },
    trained: () => ({ count, seconds }),
  };
}

const best = (values: readonly number[]): number => values.reduce((m, v) => Math.min(m, v), Number.POSITIVE_INFINITY);

export async function runTrainingBenchmark(opts: TrainingOptions): Promise<void> {
  const started = performance.now();
  mkdirSync(opts.outDir, { recursive: true });
  const backend = await selectBackend('wasm');
  const data = await loadPreparedData({ dataset: 'digits' }, 'mlp', { splitSeed: 0 });
  const { evaluate, trained } = trainer(data);
  const peer = opts.python ? new OptunaServer(opts.python, opts.here) : undefined;
  const peerVersion = await peer?.version();
  console.error(
    `samplers benchmark, training problem digits-mlp (${EPOCHS} epochs, ${data.train.y.length} training and ${data.validation.y.length} validation rows, ${backend.name}): ${opts.runners} runners, ${opts.seeds.length} seeds, ${opts.trials} trials; Optuna peer: ${peerVersion ?? 'not available'}`,
  );
  const lagTrials = Math.max(1, opts.trials - opts.runners + 1);
  const labels = Object.keys(opts.configs);
  const asyncBest: Record<string, number[]> = {};
  const seqBest: Record<string, number[]> = {};
  const seqLagBest: Record<string, number[]> = {};
  const optunaBest: number[] = [];
  const optunaSeqBest: number[] = [];
  for (const seed of opts.seeds) {
    const t0 = performance.now();
    for (const label of labels) {
      const config = { ...opts.configs[label], seed } as SamplerConfig;
      (asyncBest[label] ??= []).push(best(await runStudy(tuneboardStudy(config), evaluate, opts.runners, opts.trials)));
      const sequential = await runStudy(tuneboardStudy(config), evaluate, 1, opts.trials);
      (seqBest[label] ??= []).push(best(sequential));
      (seqLagBest[label] ??= []).push(best(sequential.slice(0, lagTrials)));
    }
    if (peer) {
      optunaBest.push(best(await runStudy(await peer.study(seed), evaluate, opts.runners, opts.trials)));
      optunaSeqBest.push(best(await runStudy(await peer.study(seed), evaluate, 1, opts.trials)));
    }
    const { count, seconds } = trained();
    console.error(`seed ${seed}: ${((performance.now() - t0) / 1000).toFixed(0)} s; ${count} points trained so far, ${((seconds / count) * 1000).toFixed(0)} ms each`);
  }
  peer?.close();

  const cols = [
    ...labels.map((l) => `TB ${l} async`),
    ...(peer ? ['Optuna TPE-CL async'] : []),
    ...labels.map((l) => `TB ${l} seq`),
    ...(peer ? ['Optuna TPE seq'] : []),
    ...labels.map((l) => `TB ${l} seq@${lagTrials}`),
    ...(peer ? labels.flatMap((l) => [`p (TB ${l} vs Optuna, async)`, `p (seq)`]) : []),
  ];
  const cells = [
    ...labels.map((l) => fmt(median(asyncBest[l]!))),
    ...(peer ? [fmt(median(optunaBest))] : []),
    ...labels.map((l) => fmt(median(seqBest[l]!))),
    ...(peer ? [fmt(median(optunaSeqBest))] : []),
    ...labels.map((l) => fmt(median(seqLagBest[l]!))),
    ...(peer ? labels.flatMap((l) => [mannWhitneyU(asyncBest[l]!, optunaBest).p.toPrecision(2), mannWhitneyU(seqBest[l]!, optunaSeqBest).p.toPrecision(2)]) : []),
  ];
  const verdicts = labels.flatMap((l) => {
    const mine = median(asyncBest[l]!);
    const seq = median(seqBest[l]!);
    const lines = [`TB ${l}: async ${fmt(mine)} ${mine <= 1.2 * seq ? 'within' : 'NOT within'} 20 % of its sequential ${fmt(seq)}`];
    if (peer) {
      const { p } = mannWhitneyU(asyncBest[l]!, optunaBest);
      lines.push(`TB ${l}: ${mine < median(optunaBest) ? 'lower' : 'NOT lower'} median validation loss than Optuna TPE-CL in async mode (${fmt(mine)} vs ${fmt(median(optunaBest))}), ${p < 0.05 ? 'significant' : 'not significant'} (p = ${p.toPrecision(2)})`);
      const s = mannWhitneyU(seqBest[l]!, optunaSeqBest).p;
      lines.push(`TB ${l}: ${seq < median(optunaSeqBest) ? 'lower' : 'NOT lower'} median validation loss than Optuna TPE sequentially (${fmt(seq)} vs ${fmt(median(optunaSeqBest))}), ${s < 0.05 ? 'significant' : 'not significant'} (p = ${s.toPrecision(2)})`);
    }
    return lines;
  });
  const { count, seconds } = trained();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const table = [
    `Training problem digits-mlp: the runner's mlp template on digits, ${EPOCHS} epochs, batch ${BATCH_SIZE}, seeded training; median over ${opts.seeds.length} seeds (${opts.seeds[0]}–${opts.seeds.at(-1)}) of the best validation loss found in ${opts.trials} trials (lower is better). Async: ${opts.runners} simulated runners finishing in turn; "seq@${lagTrials}": the sequential runs after ${lagTrials} trials. Optuna ${peerVersion ?? '–'}: TPESampler(multivariate=True, constant_liar=True) in both modes, asked over a pipe, trained by the same TypeScript trainer. p: two-sided Mann–Whitney U.`,
    '',
    `| problem | ${cols.join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
    `| digits-mlp | ${cells.join(' | ')} |`,
    '',
    ...verdicts.map((v) => `- ${v}`),
    '',
    `Run: \`npm run bench:samplers -- --async=${opts.runners} --seeds=${opts.seeds.length} --trials=${opts.trials} --problems=digits-mlp --kinds=${labels.join(',')}\` on ${machine}, ${backend.name} backend, load average ${os.loadavg()[0]?.toFixed(1)}, ${((performance.now() - started) / 1000).toFixed(0)} s wall time; ${count} distinct points trained, ${((seconds / Math.max(1, count)) * 1000).toFixed(0)} ms each on average.`,
  ].join('\n');
  console.log(table);
  const stem = `samplers-training-${opts.runners}-${labels.join('-')}`;
  writeFileSync(path.join(opts.outDir, `${stem}.md`), `${table}\n`);
  writeFileSync(path.join(opts.outDir, `${stem}.json`), JSON.stringify({ asyncBest, seqBest, seqLagBest, lagTrials, optunaBest, optunaSeqBest, optunaVersion: peerVersion }));
}
