import type { selectBackend } from '../backend/select-backend.ts';
import { runnerApi } from './api.ts';
import { ArtifactUploader } from './artifacts.ts';
import { EvaluationWorker } from './evaluations.ts';
import type { ClaimedTrial, RunnerApi } from './api.ts';
import { backoffDelay, jittered, sleep } from './backoff.ts';
import { refuseCommands } from '../objectives/command-policy.ts';
import type { SlotProcesses } from '../slots/slot-processes.ts';
import type { RunnerConfig } from './config.ts';
import type { RunnerMetrics } from './metrics.ts';
import { ApiError, createGraphQLClient, errorMessage } from './graphql-client.ts';
import { createLogger } from './logger.ts';
import { createThreadedGraphQLClient } from '../network/threaded-client.ts';
import type { Logger } from './logger.ts';
import { PrefetchQueue } from './prefetch.ts';
import type { ProgressSink } from './progress.ts';
import { describeCommands, registerRunner, studyRefusal } from './registration.ts';
import { prepareTraining, readRunnerStudy } from './start-up.ts';
import type { TrainingSetup } from './start-up.ts';
import { subscribeTrialsAvailable } from './subscription.ts';
import { TrialRun, leaseMsOf } from './trial-run.ts';
import { Wakeup } from './waiters.ts';
import type { RunObjective, TrialRunOptions, TrialRunOutcome } from './trial-run.ts';

export interface AgentOptions extends RunnerConfig {
  log?: Logger;
  /** Tests: a fake objective, faster reporting. */
  runObjective?: RunObjective;
  reporter?: TrialRunOptions['reporter'];
  /** Skip loading a training backend (tests of command objectives): capabilities say `none`. */
  skipBackend?: boolean;
  /**
   * Loads the training backend at start (default `selectBackend`: TensorFlow.js and its wasm, WebGPU or native
   * backend). Not called for a runner whose `--study` runs a command: a template trial it never gets would be the
   * only user (the objective and the evaluation jobs load the backend themselves the first time one needs it).
   */
  loadBackend?: typeof selectBackend;
  /** An interactive terminal's status line (cli.ts on a TTY); otherwise a progress log line per epoch. */
  progress?: ProgressSink;
  /** How close to its end a trial asks for the next one to be claimed (TrialRunOptions.prefetchLeadMs). */
  prefetchLeadMs?: number;
  /** A prefetched lease not started within this long goes back to the queue (default: a third of the lease). */
  prefetchHoldMs?: number;
  /**
   * Requests to the API go through a network thread (default), so that their sockets, HTTP parsing and JSON do
   * not take turns on the thread that trains; false makes them on this thread (bench/runner/overhead.ts compares).
   */
  networkThread?: boolean;
  /** The runner's Prometheus metrics (`TUNEBOARD_RUNNER_METRICS_PORT`); none when undefined. */
  metrics?: RunnerMetrics;
  /** Claim "Evaluate on test" jobs of the team besides trials (default true). */
  evaluations?: boolean;
}

export { commandCapabilities } from './registration.ts';

/** Codes after which claiming again cannot succeed: the token is wrong or revoked. */
const fatalCodes = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/**
 * The runner loop: register, subscribe to `trialsAvailable`, claim while a slot is free (on events, when a slot
 * frees up, and on a slow jittered poll for missed events), run each trial on its slot, and shut down cleanly.
 */
export class RunnerAgent {
  readonly log: Logger;
  readonly api: RunnerApi;
  runnerId: string | undefined;
  /** Outcomes of finished trial runs, in the order they ended. */
  readonly outcomes: { trialId: string; number: number; outcome: TrialRunOutcome }[] = [];
  /** Every trial this runner holds a lease of and has started: training, or reporting its end. */
  private readonly runs = new Set<TrialRun>();
  /** Claimed ahead of time (at most one): starts when a slot's objective returns. */
  private readonly prefetched = new PrefetchQueue();
  /**
   * Trials about to end whose slot has no lease waiting yet. While one is here, every wake (a
   * `trialsAvailable` event, the poll) asks for one lease ahead: an empty queue now (the next trial is
   * sampled only when another one completes) may hold a trial a moment later. Emptied when a lease is
   * claimed ahead; a trial leaves it when its objective returns.
   */
  private readonly nearEnd = new Set<TrialRun>();
  /** Most leases held at once (runs + prefetched): never above concurrency + 1. */
  maxLeasesHeld = 0;
  /** Leases claimed ahead of time that waited for a slot (the next trial was in hand when a slot freed). */
  claimedAhead = 0;
  private readonly stopping = new AbortController();
  /** Aborted when the shutdown window is over: retries of final calls give up. */
  private readonly exit = new AbortController();
  /** Ends the claim loop's wait: "trials available", a freed slot, a stop. */
  private readonly claimWake = new Wakeup();
  private loop: Promise<void> | undefined;
  private subscription: { dispose(): Promise<void> } | undefined;
  /** Where template trials train (`prepareTraining`): set at start, before registering. */
  private training: TrainingSetup = { backendName: 'none', device: undefined, adapters: [], gpus: 0, slots: undefined };
  /** Template trials' processes, one per slot (`--slot-processes`); undefined: they train in this process. */
  private get slots(): SlotProcesses | undefined {
    return this.training.slots;
  }
  private stopped: Promise<void> | undefined;
  /** Set when the runner cannot go on (revoked token): the CLI exits non-zero. */
  fatal: string | undefined;
  /** Stops the network thread, once nothing more is sent. */
  private readonly closeNetwork: () => Promise<void>;
  /** Uploads trials' files (models, a command's TUNEBOARD_ARTIFACT_DIR). */
  private readonly artifacts: ArtifactUploader;
  /** Runs "Evaluate on test" jobs, one at a time, beside the trials (`evaluationLoop`). */
  private readonly evaluations: EvaluationWorker;
  private evaluationLoopDone: Promise<void> | undefined;

  constructor(private readonly options: AgentOptions) {
    this.log = options.log ?? createLogger(options.logLevel);
    const client = { url: options.api, token: options.token };
    const { request, close } =
      options.networkThread === false ? { request: createGraphQLClient(client), close: async () => undefined } : createThreadedGraphQLClient(client);
    this.api = runnerApi(request);
    this.artifacts = new ArtifactUploader(request, options.api);
    this.evaluations = new EvaluationWorker(request, options.api, { backend: options.backend, log: this.log });
    this.closeNetwork = close;
  }

  get runningTrials(): number {
    return this.runs.size;
  }

  /** Slots whose objective is still running: the ones not free for the next trial. */
  private get busySlots(): number {
    let busy = 0;
    for (const run of this.runs) if (!run.objectiveDone) busy += 1;
    return busy;
  }

  /**
   * Reads the study of `--study`, loads the backend, registers and starts claiming. Throws when registration is
   * refused. A study whose trials this runner could not claim (a command study without `--allow-commands`, or
   * whose program its list leaves out) stops it before it registers or claims anything, with the reason in
   * `fatal`; a command study starts it without a training backend.
   */
  async start(): Promise<void> {
    const { options, log } = this;
    const study = options.studyId === undefined ? undefined : await readRunnerStudy(this.api, options.studyId, this.stopping.signal, log);
    if (this.stopping.signal.aborted) return;
    const refusal = study && studyRefusal(study, options.commands ?? refuseCommands);
    if (refusal) {
      this.fatal = refusal;
      log.error(refusal);
      await this.stop();
      return;
    }
    this.training = await prepareTraining(options, study, log);
    options.metrics?.setBackend(this.training.backendName, options.concurrency);
    await this.register();
    if (this.stopping.signal.aborted) return;
    log.info(
      `runner ${options.name} registered with ${options.api}: ${options.concurrency} slot(s)` +
        `${options.labels.length ? `, labels ${options.labels.join(',')}` : ''}${options.studyId ? `, study ${options.studyId} only` : ''}` +
        `; ${describeCommands(options.commands ?? refuseCommands)}`,
    );
    this.subscription = subscribeTrialsAvailable({
      url: options.api,
      token: options.token,
      log,
      onEvent: (event) => {
        if (options.studyId && event.study.id !== options.studyId) return;
        log.debug(`${event.pending} trial(s) pending in study ${event.study.id}`);
        this.wake();
      },
      onConnected: () => this.wake(),
    });
    this.loop = this.claimLoop();
    if (options.evaluations !== false) this.evaluationLoopDone = this.evaluations.loop(() => this.runnerId!, options.studyId, options.pollMs, this.stopping.signal);
  }

  /** Resolves when the runner has stopped (after `stop()`, or a fatal error). */
  async finished(): Promise<void> {
    await this.loop;
    await this.evaluationLoopDone;
    await this.stopped;
  }

  private async register(): Promise<void> {
    const { backendName, device, adapters, gpus } = this.training;
    const registration = { options: this.options, backendName, device, adapters, gpus };
    const runnerId = await registerRunner(this.api, registration, this.stopping.signal, this.log);
    if (runnerId !== undefined) this.runnerId = runnerId;
  }

  private wake(): void {
    this.claimWake.request();
    this.evaluations.wake();
  }

  private freeSlot(): number {
    const busy = new Set<number>();
    for (const run of this.runs) if (!run.objectiveDone) busy.add(run.slot);
    for (let slot = 0; ; slot += 1) if (!busy.has(slot)) return slot;
  }

  /**
   * How many leases to ask for: one per slot without a training objective (a slot frees as soon as its
   * objective returns: the end of that trial is reported in the background), plus one ahead of time when a
   * trial said it is about to end — never more than `concurrency + 1` leases held at once.
   */
  private claimLimit(): { limit: number; prefetch: boolean } {
    const { concurrency } = this.options;
    const held = this.runs.size + this.prefetched.length;
    const free = concurrency - this.busySlots - this.prefetched.length;
    const prefetch = this.nearEnd.size > 0 && free <= 0 && this.prefetched.length === 0;
    return { limit: Math.max(0, Math.min(Math.max(free, 0) + (prefetch ? 1 : 0), concurrency + 1 - held)), prefetch };
  }

  /** Starts prefetched leases on the slots that are free now. */
  private startPrefetched(): void {
    while (this.prefetched.length > 0 && this.busySlots < this.options.concurrency) this.startTrial(this.prefetched.shift()!);
  }

  private hold(lease: ClaimedTrial): void {
    const holdMs = this.options.prefetchHoldMs ?? Math.floor(leaseMsOf(lease.leaseExpiresAt) / 3);
    // The trial it waited for runs longer than its ETA said: give the lease back rather than let it expire.
    this.prefetched.hold(lease, holdMs, () => {
      this.log.debug(`trial ${lease.trial.number} claimed ahead waited ${holdMs} ms: releasing it`);
      void this.releaseLease(lease);
      this.wake();
    });
    this.claimedAhead += 1;
  }

  private releaseLease(lease: ClaimedTrial): Promise<unknown> {
    return this.api.release({ trialId: lease.trial.id, leaseToken: lease.leaseToken }, this.exit.signal).catch((error: unknown) => {
      this.log.warn(`could not release trial ${lease.trial.number} (${errorMessage(error)}): it returns to the queue when its lease expires`);
    });
  }

  private async claimLoop(): Promise<void> {
    const { options, log } = this;
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      this.startPrefetched();
      const { limit, prefetch } = this.claimLimit();
      if (limit <= 0) {
        await this.claimWake.wait(options.pollMs);
        continue;
      }
      this.claimWake.clear();
      let leases: ClaimedTrial[];
      try {
        // Not cut short by a shutdown (leases claimed but never seen would sit until they expire); only by exit.
        const reply = await this.api.claim({ runnerId: this.runnerId!, studyId: options.studyId, limit }, this.exit.signal);
        if (reply.userErrors.length) log.warn(`claim refused: ${reply.userErrors.map((e) => e.message).join('; ')}`);
        leases = reply.leases;
        if (failures > 0) log.info(`claiming again after ${failures} failed attempt(s)`);
        failures = 0;
      } catch (error) {
        if (this.exit.signal.aborted) break;
        failures += 1;
        if (error instanceof ApiError && fatalCodes.has(error.code ?? '')) {
          this.fatal = `${errorMessage(error)}: check --token (a RUNNER-scope token of the study's team, not revoked)`;
          log.error(this.fatal);
          void this.stop();
          return;
        }
        if (error instanceof ApiError && error.code === 'NOT_FOUND') {
          // The study of --study (mistyped, deleted, or another team's: the API answers alike) is not coming
          // back: stop, saying so. Re-registering and claiming again at once looped hundreds of times a second.
          const study = options.studyId !== undefined && /\bstudy\b/i.test(error.message);
          if (study || failures > 3) {
            this.fatal = study
              ? `${errorMessage(error)}: check --study ${JSON.stringify(options.studyId)} (a study of this token's team)`
              : `${errorMessage(error)}, again after registering ${failures - 1} times`;
            log.error(this.fatal);
            void this.stop();
            return;
          }
          // Otherwise the runner's own record is gone (deleted, or a database reset): register again, then claim.
          log.warn(`${errorMessage(error)}: registering again`);
          await this.register().catch((e: unknown) => log.warn(`registration failed: ${errorMessage(e)}`));
          await sleep(backoffDelay(failures - 1, { initialMs: 500, maxMs: 10_000 }), this.stopping.signal);
          continue;
        }
        const delay = backoffDelay(failures - 1, { initialMs: 1_000, maxMs: 60_000 });
        if (failures === 1 || failures % 10 === 0) log.warn(`claim failed (${failures}×): ${errorMessage(error)}; retrying in ${(delay / 1000).toFixed(1)} s`);
        await sleep(delay, this.stopping.signal);
        continue;
      }
      if (this.stopping.signal.aborted) {
        // Claimed while a shutdown began: hand them straight back.
        await Promise.all(leases.map((lease) => this.releaseLease(lease)));
        break;
      }
      for (const lease of leases) {
        if (this.busySlots < options.concurrency) this.startTrial(lease);
        else this.hold(lease);
      }
      // One lease ahead serves every trial about to end; an empty answer is asked again on the next wake.
      if (prefetch && leases.length > 0) this.nearEnd.clear();
      this.maxLeasesHeld = Math.max(this.maxLeasesHeld, this.runs.size + this.prefetched.length);
      // Fewer leases than asked: the queue is empty, wait for an event. All asked for: claim again at once if a
      // slot is still free (it freed while the claim was in flight), else wait for one to free.
      if (leases.length < limit || this.claimLimit().limit <= 0) await this.claimWake.wait(jittered(options.pollMs));
    }
  }

  private startTrial(lease: ClaimedTrial): void {
    const slot = this.freeSlot();
    const run = new TrialRun({
      lease,
      slot,
      api: this.api,
      log: this.log,
      backend: this.options.backend,
      gpus: this.training.gpus,
      commands: this.options.commands ?? refuseCommands,
      exit: this.exit.signal,
      reporter: this.options.reporter,
      runObjective: this.options.runObjective ?? this.slots?.runObjectiveFor(slot),
      progress: this.options.progress,
      prefetchLeadMs: this.options.prefetchLeadMs,
      onNearEnd: (run) => {
        this.nearEnd.add(run);
        this.wake();
      },
      onObjectiveDone: (run) => {
        this.nearEnd.delete(run);
        this.wake();
      },
      onPoints: this.options.metrics && ((slot, points) => this.options.metrics!.observePoints(slot, points)),
      artifacts: this.artifacts,
    });
    this.runs.add(run);
    this.options.metrics?.trialStarted();
    void run.done
      .catch((error: unknown): TrialRunOutcome => {
        // TrialRun handles its own failures; this is the last net so one trial never takes the runner down.
        this.log.error(`trial ${run.number} crashed the runner loop: ${errorMessage(error)}`);
        return { kind: 'unreported', reason: errorMessage(error) };
      })
      .then((outcome) => {
        this.outcomes.push({ trialId: run.trialId, number: run.number, outcome });
        this.options.metrics?.trialEnded(outcome);
        this.runs.delete(run);
        this.wake();
      });
  }

  /**
   * Clean shutdown: stop claiming; trials that finish within the first half of the window report normally,
   * the rest (and at once those whose ETA is beyond it) are released back to the queue before the window ends.
   */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      const { log } = this;
      const windowMs = this.options.shutdownMs;
      const deadline = setTimeout(() => this.exit.abort(), windowMs);
      this.stopping.abort();
      this.wake();
      const running = [...this.runs];
      // Leases claimed ahead never started: back to the queue at once, for another runner.
      const givenBack = Promise.all(this.prefetched.drain().map((lease) => this.releaseLease(lease)));
      if (running.length > 0) log.info(`shutting down: ${running.length} trial(s) running, finishing or releasing them within ${windowMs / 1000} s`);
      else log.info('shutting down');
      const finishMs = windowMs / 2;
      const releases: Promise<unknown>[] = [];
      for (const run of running) {
        const eta = run.etaMs();
        if (eta !== undefined && eta > finishMs && !run.objectiveDone) releases.push(run.release(this.exit.signal));
      }
      await Promise.race([Promise.all(running.map((run) => run.done)), sleep(finishMs)]);
      for (const run of running) if (!run.objectiveDone) releases.push(run.release(this.exit.signal));
      await Promise.all(releases);
      await givenBack;
      await this.subscription?.dispose().catch(() => undefined);
      await this.loop;
      await this.evaluationLoopDone;
      // Objectives stop on their abort signal (commands: SIGTERM, then SIGKILL after their grace).
      await Promise.all(running.map((run) => run.done));
      await this.slots?.close();
      clearTimeout(deadline);
      this.exit.abort();
      await this.closeNetwork();
      log.info('runner stopped');
    })();
    return this.stopped;
  }
}
