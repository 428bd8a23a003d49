import * as tf from '@tensorflow/tfjs';
import type { PreparedData } from './prepare.ts';
import { evaluate, evaluateAsync, readsAsynchronously } from './train.ts';

/** A saved template model's files as downloaded: `model.json` (topology and weights manifest) and its weights. */
export interface SavedModelFiles {
  modelJson: Uint8Array;
  weights: Uint8Array;
}

/** What "Evaluate on test" reports: one value each, on the held-out test split. */
export interface TestFigures {
  test_loss: number;
  test_accuracy: number;
  /** Rows of the test split. */
  test_rows: number;
}

/** Loads a saved model (`saveTemplateModel`'s layers format) with `tf.loadLayersModel`, as any TensorFlow.js user would. */
export async function loadSavedModel(files: SavedModelFiles): Promise<tf.LayersModel> {
  const json = JSON.parse(Buffer.from(files.modelJson).toString('utf8')) as {
    modelTopology?: object;
    weightsManifest?: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  if (!json.modelTopology || !Array.isArray(json.weightsManifest)) throw new Error('model.json is not a TensorFlow.js layers model (no modelTopology or weightsManifest)');
  const bytes = files.weights;
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((m) => m.weights), weightData }));
}

/**
 * Evaluates a saved model on the test split of `data` (the study's split and standardisation: the same source,
 * fractions and seed as its trials): mean cross-entropy of the logits and accuracy, computed as the training
 * computes validation figures. The model is freed before returning.
 */
export async function evaluateSavedModel(files: SavedModelFiles, data: PreparedData): Promise<TestFigures> {
  if (data.test.y.length === 0) throw new Error(`the test split of "${data.name}" is empty (split.test = 0?)`);
  const model = await loadSavedModel(files);
  try {
    const input = model.inputs[0]?.shape.at(-1);
    if (input !== data.numFeatures) throw new Error(`the model takes ${input} features, the dataset "${data.name}" has ${data.numFeatures}`);
    const forward = (x: tf.Tensor) => model.predict(x) as tf.Tensor;
    const figures = readsAsynchronously()
      ? await evaluateAsync(forward, data.test, data.numFeatures, data.numClasses)
      : evaluate(forward, data.test, data.numFeatures, data.numClasses);
    return { test_loss: figures.loss, test_accuracy: figures.accuracy, test_rows: data.test.y.length };
  } finally {
    model.dispose();
  }
}
