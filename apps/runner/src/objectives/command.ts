import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { inheritedEnv } from './env.ts';
import type { MetricPoint, OnMetrics } from './metrics.ts';

/** Bytes of stderr kept as a failed command's error. */
export const stderrTailBytes = 4096;
/** Seconds between SIGTERM and SIGKILL by default. */
export const defaultKillGraceSeconds = 5;
// A stdout line longer than this is cut (and so not parsed as JSON): protects the runner from a runaway print.
const maxLineBytes = 1 << 20;

export interface TrialContext {
  trialNumber?: number;
  trialId?: string;
  studyId?: string;
  attempt?: number;
  seed?: number;
  /** A folder for the trial's files (TUNEBOARD_ARTIFACT_DIR): what the program writes there is uploaded when the trial ends. */
  artifactDir?: string;
}

export interface RunCommandOptions {
  /** Program and arguments; the parameters are appended as `--name=value`. */
  command: string[];
  /** The file to start instead of looking `command[0]` up (the allow list resolved it); argv[0] stays `command[0]`. */
  executable?: string;
  cwd?: string;
  /** Extra environment for the program (on top of the runner's own and the TUNEBOARD_* variables). */
  env?: Record<string, string>;
  params: Record<string, unknown>;
  /** Names of the objective metrics, in the order of `values`. */
  metrics: string[];
  context?: TrialContext;
  onMetrics?: OnMetrics;
  signal?: AbortSignal;
  /** Seconds between SIGTERM and SIGKILL when stopping the program. Default 5. */
  killGraceSeconds?: number;
  timeoutSeconds?: number;
  /** Receives the program's non-metric stdout lines (`STDOUT`), its stderr lines (`STDERR`) and runner notes (no stream). */
  log?: (line: string, stream?: 'STDOUT' | 'STDERR') => void;
}

export interface CommandResult {
  state: 'COMPLETE' | 'FAIL' | 'PRUNED';
  /** Objective values in the order of `metrics` (COMPLETE only). */
  values?: number[];
  /** Every metric's final value: from a `{"final": true}` line, else the last reported one. */
  final: Record<string, number>;
  error?: string;
  /** What stopped a PRUNED trial: the pruner (onMetrics said prune) or the abort signal. */
  stoppedBy?: 'pruner' | 'signal';
  exitCode: number | null;
  exitSignal: NodeJS.Signals | null;
  /** Files the program named with `{"artifact": "path"}` lines, resolved against its working folder. */
  artifacts?: string[];
}

/** `--name=value` per parameter, in the record's order; objects and arrays as JSON. */
export function paramsToArgs(params: Record<string, unknown>): string[] {
  return Object.entries(params).map(([name, value]) => {
    const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
    return `--${name}=${text}`;
  });
}

export interface ParsedMetricLine {
  /** Metric values of the line (finite numbers only). */
  values: Record<string, number>;
  step?: number;
  final: boolean;
  /** `{"artifact": "path"}`: a file to attach to the trial. */
  artifact?: string;
}

/**
 * The metric-line protocol: a stdout line that is a JSON object. `step` (a non-negative integer) places its
 * values on the learning curve; without it each metric's next step is its previous one + 1, starting at 0.
 * `"final": true` marks the final values. Other fields that are finite numbers are metrics; strings, nulls,
 * booleans and nested objects are ignored. Anything else is an ordinary output line.
 */
export function parseMetricLine(line: string): ParsedMetricLine | undefined {
  const text = line.trim();
  if (!text.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const record = parsed as Record<string, unknown>;
  const values: Record<string, number> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'step' || key === 'final' || key === 'artifact') continue;
    if (typeof value === 'number' && Number.isFinite(value)) values[key] = value;
  }
  const step = typeof record.step === 'number' && Number.isInteger(record.step) && record.step >= 0 ? record.step : undefined;
  const artifact = typeof record.artifact === 'string' && record.artifact.length > 0 ? record.artifact : undefined;
  return { values, step, final: record.final === true, ...(artifact !== undefined ? { artifact } : {}) };
}

/**
 * util-linux's `setpriv`, when this is Linux and it is installed (Debian and its images have it): a command
 * started through `setpriv --pdeathsig TERM` gets SIGTERM when the runner dies, even by SIGKILL, which no
 * handler of the runner can catch. Without it a killed runner left its command running, in its own process
 * group, until the program next wrote to the closed pipe — a training script that prints rarely ran to its end
 * beside the retry the API hands out.
 */
const setpriv: string | undefined = (() => {
  if (process.platform !== 'linux') return undefined;
  for (const candidate of ['/usr/bin/setpriv', '/bin/setpriv']) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not there
    }
  }
  return undefined;
})();

/** How to start `file` with `args`: through `setpriv --pdeathsig TERM` where there is one (argv[0] is then the file's path). */
export function launchOf(file: string, args: readonly string[]): { file: string; args: string[] } {
  return setpriv ? { file: setpriv, args: ['--pdeathsig', 'TERM', '--', file, ...args] } : { file, args: [...args] };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // The program runs in its own process group, so its children (a shell's python, a launcher's workers) go too.
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/**
 * Runs a command objective for one trial and collects its metrics. Never throws for the program's failures:
 * they come back as `state: 'FAIL'` with the error (the stderr tail for a non-zero exit).
 */
export function runCommand(options: RunCommandOptions): Promise<CommandResult> {
  const { command, params, metrics, context = {}, onMetrics, signal, log = () => {} } = options;
  const graceMs = (options.killGraceSeconds ?? defaultKillGraceSeconds) * 1000;
  const [program, ...args] = command;
  const final: Record<string, number> = {};
  const finalLine: Record<string, number> = {};
  const lastStep = new Map<string, number>();
  if (!program) return Promise.resolve({ state: 'FAIL', final, error: 'the command is empty', exitCode: null, exitSignal: null });

  const env: Record<string, string | undefined> = {
    ...inheritedEnv(),
    // Python buffers stdout when it is a pipe; metric lines should arrive as they are printed.
    PYTHONUNBUFFERED: '1',
    ...options.env,
    TUNEBOARD_PARAMS: JSON.stringify(params),
  };
  if (context.trialNumber !== undefined) env.TUNEBOARD_TRIAL_NUMBER = String(context.trialNumber);
  if (context.trialId !== undefined) env.TUNEBOARD_TRIAL_ID = context.trialId;
  if (context.studyId !== undefined) env.TUNEBOARD_STUDY_ID = context.studyId;
  if (context.attempt !== undefined) env.TUNEBOARD_ATTEMPT = String(context.attempt);
  if (context.seed !== undefined) env.TUNEBOARD_SEED = String(context.seed);
  if (context.artifactDir !== undefined) env.TUNEBOARD_ARTIFACT_DIR = context.artifactDir;
  const artifacts: string[] = [];

  return new Promise<CommandResult>((resolve) => {
    let stopReason: 'pruner' | 'signal' | 'timeout' | undefined;
    let stderrTail = Buffer.alloc(0);
    let pending = '';
    let pendingErr = '';
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    let timeoutTimer: NodeJS.Timeout | undefined;
    // onMetrics calls run one after another so their order matches the output, without blocking the pipe.
    let queue: Promise<unknown> = Promise.resolve();

    const launch = launchOf(options.executable ?? program, [...args, ...paramsToArgs(params)]);
    const child = spawn(launch.file, launch.args, {
      argv0: setpriv ? launch.file : program,
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });

    const running = () => !stopReason && !settled && child.exitCode === null && child.signalCode === null && child.pid !== undefined;
    const stop = (reason: 'pruner' | 'signal' | 'timeout') => {
      if (!running()) return;
      // Decided once the loop has handled what is already waiting: a program that ended while the runner could not
      // see it (suspended past the timeout, or a verdict arriving beside its last line) keeps its own result. The
      // timer fires before the loop reads the child's exit; stopping then stored a program that ended 0 in 3 s as
      // "timed out after 30 s".
      setImmediate(() => {
        if (!running()) return;
        stopReason = reason;
        log(`stopping the command (${reason}): SIGTERM, SIGKILL after ${graceMs / 1000} s`);
        signalGroup(child.pid!, 'SIGTERM');
        killTimer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), graceMs);
      });
    };
    const onAbort = () => stop('signal');
    if (signal?.aborted) queueMicrotask(onAbort);
    else signal?.addEventListener('abort', onAbort, { once: true });
    if (options.timeoutSeconds !== undefined) timeoutTimer = setTimeout(() => stop('timeout'), options.timeoutSeconds * 1000);

    const handleLine = (line: string) => {
      const parsed = parseMetricLine(line);
      if (!parsed) {
        if (line.trim() !== '') log(line, 'STDOUT');
        return;
      }
      if (parsed.artifact !== undefined) artifacts.push(path.resolve(options.cwd ?? '.', parsed.artifact));
      const points: MetricPoint[] = [];
      for (const [key, value] of Object.entries(parsed.values)) {
        if (parsed.final) finalLine[key] = value;
        else final[key] = value;
        if (parsed.final && parsed.step === undefined) continue;
        const step = parsed.step ?? (lastStep.has(key) ? lastStep.get(key)! + 1 : 0);
        lastStep.set(key, step);
        points.push({ key, step, value });
      }
      if (points.length > 0 && onMetrics) {
        queue = queue
          .then(() => onMetrics(points))
          .then((decision) => {
            if (decision === 'prune') stop('pruner');
          })
          .catch((error: unknown) => log(`onMetrics failed: ${(error as Error).message ?? String(error)}`));
      }
    };

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        handleLine(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
      if (pending.length > maxLineBytes) {
        log(`${pending.slice(0, 200)}… (line cut at ${maxLineBytes} bytes)`);
        pending = '';
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      // Whole lines go to the log as they come; a partial one waits for its end (or the close), cut if it runs away.
      pendingErr += chunk.toString('utf8');
      let newline = pendingErr.indexOf('\n');
      while (newline >= 0) {
        const line = pendingErr.slice(0, newline);
        if (line.trim() !== '') log(line, 'STDERR');
        pendingErr = pendingErr.slice(newline + 1);
        newline = pendingErr.indexOf('\n');
      }
      if (pendingErr.length > maxLineBytes) {
        log(`${pendingErr.slice(0, 200)}… (line cut at ${maxLineBytes} bytes)`, 'STDERR');
        pendingErr = '';
      }
      stderrTail = Buffer.concat([stderrTail, chunk]);
      if (stderrTail.length > stderrTailBytes) stderrTail = stderrTail.subarray(stderrTail.length - stderrTailBytes);
    });

    const finish = (result: Omit<CommandResult, 'final'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      clearTimeout(timeoutTimer);
      signal?.removeEventListener('abort', onAbort);
      Object.assign(final, finalLine);
      // Let every queued onMetrics call finish before reporting the end of the trial.
      void queue.then(() => resolve({ ...result, final, ...(artifacts.length > 0 ? { artifacts } : {}) }));
    };

    child.on('error', (error) => {
      finish({ state: 'FAIL', error: `cannot start "${program}": ${error.message}`, exitCode: null, exitSignal: null });
    });
    child.on('close', (code, exitSignal) => {
      if (pending !== '') handleLine(pending);
      if (pendingErr.trim() !== '') log(pendingErr, 'STDERR');
      const tail = stderrTail.toString('utf8').trim();
      const withTail = (message: string) => (tail ? `${message}\n${tail}` : message);
      // setpriv could not start the program (it exits 127 and says why): the same answer as a failed spawn.
      const unstarted = setpriv && code === 127 ? /^setpriv: failed to execute .*?: (.*)$/m.exec(tail) : null;
      if (unstarted) {
        finish({ state: 'FAIL', error: `cannot start "${program}": ${unstarted[1]}`, exitCode: code, exitSignal });
      } else if (stopReason === 'timeout') {
        finish({ state: 'FAIL', error: withTail(`timed out after ${options.timeoutSeconds} s`), exitCode: code, exitSignal });
      } else if (stopReason) {
        finish({ state: 'PRUNED', stoppedBy: stopReason, exitCode: code, exitSignal });
      } else if (code !== 0) {
        const how = code === null ? `was killed by ${exitSignal}` : `exited with code ${code}`;
        finish({ state: 'FAIL', error: withTail(`the command ${how}`), exitCode: code, exitSignal });
      } else {
        // Values are read after the queue drains (finish merges the final line), hence the deferred check.
        void queue.then(() => {
          const merged = { ...final, ...finalLine };
          const missing = metrics.filter((name) => merged[name] === undefined);
          if (missing.length > 0) {
            finish({
              state: 'FAIL',
              error: withTail(`the command exited 0 but never reported ${missing.map((m) => `"${m}"`).join(', ')} (print a JSON line such as {"${missing[0]}": 0.5})`),
              exitCode: code,
              exitSignal,
            });
          } else {
            finish({ state: 'COMPLETE', values: metrics.map((name) => merged[name]!), exitCode: code, exitSignal });
          }
        });
      }
    });
  });
}
