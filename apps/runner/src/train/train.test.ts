import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.ts';
import { loadPreparedData } from './prepare.ts';
import type { PreparedData } from './prepare.ts';
import { trainTemplate } from './train.ts';
import type { EpochMetrics } from './train.ts';

let digits: PreparedData;

beforeAll(async () => {
  await selectBackend('wasm');
  digits = await loadPreparedData({ dataset: 'digits' }, 'mlp', { splitSeed: 0 });
}, 60_000);

// Generous limit: the machine is shared and busy; these tests assert results, never durations.
describe('trainTemplate on the wasm backend', { timeout: 120_000 }, () => {
  it('trains the digits MLP to at least 0.9 validation accuracy in a short run', async () => {
    const epochs: EpochMetrics[] = [];
    const result = await trainTemplate({
      template: 'mlp',
      data: digits,
      params: { epochs: 5, batch_size: 64, units: 64 },
      seed: 1,
      onEpoch: (_, metrics) => void epochs.push(metrics),
    });
    expect(result.stoppedBy).toBe('completed');
    expect(epochs).toHaveLength(5);
    expect(result.last!.val_accuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.test!.test_accuracy).toBeGreaterThan(0.85);
    for (const key of ['loss', 'accuracy', 'val_loss', 'val_accuracy', 'epoch_seconds', 'samples_per_second'] as const) {
      expect(Number.isFinite(epochs[4]![key])).toBe(true);
    }
    expect(epochs[4]!.loss).toBeLessThan(epochs[0]!.loss);
  });

  it('gives the same metrics when it reads results asynchronously, as on a GPU backend', async () => {
    // The webgpu path (logits scored once the epoch ends, evaluation through data()), here on the wasm backend.
    const run = (asyncReads: boolean) =>
      trainTemplate({ template: 'mlp', data: digits, params: { epochs: 2, units: 32, batch_size: 50 }, seed: 4, asyncReads, native: true });
    const [sync, later] = [await run(false), await run(true)];
    for (const key of ['loss', 'accuracy', 'val_loss', 'val_accuracy'] as const) {
      expect(later.history.map((epoch) => epoch[key])).toEqual(sync.history.map((epoch) => epoch[key]));
    }
    expect(later.test).toEqual(sync.test);
    // It learns (chance is 0.1).
    expect(later.last!.val_accuracy).toBeGreaterThan(0.5);
  });

  it('gives identical metrics for the same seed', async () => {
    const run = () => trainTemplate({ template: 'mlp', data: digits, params: { epochs: 1, units: 16, dropout: 0.2 }, seed: 9 });
    const [a, b] = [await run(), await run()];
    expect(a.last!.val_loss).toBe(b.last!.val_loss);
    expect(a.last!.loss).toBe(b.last!.loss);
  });

  it('trains batch norm, dropout, L2 and every optimiser without error', async () => {
    const small = await loadPreparedData({ dataset: 'digits' }, 'mlp', { maxRows: 600, splitSeed: 2 });
    for (const optimizer of ['adam', 'sgd', 'rmsprop']) {
      const result = await trainTemplate({
        template: 'mlp',
        data: small,
        params: { epochs: 3, units: 32, batch_norm: true, dropout: 0.1, l2: 1e-4, optimizer, activation: 'elu', learning_rate: 0.01 },
        seed: 2,
      });
      expect(result.history[2]!.loss, optimizer).toBeLessThan(result.history[0]!.loss);
    }
  });

  it('trains the cnn template: loss decreases over a couple of epochs on a small digits subset', async () => {
    const small = await loadPreparedData({ dataset: 'digits' }, 'cnn', { maxRows: 300, splitSeed: 1 });
    const result = await trainTemplate({
      template: 'cnn',
      data: small,
      params: { epochs: 3, filters: 4, conv_blocks: 2, dense_units: 16, batch_size: 32, learning_rate: 0.01 },
      seed: 3,
    });
    expect(result.stoppedBy).toBe('completed');
    expect(result.history[2]!.loss).toBeLessThan(result.history[0]!.loss);
    expect(Number.isFinite(result.last!.val_accuracy)).toBe(true);
  });

  it('stops after the epoch where onEpoch says stop and still reports test metrics', async () => {
    const result = await trainTemplate({
      template: 'mlp',
      data: digits,
      params: { epochs: 10, units: 8 },
      onEpoch: (step) => (step === 2 ? 'stop' : 'continue'),
    });
    expect(result.stoppedBy).toBe('callback');
    expect(result.epochs).toBe(2);
    expect(result.test).toBeDefined();
  });

  it('stops when the signal aborts, without test metrics', async () => {
    const controller = new AbortController();
    const result = await trainTemplate({
      template: 'mlp',
      data: digits,
      params: { epochs: 10, units: 8 },
      signal: controller.signal,
      onEpoch: () => controller.abort(),
    });
    expect(result.stoppedBy).toBe('signal');
    expect(result.epochs).toBe(1);
    expect(result.test).toBeUndefined();
  });

  it('leaves tf.memory().numTensors flat across 100 short trials', async () => {
    const iris = await loadPreparedData({ dataset: 'iris' }, 'mlp');
    const trial = (i: number) =>
      trainTemplate({ template: 'mlp', data: iris, params: { epochs: 1, hidden_layers: 1, units: 8, dropout: i % 2 ? 0.1 : 0, batch_norm: i % 3 === 0 }, seed: i });
    await trial(0);
    const before = tf.memory().numTensors;
    for (let i = 1; i <= 100; i++) await trial(i);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('fails with a clear error when a table is given to the cnn template', async () => {
    const iris = await loadPreparedData({ dataset: 'iris' }, 'mlp');
    await expect(trainTemplate({ template: 'cnn', data: iris, params: {} })).rejects.toThrow(/needs an image dataset/);
  });
});
