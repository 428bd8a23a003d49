import { deviceEnvForSlot } from '../backend/select-backend';
import type { BackendChoice } from '../backend/select-backend';
import type { MetricPoint } from '../objectives/metrics';
import { runObjective as realRunObjective } from '../objectives/run-objective';
import type { ObjectiveResult, RunObjectiveOptions } from '../objectives/run-objective';
import type { ClaimedTrial, RunnerApi, UserError } from './api';
import { toWireValue } from './api';
import { backoffDelay, sleep } from './backoff';
import { TransientApiError, errorMessage } from './graphql-client';
import type { Logger } from './logger';
import { MetricReporter } from './reporter';
import type { ReporterOptions } from './reporter';

export type RunObjective = (spec: unknown, params: Record<string, unknown>, options: RunObjectiveOptions) => Promise<ObjectiveResult>;

export interface TrialRunOptions {
  lease: ClaimedTrial;
  slot: number;
  api: RunnerApi;
  log: Logger;
  backend: BackendChoice;
  /** GPUs on the host: slot `s` sees GPU `s mod gpus` (command objectives). */
  gpus: number;
  /** Aborts retries of the final calls: the runner is exiting. */
  exit: AbortSignal;
  reporter?: Partial<Pick<ReporterOptions, 'batchPoints' | 'flushMs' | 'maxBuffered' | 'backoff'>>;
  runObjective?: RunObjective;
  /** Progress lines at most this often per trial. */
  progressMs?: number;
}

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
  // Templates default to val_accuracy (objectives/spec.ts).
  return (spec as { kind?: unknown } | null)?.kind === 'template' ? ['val_accuracy'] : [];
}

function totalSteps(spec: unknown, params: Record<string, unknown>): number | undefined {
  const epochs = params.epochs;
  if (typeof epochs === 'number' && Number.isInteger(epochs) && epochs > 0) return epochs;
  return (spec as { kind?: unknown } | null)?.kind === 'template' ? 10 : undefined;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  if (s < 90) return `${s.toFixed(1)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : Math.abs(value) >= 1e4 || Math.abs(value) < 1e-3 ? value.toExponential(3) : value.toFixed(4);
}

/**
 * One claimed trial on one slot: runs the objective, streams its metrics, and ends the attempt with
 * trialComplete / trialFail / trialPrune — or gives it back with trialRelease when the runner shuts down.
 */
export class TrialRun {
  readonly trialId: string;
  readonly number: number;
  readonly done: Promise<TrialRunOutcome>;
  private readonly controller = new AbortController();
  private readonly reporter: MetricReporter;
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

  constructor(private readonly options: TrialRunOptions) {
    const { lease } = options;
    this.trialId = lease.trial.id;
    this.number = lease.trial.number;
    this.log = options.log.child(`[trial ${lease.trial.number}${lease.trial.attempt > 0 ? ` attempt ${lease.trial.attempt}` : ''}]`);
    this.total = totalSteps(lease.trial.study.objective, lease.trial.params);
    this.headline = lease.trial.study.objectives[0]?.name;
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
      },
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
      await this.reporter.flush(deadline);
      this.reporter.close();
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
    this.progress(points);
    return this.reporter.shouldPrune ? 'prune' : undefined;
  }

  private progress(points: MetricPoint[]): void {
    const step = Math.max(...points.map((p) => p.step));
    if (step > this.lastStep) this.lastStep = step;
    this.firstStep ??= Math.min(...points.map((p) => p.step));
    const now = Date.now();
    if (now - this.lastProgressAt < (this.options.progressMs ?? 2_000)) return;
    this.lastProgressAt = now;
    const shown = points.find((p) => p.key === this.headline) ?? points[points.length - 1]!;
    const eta = this.etaMs(now);
    this.log.info(
      `step ${step}${this.total !== undefined ? `/${this.total}` : ''} ${shown.key}=${formatValue(shown.value)}` +
        `${eta !== undefined ? `, ETA ${seconds(eta)}` : ''}`,
    );
  }

  private async run(): Promise<TrialRunOutcome> {
    const { lease, slot, gpus, backend } = this.options;
    const { trial } = lease;
    this.log.info(`claimed (study ${trial.study.id}, slot ${slot}): ${JSON.stringify(trial.params)}`);
    let result: ObjectiveResult;
    try {
      result = await (this.options.runObjective ?? realRunObjective)(trial.study.objective, trial.params, {
        onMetrics: (points) => this.onMetrics(points),
        signal: this.controller.signal,
        seed: trial.number,
        backend,
        log: (line) => this.log.info(line),
        context: { trialNumber: trial.number, trialId: trial.id, studyId: trial.study.id, attempt: trial.attempt, seed: trial.number },
        env: deviceEnvForSlot(slot, gpus),
      });
    } catch (error) {
      // runObjective promises not to throw; if it ever does, the trial fails and the runner goes on.
      result = { state: 'FAIL', error: `the runner failed running the objective: ${errorMessage(error)}` };
    }
    this.objectiveDone = true;
    if (this.releasing) return this.releasing;
    if (this.lostReason !== undefined) {
      this.reporter.close();
      return { kind: 'lost', reason: this.lostReason };
    }
    // Every point goes out before the end of the attempt, so the stored curve is complete when it is final.
    await this.reporter.flush(this.options.exit);
    this.reporter.close();
    if (this.lostReason !== undefined) return { kind: 'lost', reason: this.lostReason };
    const ids = { trialId: trial.id, leaseToken: lease.leaseToken };
    const took = seconds(Date.now() - this.startedAt);
    if (result.state === 'COMPLETE') {
      const values = valuesInObjectiveOrder(specMetricNames(trial.study.objective), trial.study.objectives, result.values ?? []);
      const outcome = await this.finishCall('complete', (signal) => this.options.api.complete({ ...ids, values: values.map(toWireValue) }, signal));
      if (outcome.kind === 'finished') {
        const shown = trial.study.objectives.map((o, i) => `${o.name}=${formatValue(values[i]!)}`).join(' ');
        this.log.info(`COMPLETE ${shown} in ${took}`);
      }
      return outcome;
    }
    if (result.state === 'PRUNED' && result.stoppedBy !== 'signal') {
      const outcome = await this.finishCall('prune', (signal) => this.options.api.prune(ids, signal));
      if (outcome.kind === 'finished') this.log.info(`PRUNED at step ${this.lastStep} by the study's pruner, after ${took}`);
      return outcome;
    }
    if (result.state === 'PRUNED') {
      // Stopped by a signal nobody here sent (the objective saw an abort of its own): give it back, not a failure.
      return this.release(this.options.exit);
    }
    const error = result.error ?? 'the objective failed without a message';
    const outcome = await this.finishCall('fail', (signal) => this.options.api.fail({ ...ids, error }, signal));
    if (outcome.kind === 'finished') this.log.warn(`FAIL after ${took}: ${error.split('\n')[0]}`);
    return outcome;
  }

  /** Sends the end of the attempt, retrying network failures until it is acknowledged or the runner exits. */
  private async finishCall(
    what: string,
    call: (signal: AbortSignal) => Promise<{ trial: { state: string } | null; userErrors: UserError[] }>,
    stop: AbortSignal = this.options.exit,
  ): Promise<TrialRunOutcome> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const { trial, userErrors } = await call(stop);
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
