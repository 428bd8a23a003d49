import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../agent/logger.ts';
import { currentBackend } from '../backend/select-backend.ts';
import type { MetricPoint } from '../objectives/metrics.ts';
import type { ObjectiveResult } from '../objectives/run-objective.ts';
import { SlotProcesses } from './slot-processes.ts';

const iris = { kind: 'template', template: 'mlp', dataset: 'iris', metric: 'val_accuracy' };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves with the first metric points of a trial; `then` decides what the test does next. */
function firstPoints(): { seen: Promise<MetricPoint[]>; onMetrics: (points: MetricPoint[]) => undefined } {
  let resolve!: (points: MetricPoint[]) => void;
  const seen = new Promise<MetricPoint[]>((r) => (resolve = r));
  return { seen, onMetrics: (points) => void resolve(points) };
}

/** Waits for a long trial's first epoch; fails at once if the trial ended before it. */
async function started(seen: Promise<MetricPoint[]>, running: Promise<ObjectiveResult>): Promise<void> {
  await Promise.race([
    seen,
    running.then((result) => {
      throw new Error(`the trial ended before its first epoch: ${JSON.stringify(result)}`);
    }),
  ]);
}

// Generous limit: the machine is shared and busy; these tests assert results, never durations.
describe('slot processes', { timeout: 180_000 }, () => {
  const lines: string[] = [];
  // A host with two GPUs, as far as the slots are told: the plain JS backend trains, CUDA_VISIBLE_DEVICES is set.
  const slots = new SlotProcesses({ backend: 'cpu', gpus: 2, log: memoryLogger(lines), abortGraceMs: 2_000 });
  afterAll(() => slots.close());

  it('starts one process per slot, each seeing its own GPU (slot s → s mod 2)', async () => {
    const infos = await Promise.all([0, 1, 2].map((slot) => slots.start(slot)));
    expect(infos.map((info) => info.visibleDevices)).toEqual(['0', '1', '0']);
    const pids = infos.map((info) => info.pid);
    expect(new Set(pids).size).toBe(3);
    expect(pids).not.toContain(process.pid);
    expect(infos.every((info) => info.backend.name === 'cpu')).toBe(true);
    // Each process said which backend it loaded; the lines are the runner's, prefixed with the slot.
    expect(lines.filter((line) => /\[slot \d\] training backend: cpu/.test(line))).toHaveLength(3);
  });

  it('trains template trials on several slots at once, streaming metrics; the runner process loads no backend', async () => {
    const points: MetricPoint[][] = [[], []];
    const results = await Promise.all(
      [0, 1].map((slot) =>
        slots.runObjectiveFor(slot)(iris, { epochs: 3, units: 8 }, { backend: 'cpu', seed: slot, onMetrics: (batch) => void points[slot]!.push(...batch) }),
      ),
    );
    for (const [slot, result] of results.entries()) {
      expect(result.state).toBe('COMPLETE');
      expect(result.summary!.backend).toBe('cpu');
      const accuracy = points[slot]!.filter((p) => p.key === 'val_accuracy');
      expect(accuracy.map((p) => p.step)).toEqual([1, 2, 3]);
      expect(result.values).toEqual([accuracy.at(-1)!.value]);
    }
    expect(currentBackend()).toBeUndefined();
  });

  it("saves a COMPLETE trial's model into the trial's artifact folder from the slot process", async () => {
    const artifactDir = await mkdtemp(path.join(os.tmpdir(), 'tb-slot-artifacts-'));
    try {
      const result = await slots.runObjectiveFor(1)(iris, { epochs: 2, units: 8 }, { backend: 'cpu', seed: 4, context: { artifactDir } });
      expect(result.state).toBe('COMPLETE');
      expect(result.artifacts!.map((a) => [a.name, a.kind])).toEqual([
        ['model/model.json', 'MODEL'],
        ['model/weights.bin', 'MODEL'],
        ['model/preprocessing.json', 'MODEL'],
      ]);
      const json = JSON.parse(await readFile(path.join(artifactDir, 'model', 'model.json'), 'utf8'));
      expect(json.format).toBe('layers-model');
      expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
    } finally {
      await rm(artifactDir, { recursive: true, force: true });
    }
  });

  it("stops a trial on the pruner's verdict sent back from the runner", async () => {
    const result = await slots.runObjectiveFor(0)(iris, { epochs: 50, units: 8 }, { backend: 'cpu', onMetrics: (batch) => (batch[0]!.step === 2 ? 'prune' : undefined) });
    expect(result).toMatchObject({ state: 'PRUNED', stoppedBy: 'pruner' });
    expect(result.summary!.epochs).toBe(2);
  });

  it('stops a trial on abort and keeps the slot process for the next trial', async () => {
    const pid = slots.pids().get(1)!;
    const controller = new AbortController();
    const { seen, onMetrics } = firstPoints();
    const running = slots.runObjectiveFor(1)(iris, { epochs: 10_000, units: 8 }, { backend: 'cpu', signal: controller.signal, onMetrics });
    await started(seen, running);
    controller.abort();
    expect(await running).toMatchObject({ state: 'PRUNED', stoppedBy: 'signal' });
    const next = await slots.runObjectiveFor(1)(iris, { epochs: 1, units: 8 }, { backend: 'cpu' });
    expect(next.state).toBe('COMPLETE');
    expect(slots.pids().get(1)).toBe(pid);
  });

  it('finishes its trial when SIGINT or SIGTERM reaches the slot process (Ctrl-C signals the whole group)', async () => {
    const { seen, onMetrics } = firstPoints();
    const running = slots.runObjectiveFor(0)(iris, { epochs: 30, units: 8 }, { backend: 'cpu', onMetrics });
    await started(seen, running);
    const pid = slots.pids().get(0)!;
    process.kill(pid, 'SIGINT');
    process.kill(pid, 'SIGTERM');
    expect((await running).state).toBe('COMPLETE');
    expect(slots.pids().get(0)).toBe(pid);
  });

  it('fails the trial of a slot process that dies, and starts a new one for the next trial', async () => {
    const { seen, onMetrics } = firstPoints();
    const running = slots.runObjectiveFor(2)(iris, { epochs: 10_000, units: 8 }, { backend: 'cpu', onMetrics });
    await started(seen, running);
    const pid = slots.pids().get(2)!;
    process.kill(pid, 'SIGKILL');
    const result = await running;
    expect(result.state).toBe('FAIL');
    expect(result.error).toMatch(/slot 2's training process was killed by SIGKILL during the trial/);
    const next = await slots.runObjectiveFor(2)(iris, { epochs: 1, units: 8 }, { backend: 'cpu' });
    expect(next.state).toBe('COMPLETE');
    expect(slots.pids().get(2)).not.toBe(pid);
  });

  it('runs command objectives in the runner as before, with the slot GPU in their environment', async () => {
    const script = `console.log(JSON.stringify({ step: 1, gpu: Number(process.env.CUDA_VISIBLE_DEVICES) }))`;
    const result = await slots.runObjectiveFor(1)(
      { kind: 'command', command: [process.execPath, '-e', script, '--'], metric: 'gpu' },
      {},
      { env: { CUDA_VISIBLE_DEVICES: '1' }, commands: { accept: true } },
    );
    expect(result).toMatchObject({ state: 'COMPLETE', values: [1] });
  });

  it('ends every slot process on close', async () => {
    const pids = [...slots.pids().values()];
    expect(pids.length).toBeGreaterThan(0);
    await slots.close();
    expect(pids.filter(alive)).toEqual([]);
  });
});
