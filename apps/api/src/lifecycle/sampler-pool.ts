import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Params } from '@tuneboard/tuning';
import { runSamplerTask, type SamplerTask } from './sampler-task.ts';

/** Threads of the pool when `TUNEBOARD_SAMPLER_WORKERS` is unset: two, or one on a one-core machine. */
export function defaultSamplerWorkers(): number {
  return Math.min(2, availableParallelism());
}

/** A test's hold on one study's asks: they start, then wait until `release()` (see `SamplerTask.gate`). */
export interface SamplerHold {
  /** How many of the study's asks have started (entered the sampler) since the hold. */
  started(): number;
  /** Resolves once `count` of the study's asks have started. */
  waitStarted(count: number): Promise<void>;
  release(): void;
}

/**
 * Runs the samplers' batch asks off the API's request thread: a `piscina` pool of `workers` threads (the total
 * bound), one ask at a time per study (the per-study bound: a study's next ask waits for its previous one, so a
 * slow study holds at most one thread and never delays another's claims, reports or reads). `workers = 0` runs
 * every ask inline, on the calling thread, through the same function (`runSamplerTask`). One pool per API server,
 * made with its other lifecycle services (./lifecycle.ts) and closed when the server closes.
 */
export class SamplerPool {
  readonly workers: number;
  private readonly piscina: Piscina<SamplerTask, Params[]> | undefined;
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly holds = new Map<string, SharedArrayBuffer>();

  constructor(workers: number) {
    this.workers = workers;
    this.piscina =
      workers > 0
        ? new Piscina({
            filename: new URL('./sampler-worker.cjs', import.meta.url).href,
            minThreads: 0,
            maxThreads: workers,
            // Threads start on the first ask and end after a minute idle.
            idleTimeout: 60_000,
          })
        : undefined;
    // A thread that fails outside an ask (e.g. it cannot load) must not take the API down: the asks in flight
    // reject (the top-up retries on the next tick) and piscina starts a fresh thread for the next one.
    this.piscina?.on('error', (error: unknown) => {
      process.emitWarning(`sampler worker thread failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** The study's batch ask; queued behind the study's ask in flight, if any. */
  ask(studyId: string, task: SamplerTask): Promise<Params[]> {
    const gate = this.holds.get(studyId);
    const withGate = gate ? { ...task, gate } : task;
    const previous = this.tails.get(studyId) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(() => (this.piscina ? this.piscina.run(withGate) : runSamplerTask(withGate)));
    this.tails.set(studyId, run);
    const settled = (): void => {
      if (this.tails.get(studyId) === run) this.tails.delete(studyId);
    };
    run.then(settled, settled);
    return run;
  }

  /** Test-only: holds the study's next asks in flight until released (they still start, see `SamplerHold`). */
  hold(studyId: string): SamplerHold {
    const buffer = new SharedArrayBuffer(8);
    const gate = new Int32Array(buffer);
    this.holds.set(studyId, buffer);
    return {
      started: () => Atomics.load(gate, 1),
      waitStarted: async (count) => {
        while (Atomics.load(gate, 1) < count) await new Promise((resolve) => setTimeout(resolve, 5));
      },
      release: () => {
        if (this.holds.get(studyId) === buffer) this.holds.delete(studyId);
        Atomics.store(gate, 0, 1);
        Atomics.notify(gate, 0);
      },
    };
  }

  async close(): Promise<void> {
    await this.piscina?.close();
  }
}
