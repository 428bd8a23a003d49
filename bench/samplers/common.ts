/**
 * What the sampler benchmarks share: the median and number format of their tables, the asynchronous study
 * simulation (N runners finishing in turn), the wall-clock/CPU timing of a repeated call and one run of the
 * Optuna peer (optuna_peer.py).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Direction, FrozenTrial, Sampler, SearchSpace } from '@tuneboard/tuning';

export const median = (xs: readonly number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export const fmt = (x: number | undefined): string => {
  if (x === undefined || Number.isNaN(x)) return '–';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1000 ? x.toFixed(0) : a >= 0.01 ? x.toPrecision(3) : x.toExponential(2);
};

/**
 * An asynchronous study: the first `runners` trials are asked as one batch (the API's first top-up); from then
 * on the oldest running trial finishes (`finish` returns it settled) and one trial is asked, until `budget`
 * trials have been asked; the rest then finish. Returns every trial, in number order.
 */
export function simulateAsync(
  sampler: Sampler,
  space: SearchSpace,
  directions: Direction[],
  runners: number,
  budget: number,
  finish: (trial: FrozenTrial) => FrozenTrial,
): FrozenTrial[] {
  const trials: FrozenTrial[] = [];
  const running: number[] = []; // indices into `trials`, oldest first
  const launch = (count: number): void => {
    for (const params of sampler.ask({ space, trials, directions }, count)) {
      running.push(trials.length);
      trials.push({ number: trials.length, state: 'RUNNING', params });
    }
  };
  launch(Math.min(runners, budget));
  while (running.length > 0) {
    const i = running.shift() as number;
    trials[i] = finish(trials[i] as FrozenTrial);
    if (trials.length < budget) launch(1);
  }
  return trials;
}

/**
 * Wall-clock and CPU milliseconds of each of `repeats` calls of `call`, each on the input `prepare(r)` made
 * (outside the timing) for it.
 */
export function timeRepeats<T>(
  repeats: number,
  prepare: (r: number) => T,
  call: (input: T) => void,
): { times: number[]; cpu: number[] } {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const input = prepare(r);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    call(input);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { times, cpu };
}

/**
 * Runs `optuna_peer.py` (in `here`) on `config`, written to `configPath`; its JSON answer goes to `resultPath`.
 * `check` sees the answer first (it throws where the Python objectives differ from the TypeScript ones).
 * Resolves to undefined, with a line on stderr, when the peer fails.
 */
export function runOptunaPeer<T>(
  py: string,
  here: string,
  config: unknown,
  configPath: string,
  resultPath: string,
  check: (result: T) => void,
): Promise<T | undefined> {
  writeFileSync(configPath, JSON.stringify(config));
  const fd = openSync(resultPath, 'w');
  const child = spawn(py, [path.join(here, 'optuna_peer.py'), configPath], {
    stdio: ['ignore', fd, 'inherit'],
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      closeSync(fd);
      if (code !== 0) {
        console.error(`optuna peer exited with code ${code}; continuing without it`);
        resolve(undefined);
        return;
      }
      const result = JSON.parse(readFileSync(resultPath, 'utf8')) as T;
      check(result);
      resolve(result);
    });
  });
}
