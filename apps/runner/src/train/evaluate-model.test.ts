import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.ts';
import { evaluateSavedModel } from './evaluate-model.ts';
import { loadPreparedData } from './prepare.ts';
import type { PreparedData } from './prepare.ts';
import { saveTemplateModel } from './save-model.ts';
import { trainTemplate } from './train.ts';

// Issue #19, item 6: a saved template model, loaded back with tf.loadLayersModel, gives on the test split exactly the
// figures of the model it was saved from. Generous limit: the machine is shared; no durations are asserted.
describe('evaluateSavedModel', { timeout: 120_000 }, () => {
  let dir: string;
  let iris: PreparedData;
  let digits: PreparedData;
  beforeAll(async () => {
    await selectBackend('cpu');
    dir = await mkdtemp(path.join(os.tmpdir(), 'tb-evaluate-model-'));
    iris = await loadPreparedData({ dataset: 'iris' }, 'mlp', { splitSeed: 0 });
    digits = await loadPreparedData({ dataset: 'digits' }, 'cnn', { splitSeed: 0 });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const trainAndSave = async (template: 'mlp' | 'cnn', data: PreparedData, params: Record<string, unknown>, folder: string) => {
    const result = await trainTemplate({
      template,
      data,
      params,
      seed: 3,
      onTrained: (model) => saveTemplateModel(model, path.join(dir, folder), { template, data }).then(() => undefined),
    });
    const files = { modelJson: await readFile(path.join(dir, folder, 'model.json')), weights: await readFile(path.join(dir, folder, 'weights.bin')) };
    return { result, files };
  };

  it('reproduces the trained mlp\'s test loss and accuracy from the saved files', async () => {
    const { result, files } = await trainAndSave('mlp', iris, { epochs: 20, units: 16, dropout: 0.2, learning_rate: 0.02 }, 'mlp');
    const figures = await evaluateSavedModel(files, iris);
    expect(figures.test_rows).toBe(iris.test.y.length);
    expect(figures.test_accuracy).toBeCloseTo(result.test!.test_accuracy, 10);
    expect(figures.test_loss).toBeCloseTo(result.test!.test_loss, 4);
    expect(figures.test_accuracy).toBeGreaterThan(0.5);
  });

  it('reproduces a cnn (its reshape and conv layers load too)', async () => {
    const { result, files } = await trainAndSave('cnn', digits, { epochs: 1, filters: 4, conv_blocks: 1, dense_units: 16, batch_norm: true }, 'cnn');
    const figures = await evaluateSavedModel(files, digits);
    expect(figures.test_accuracy).toBeCloseTo(result.test!.test_accuracy, 10);
    expect(figures.test_loss).toBeCloseTo(result.test!.test_loss, 4);
  });

  it('refuses a model whose input does not fit the dataset, and files that are not a layers model', async () => {
    const { files } = await trainAndSave('mlp', iris, { epochs: 1, units: 4 }, 'small');
    await expect(evaluateSavedModel(files, digits)).rejects.toThrow('the model takes 4 features, the dataset "digits" has 64');
    await expect(evaluateSavedModel({ modelJson: Buffer.from('{}'), weights: files.weights }, iris)).rejects.toThrow(/not a TensorFlow.js layers model/);
  });
});
