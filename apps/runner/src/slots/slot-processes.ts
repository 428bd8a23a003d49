// Template trials in one process per slot. tfjs has one backend per process and TensorFlow trains on the first
// GPU it sees, so on a host with several GPUs each slot's trials run in a child process started with its own
// CUDA_VISIBLE_DEVICES: slot s trains on GPU s mod G. It also keeps a crash in native code (a CUDA
// out-of-memory abort, say) to one slot: the trial fails, the slot's process is started again for the next one.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunObjective } from '../agent/trial-run.ts';
import type { Logger } from '../agent/logger.ts';
import { deviceEnvForSlot } from '../backend/devices.ts';
import type { BackendChoice } from '../backend/select-backend.ts';
import { inheritedEnv } from '../objectives/env.ts';
import { runObjective } from '../objectives/run-objective.ts';
import type { ObjectiveResult, RunObjectiveOptions } from '../objectives/run-objective.ts';
import type { FromSlot, SlotProcessInfo, ToSlot } from './protocol.ts';

export type { SlotProcessInfo } from './protocol.ts';

export interface SlotProcessesOptions {
  /** The runner's `--backend`: each slot's process loads it on its own device. */
  backend: BackendChoice;
  /** GPUs on the host: slot s gets CUDA_VISIBLE_DEVICES = s mod gpus (none when 0). */
  gpus: number;
  /** Lines of a slot process that belong to no trial (its backend choice). */
  log: Logger;
  /** After an abort, how long a trial may take to stop before its process is killed (default 3 s). */
  abortGraceMs?: number;
}

const childEntry = fileURLToPath(new URL('./child.mjs', import.meta.url));

function isTemplate(spec: unknown): boolean {
  return (spec as { kind?: unknown } | null)?.kind === 'template';
}

function exitText(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

interface CurrentRun {
  id: number;
  options: RunObjectiveOptions;
  resolve: (result: ObjectiveResult) => void;
  aborted: boolean;
}

/** One slot's training process: started once, reused trial after trial. */
class SlotProcess {
  readonly child: ChildProcess;
  readonly ready: Promise<SlotProcessInfo>;
  private current: CurrentRun | undefined;
  private nextId = 0;
  private exitedWith: string | undefined;
  readonly exited: Promise<void>;

  constructor(
    readonly slot: number,
    private readonly owner: SlotProcesses,
    env: Record<string, string>,
  ) {
    const { backend, log } = owner.options;
    this.child = fork(childEntry, [], {
      env: { ...inheritedEnv(), ...env },
      // Not the runner's own flags (an inspector port, a profiler): child.mjs loads what the slot needs.
      execArgv: [],
      // Structured clone: metric values and results arrive as they were sent.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const slotLog = log.child(`[slot ${slot}]`);
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.ready = new Promise<SlotProcessInfo>((resolve, reject) => {
      this.child.on('message', (message: FromSlot) => {
        if (message.type === 'ready') resolve(message.info);
        else if (message.type === 'init-failed') reject(new Error(message.error));
        else this.onMessage(message, slotLog);
      });
      this.child.once('exit', (code, signal) => {
        this.exitedWith = exitText(code, signal);
        reject(new Error(`slot ${slot}'s training process ${this.exitedWith} before its backend was loaded`));
        owner.forget(this);
        const run = this.current;
        this.current = undefined;
        if (!run) return;
        run.resolve(
          run.aborted
            ? { state: 'PRUNED', stoppedBy: 'signal' }
            : { state: 'FAIL', error: `slot ${slot}'s training process ${this.exitedWith} during the trial (out of memory?); the slot starts a new one` },
        );
      });
      this.child.once('error', (error) => reject(error));
    });
    this.ready.catch(() => undefined);
    this.send({ type: 'init', backend });
  }

  private send(message: ToSlot): void {
    if (this.child.connected) this.child.send(message);
  }

  private onMessage(message: FromSlot, slotLog: Logger): void {
    const run = this.current;
    switch (message.type) {
      case 'log':
        if (message.id !== undefined && run?.id === message.id) run.options.log?.(message.line);
        else slotLog.info(message.line);
        return;
      case 'metrics': {
        if (run?.id !== message.id) return;
        const reply = (decision: 'prune' | 'continue') => this.send({ type: 'decision', id: message.id, seq: message.seq, decision });
        Promise.resolve(run.options.onMetrics?.(message.points)).then(
          (decision) => reply(decision === 'prune' ? 'prune' : 'continue'),
          () => reply('continue'),
        );
        return;
      }
      case 'result':
        if (run?.id !== message.id) return;
        this.current = undefined;
        run.resolve(message.result);
        return;
    }
  }

  /** Runs one template trial in this process; never throws. */
  async run(spec: unknown, params: Record<string, unknown>, options: RunObjectiveOptions): Promise<ObjectiveResult> {
    try {
      await this.ready;
    } catch (error) {
      return { state: 'FAIL', error: `slot ${this.slot}'s training process could not start: ${(error as Error).message}` };
    }
    if (this.exitedWith) return { state: 'FAIL', error: `slot ${this.slot}'s training process ${this.exitedWith}` };
    if (this.current) return { state: 'FAIL', error: `slot ${this.slot} is already running a trial` };
    const id = (this.nextId += 1);
    let killTimer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      if (this.current?.id !== id) return;
      this.current.aborted = true;
      this.send({ type: 'abort', id });
      // Training yields every few milliseconds; a process that does not stop in time is stuck in native code.
      killTimer = setTimeout(() => this.child.kill('SIGKILL'), this.owner.options.abortGraceMs ?? 3_000);
    };
    try {
      return await new Promise<ObjectiveResult>((resolve) => {
        this.current = { id, options, resolve, aborted: false };
        this.send({ type: 'run', id, spec, params, seed: options.seed, backend: options.backend ?? 'auto', context: options.context });
        if (options.signal?.aborted) onAbort();
        else options.signal?.addEventListener('abort', onAbort, { once: true });
      });
    } finally {
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }
}

/**
 * The slots' training processes of one runner. `runObjectiveFor(slot)` runs template trials in the slot's process
 * and everything else (command objectives, which are processes of their own) in the runner as before.
 */
export class SlotProcesses {
  private readonly processes = new Map<number, SlotProcess>();
  private closed = false;

  constructor(readonly options: SlotProcessesOptions) {}

  private process(slot: number): SlotProcess {
    let entry = this.processes.get(slot);
    if (!entry) {
      entry = new SlotProcess(slot, this, deviceEnvForSlot(slot, this.options.gpus));
      this.processes.set(slot, entry);
    }
    return entry;
  }

  /** Called by a process that exited: the slot's next trial starts a new one. */
  forget(entry: SlotProcess): void {
    if (this.processes.get(entry.slot) === entry) this.processes.delete(entry.slot);
  }

  /** Starts the slot's process (if it is not running) and resolves when its backend is loaded. */
  start(slot: number): Promise<SlotProcessInfo> {
    if (this.closed) return Promise.reject(new Error('the slot processes are closed'));
    return this.process(slot).ready;
  }

  /** Process ids of the running slot processes, by slot. */
  pids(): Map<number, number> {
    return new Map([...this.processes].map(([slot, entry]) => [slot, entry.child.pid!]));
  }

  runObjectiveFor(slot: number): RunObjective {
    return (spec, params, options) => {
      if (!isTemplate(spec)) return runObjective(spec, params, options);
      if (this.closed) return Promise.resolve<ObjectiveResult>({ state: 'PRUNED', stoppedBy: 'signal' });
      return this.process(slot).run(spec, params, options);
    };
  }

  /** Ends every slot process (closing the channel makes it exit) and waits for them. */
  async close(): Promise<void> {
    this.closed = true;
    const entries = [...this.processes.values()];
    this.processes.clear();
    await Promise.all(
      entries.map(async (entry) => {
        if (entry.child.connected) entry.child.disconnect();
        const timer = setTimeout(() => entry.child.kill('SIGKILL'), 5_000);
        await entry.exited;
        clearTimeout(timer);
      }),
    );
  }
}
