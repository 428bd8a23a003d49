import { createSampler, type Direction, type FrozenTrial, type Params, type SamplerConfig, type SearchSpace } from '@tuneboard/tuning';

/**
 * One batch ask as plain, structured-clonable data: the study's sampler config and space as the top-up's plan
 * holds them (parsed once per study, ./study-plans.ts), its objectives' directions and its history. The same
 * function runs in a worker thread of the sampler pool (./sampler-pool.ts) and inline, so both give the same
 * points for the same seed.
 */
export interface SamplerTask {
  sampler: SamplerConfig;
  space: SearchSpace;
  directions: Direction[];
  trials: FrozenTrial[];
  n: number;
  /**
   * Test-only: an Int32Array's buffer [released, started]. The ask adds one to `started` and waits (at most
   * GATE_WAIT_MS) until `released` is non-zero, so a test holds an ask in flight as long as it needs.
   */
  gate?: SharedArrayBuffer;
}

/** Longest a gated ask waits; inline, the wait blocks the API's thread, and the test shows it. */
const GATE_WAIT_MS = 10_000;

export function runSamplerTask(task: SamplerTask): Params[] {
  if (task.gate) {
    const gate = new Int32Array(task.gate);
    Atomics.add(gate, 1, 1);
    Atomics.notify(gate, 1);
    Atomics.wait(gate, 0, 0, GATE_WAIT_MS);
  }
  return createSampler(task.sampler).ask({ space: task.space, trials: task.trials, directions: task.directions }, task.n);
}
