import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deviceEnvForSlot } from '../backend/devices.ts';
import type { BackendChoice } from '../backend/select-backend.ts';
import type { CommandPolicy } from '../objectives/command-policy.ts';
import type { MetricPoint } from '../objectives/metrics.ts';
import { runObjective as realRunObjective } from '../objectives/run-objective.ts';
import type { ObjectiveResult, RunObjectiveOptions } from '../objectives/run-objective.ts';
import type { ClaimedTrial, FinishPayload, RunnerApi } from './api.ts';
import { maxArtifactFiles, type ArtifactUploader } from './artifacts.ts';
import { toWireValue } from './api.ts';
import { backoffDelay, sleep } from './backoff.ts';
import { TransientApiError, errorMessage } from './graphql-client.ts';
import type { Logger } from './logger.ts';
import { formatDuration as seconds, formatProgress, formatValue } from './progress.ts';
import type { ProgressSink } from './progress.ts';
import { LogStreamer, type LogStreamerOptions } from './log-streamer.ts';
import { MetricReporter } from './reporter.ts';
import type { ReporterOptions } from './reporter.ts';

export type RunObjective = (spec: unknown, params: Record<string, unknown>, options: RunObjectiveOptions) => Promise<ObjectiveResult>;

export interface TrialRunOptions {
  lease: ClaimedTrial;
  slot: number;
  api: RunnerApi;
  log: Logger;
  backend: BackendChoice;
  /** GPUs on the host: slot `s` sees GPU `s mod gpus` (command objectives). */
  gpus: number;
  /** Command objectives this runner may run (`--allow-commands`); default none. */
  commands?: CommandPolicy;
  /** Aborts retries of the final calls: the runner is exiting. */
  exit: AbortSignal;
  reporter?: Partial<Pick<ReporterOptions, 'batchPoints' | 'flushMs' | 'maxBuffered' | 'backoff'>>;
  /** The trial log's streaming (`trialLogAppend`): how often, how much kept while the API is away. */
  logStreamer?: Partial<Pick<LogStreamerOptions, 'flushMs' | 'maxBufferedBytes' | 'backoff'>>;
  runObjective?: RunObjective;
  /**
   * Progress of a command objective at most this often (default 1 s): its steps can be anything down to single
   * batches. Template trials show every epoch.
   */
  progressMs?: number;
  /** An interactive terminal's status line; without it, progress is a log line per epoch. */
  progress?: ProgressSink;
  /**
   * Called once when the trial is about to end (its ETA under `prefetchLeadMs`): the runner may claim the next
   * trial now so that it starts the moment this one's objective returns.
   */
  onNearEnd?: (run: TrialRun) => void;
  /** Default 2 s: how close to the end `onNearEnd` fires. */
  prefetchLeadMs?: number;
  /** The objective returned: its slot can take the next trial while this one's end is being reported. */
  onObjectiveDone?: (run: TrialRun) => void;
  /** Every batch of points the objective produces (the runner's metrics, agent/metrics.ts). */
  onPoints?: (slot: number, points: MetricPoint[]) => void;
  /**
   * Uploads the trial's files (agent/artifacts.ts). With it, each trial gets a folder of its own
   * (TUNEBOARD_ARTIFACT_DIR for commands; a template's saved model goes there) whose files are uploaded before the
   * end is reported, while the lease still holds; the folder is removed afterwards.
   */
  artifacts?: ArtifactUploader;
}

/** Default of `TrialRunOptions.prefetchLeadMs`. */
export const defaultPrefetchLeadMs = 2_000;

/** How a trial run ended, from the runner's side. */
export type TrialRunOutcome =
  | { kind: 'finished'; state: 'COMPLETE' | 'FAIL' | 'PRUNED' }
  /** The lease was refused: another runner owns the trial now, nothing was reported. */
  | { kind: 'lost'; reason: string }
  /** Given back to the queue on shutdown. */
  | { kind: 'released' }
  /** The end could not be reported before the runner exited; the lease will expire. */
  | { kind: 'unreported'; reason: string };

/** Lease length as this host's clock sees it: at least a second, whatever the clocks' skew. */
export function leaseMsOf(leaseExpiresAt: string, now = Date.now()): number {
  const ms = Date.parse(leaseExpiresAt) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 1_000), 24 * 3_600_000) : 60_000;
}

/**
 * Objective values in the study's objective order. runObjective returns them in the spec's metric order; the
 * API checks at study creation that both list the same names, so this only matters if one was reordered.
 */
export function valuesInObjectiveOrder(specMetrics: string[], objectives: { name: string }[], values: number[]): number[] {
  if (objectives.every((objective) => specMetrics.includes(objective.name))) {
    return objectives.map((objective) => values[specMetrics.indexOf(objective.name)]!);
  }
  return values;
}

function specMetricNames(spec: unknown): string[] {
  const metric = (spec as { metric?: unknown } | null)?.metric;
  if (typeof metric === 'string') return [metric];
  if (Array.isArray(metric)) return metric.filter((m): m is string => typeof m === 'string');
  // Templates default to val_accuracy (the objective spec of @tuneboard/contract).
  return (spec as { kind?: unknown } | null)?.kind === 'template' ? ['val_accuracy'] : [];
}

function totalSteps(spec: unknown, params: Record<string, unknown>): number | undefined {
  const epochs = params.epochs;
  if (typeof epochs === 'number' && Number.isInteger(epochs) && epochs > 0) return epochs;
  return (spec as { kind?: unknown } | null)?.kind === 'template' ? 10 : undefined;
}

/**
 * One claimed trial on one slot: runs the objective, streams its metrics, and ends the attempt with
 * trialComplete / trialFail / trialPrune — or gives it back with trialRelease when the runner shuts down.
 */
export class TrialRun {
  readonly trialId: string;
  readonly number: number;
  readonly slot: number;
  readonly done: Promise<TrialRunOutcome>;
  private readonly controller = new AbortController();
  private readonly reporter: MetricReporter;
  /** The trial's log on the API: the runner's lines about it and a command's output. */
  private readonly logs: LogStreamer;
  private readonly log: Logger;
  private readonly startedAt = Date.now();
  private readonly total: number | undefined;
  private readonly headline: string | undefined;
  private lostReason: string | undefined;
  private releasing: Promise<TrialRunOutcome> | undefined;
  private lastStep = -1;
  private firstStep: number | undefined;
  /** The objective has returned: the trial is only being reported now, too late to release. */
  objectiveDone = false;
  private lastProgressAt = 0;
  private nearEndSignalled = false;
  private readonly study: string;
  private readonly unit: 'epoch' | 'step';

  constructor(private readonly options: TrialRunOptions) {
    const { lease } = options;
    this.trialId = lease.trial.id;
    this.number = lease.trial.number;
    this.slot = options.slot;
    this.log = options.log.child(`[trial ${lease.trial.number}${lease.trial.attempt > 0 ? ` attempt ${lease.trial.attempt}` : ''}]`);
    this.total = totalSteps(lease.trial.study.objective, lease.trial.params);
    this.headline = lease.trial.study.objectives[0]?.name;
    this.study = lease.trial.study.name;
    this.unit = (lease.trial.study.objective as { kind?: unknown } | null)?.kind === 'template' ? 'epoch' : 'step';
    this.reporter = new MetricReporter({
      ...options.reporter,
      send: (points, signal) => options.api.report({ trialId: this.trialId, leaseToken: lease.leaseToken, points }, signal),
      leaseMs: leaseMsOf(lease.leaseExpiresAt),
      log: this.log,
      onLost: (reason) => {
        this.lostReason = reason;
        // Quietly: a lost lease is the queue working as designed (this runner was paused or cut off too long).
        if (!this.releasing) this.log.info(`lease lost, another runner owns this trial now: stopping it (${reason})`);
        this.controller.abort();
        this.logs.close();
      },
    });
    this.logs = new LogStreamer({
      ...options.logStreamer,
      send: (lines, signal) => options.api.appendLog({ trialId: this.trialId, leaseToken: lease.leaseToken, lines }, signal),
      log: this.log,
    });
    this.done = this.run();
  }

  /** Estimated time left, when the trial's length is known (`epochs`) and a step was seen. */
  etaMs(now = Date.now()): number | undefined {
    if (this.total === undefined || this.lastStep < 0) return undefined;
    // Templates count epochs from 1, most scripts from 0: count from the first step seen.
    const stepsDone = this.lastStep - (this.firstStep ?? 0) + 1;
    return Math.max(0, ((now - this.startedAt) / stepsDone) * (this.total - stepsDone));
  }

  /**
   * Shutdown: stops the objective and gives the trial back (PENDING again as attempt + 1, not a failure).
   * Points already produced are sent first so the dashboard keeps the partial curve of this attempt.
   */
  release(deadline: AbortSignal): Promise<TrialRunOutcome> {
    this.releasing ??= (async (): Promise<TrialRunOutcome> => {
      this.controller.abort();
      this.logs.push('RUNNER', 'released: the runner is shutting down, the trial goes back to the queue');
      await Promise.all([this.reporter.flush(deadline), this.logs.flush(deadline)]);
      this.reporter.close();
      this.logs.close();
      if (this.lostReason) return { kind: 'lost', reason: this.lostReason };
      const outcome = await this.finishCall('release', (signal) =>
        this.options.api.release({ trialId: this.trialId, leaseToken: this.options.lease.leaseToken }, signal),
        deadline,
      );
      if (outcome.kind === 'finished') {
        this.log.info('released: back in the queue for another runner');
        return { kind: 'released' };
      }
      return outcome;
    })();
    return this.releasing;
  }

  private onMetrics(points: MetricPoint[]): 'prune' | undefined {
    this.reporter.push(points);
    this.options.onPoints?.(this.slot, points);
    this.progress(points);
    return this.reporter.shouldPrune ? 'prune' : undefined;
  }

  private progress(points: MetricPoint[]): void {
    // Every epoch, on the training thread: no arrays built to find two numbers.
    let step = -Infinity;
    let first = Infinity;
    for (const point of points) {
      if (point.step > step) step = point.step;
      if (point.step < first) first = point.step;
    }
    this.firstStep ??= first;
    if (step <= this.lastStep) return;
    this.lastStep = step;
    const now = Date.now();
    const eta = this.etaMs(now);
    if (!this.nearEndSignalled && eta !== undefined && eta <= (this.options.prefetchLeadMs ?? defaultPrefetchLeadMs)) {
      this.nearEndSignalled = true;
      this.options.onNearEnd?.(this);
    }
    const last = this.total !== undefined && step - (this.firstStep ?? 0) + 1 >= this.total;
    if (this.unit === 'step' && !last && now - this.lastProgressAt < (this.options.progressMs ?? 1_000)) return;
    this.lastProgressAt = now;
    const shown = points.find((p) => p.key === this.headline) ?? points.find((p) => p.step === step);
    const text = formatProgress({
      number: this.number,
      study: this.study,
      unit: this.unit,
      step,
      total: this.total,
      metric: shown && { key: shown.key, value: shown.value },
      elapsedMs: now - this.startedAt,
      etaMs: eta,
    });
    // The trial log gets every progress line; the terminal gets a status line, or a log line per epoch.
    this.logs.push('RUNNER', text);
    if (this.options.progress) this.options.progress.update(this.trialId, text);
    else this.options.log.info(text);
  }

  /** The last line of a trial: `trial 12 · digits-mlp · COMPLETE val_accuracy=0.9512 · 4.2 s`. */
  private final(state: string, detail = ''): void {
    this.options.progress?.end(this.trialId);
    const text = [`trial ${this.number}`, this.study, `${state}${detail ? ` ${detail}` : ''}`, seconds(Date.now() - this.startedAt)].join(' · ');
    if (state === 'FAIL') this.options.log.warn(text);
    else this.options.log.info(text);
  }

  private async run(): Promise<TrialRunOutcome> {
    const artifactDir = this.options.artifacts ? await mkdtemp(path.join(os.tmpdir(), 'tuneboard-trial-')) : undefined;
    try {
      return await this.runIn(artifactDir);
    } finally {
      if (artifactDir) await rm(artifactDir, { recursive: true, force: true }).catch(() => {});
    }
  }

  /**
   * Uploads what the objective left for the trial: every file of a COMPLETE trial, and the plain files (not a
   * model) of one that was pruned or failed. A failed upload is noted in the trial's log; the trial goes on.
   */
  private async uploadArtifacts(result: ObjectiveResult): Promise<void> {
    const uploader = this.options.artifacts;
    const files = (result.artifacts ?? []).filter((a) => result.state === 'COMPLETE' || a.kind === 'FILE').slice(0, maxArtifactFiles);
    if (!uploader || files.length === 0) return;
    const ids = { trialId: this.trialId, leaseToken: this.options.lease.leaseToken };
    let sent = 0;
    for (const file of files) {
      if (this.lostReason !== undefined || this.options.exit.aborted) return;
      try {
        await uploader.upload(ids, file, this.options.exit);
        sent += 1;
      } catch (error) {
        const line = `artifact ${file.name} was not uploaded: ${errorMessage(error)}`;
        this.log.warn(line);
        this.logs.push('RUNNER', line);
      }
    }
    this.logs.push('RUNNER', `uploaded ${sent} of ${files.length} artifact${files.length === 1 ? '' : 's'}`);
  }

  private async runIn(artifactDir: string | undefined): Promise<TrialRunOutcome> {
    const { lease, slot, gpus, backend } = this.options;
    const { trial } = lease;
    const claimed = `claimed (study ${this.study}, slot ${slot}): ${JSON.stringify(trial.params)}`;
    this.log.info(claimed);
    this.logs.push('RUNNER', claimed);
    let result: ObjectiveResult;
    try {
      result = await (this.options.runObjective ?? realRunObjective)(trial.study.objective, trial.params, {
        onMetrics: (points) => this.onMetrics(points),
        signal: this.controller.signal,
        seed: trial.number,
        backend,
        log: (line, stream) => {
          // A command's stderr goes to the trial's log only (its tail is the error of a failed trial).
          if (stream !== 'STDERR') this.log.info(line);
          this.logs.push(stream ?? 'RUNNER', line);
        },
        context: { trialNumber: trial.number, trialId: trial.id, studyId: trial.study.id, attempt: trial.attempt, seed: trial.number, artifactDir },
        env: deviceEnvForSlot(slot, gpus),
        commands: this.options.commands,
      });
    } catch (error) {
      // runObjective promises not to throw; if it ever does, the trial fails and the runner goes on.
      result = { state: 'FAIL', error: `the runner failed running the objective: ${errorMessage(error)}` };
    }
    this.objectiveDone = true;
    this.options.progress?.end(this.trialId);
    this.options.onObjectiveDone?.(this);
    if (this.releasing) return this.releasing;
    if (this.lostReason !== undefined) {
      this.reporter.close();
      this.logs.close();
      return { kind: 'lost', reason: this.lostReason };
    }
    if (result.state === 'PRUNED' && result.stoppedBy === 'signal') {
      // Stopped by a signal nobody here sent (the objective saw an abort of its own): give it back, not a failure.
      return this.release(this.options.exit);
    }
    await this.uploadArtifacts(result);
    // Every point is stored before the end of the attempt, so the stored curve is complete when it is final:
    // the last ones travel in the same request as the end (stored first), the rest went out already.
    const rest = await this.reporter.takeRest(this.options.exit);
    if (this.lostReason !== undefined || rest === undefined) {
      this.logs.close();
      return { kind: 'lost', reason: this.lostReason ?? 'lease lost' };
    }
    this.logs.push('RUNNER', `objective returned ${result.state}${result.error ? `: ${result.error.split('\n')[0]}` : ''} after ${seconds(Date.now() - this.startedAt)}`);
    // The last lines travel with the end of the attempt, as the last points do.
    const lines = await this.logs.takeRest(this.options.exit);
    const ids = { trialId: trial.id, leaseToken: lease.leaseToken };
    if (result.state === 'COMPLETE') {
      const values = valuesInObjectiveOrder(specMetricNames(trial.study.objective), trial.study.objectives, result.values ?? []);
      const outcome = await this.finishCall('complete', (signal) =>
        this.options.api.complete({ ...ids, values: values.map(toWireValue) }, signal, rest, lines),
      );
      if (outcome.kind === 'finished') {
        this.final('COMPLETE', trial.study.objectives.map((o, i) => `${o.name}=${formatValue(values[i]!)}`).join(' '));
      }
      return outcome;
    }
    if (result.state === 'PRUNED') {
      const outcome = await this.finishCall('prune', (signal) => this.options.api.prune(ids, signal, rest, lines));
      if (outcome.kind === 'finished') this.final('PRUNED', `at ${this.unit} ${this.lastStep} by the study's pruner`);
      return outcome;
    }
    const error = result.error ?? 'the objective failed without a message';
    const outcome = await this.finishCall('fail', (signal) => this.options.api.fail({ ...ids, error }, signal, rest, lines));
    if (outcome.kind === 'finished') this.final('FAIL', error.split('\n')[0]);
    return outcome;
  }

  /** Sends the end of the attempt, retrying network failures until it is acknowledged or the runner exits. */
  private async finishCall(
    what: string,
    call: (signal: AbortSignal) => Promise<FinishPayload>,
    stop: AbortSignal = this.options.exit,
  ): Promise<TrialRunOutcome> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const { trial, userErrors, refusedPoints } = await call(stop);
        if (refusedPoints) this.log.warn(`the API refused the last metric points: ${refusedPoints.map((e) => e.message).join('; ')}`);
        const stale = userErrors.find((e) => e.code === 'STALE_LEASE');
        if (stale) {
          this.log.info(`lease lost before the ${what} was recorded: another runner owns this trial now`);
          return { kind: 'lost', reason: stale.message };
        }
        if (userErrors.length > 0 || !trial) {
          const reason = userErrors.map((e) => e.message).join('; ') || 'no trial in the reply';
          this.log.error(`the API refused trial${what[0]!.toUpperCase()}${what.slice(1)}: ${reason}`);
          return { kind: 'unreported', reason };
        }
        return { kind: 'finished', state: trial.state as 'COMPLETE' | 'FAIL' | 'PRUNED' };
      } catch (error) {
        if (!(error instanceof TransientApiError) || stop.aborted) {
          this.log.error(`cannot record the ${what}: ${errorMessage(error)}; the lease will expire and the trial be re-queued`);
          return { kind: 'unreported', reason: errorMessage(error) };
        }
        const delay = backoffDelay(attempt);
        if (attempt === 0 || attempt % 10 === 0) this.log.warn(`${errorMessage(error)}; retrying the ${what} in ${seconds(delay)}`);
        await sleep(delay, stop);
      }
    }
  }
}
