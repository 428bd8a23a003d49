import { createSampler, parseSamplerConfig, parseSpace, type Direction, type FrozenTrial, type Params } from '@tuneboard/tuning';

/**
 * One batch ask as plain, structured-clonable data: the study's stored sampler config and space (parsed where
 * the ask runs), its objectives' directions and its history. The same function runs in a worker thread of the
 * sampler pool (./sampler-pool.ts) and inline, so both give the same points for the same seed.
 */
export interface SamplerTask {
  sampler: unknown;
  space: unknown;
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
  const sampler = createSampler(parseSamplerConfig(task.sampler));
  return sampler.ask({ space: parseSpace(task.space), trials: task.trials, directions: task.directions }, task.n);
}
