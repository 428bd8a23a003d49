import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { TemplateName } from '@tuneboard/contract';
import { SeededDropout } from './models.ts';
import type { PreparedData } from './prepare.ts';

/** The files a saved model is made of, relative to its folder. */
export const savedModelFiles = ['model.json', 'weights.bin', 'preprocessing.json'] as const;

/**
 * Saves a trained template model as TensorFlow.js's layers format (`model.json` + `weights.bin`, loadable with
 * `tf.loadLayersModel`) and `preprocessing.json`: the standardisation its inputs need, the class names and the
 * input shape. The runner's own dropout layer becomes tfjs's `Dropout` (the same at inference), so the model
 * loads anywhere without Tuneboard's classes. The model outputs logits: apply softmax for probabilities.
 */
export async function saveTemplateModel(model: tf.LayersModel, dir: string, info: { template: TemplateName; data: PreparedData }): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const topology = portableTopology(model, artifacts.modelTopology as Record<string, unknown>);
      const weights = artifacts.weightData;
      const data = Array.isArray(weights) ? Buffer.concat(weights.map((b) => Buffer.from(b))) : Buffer.from(weights ?? new ArrayBuffer(0));
      const json = {
        modelTopology: topology,
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: 'Tuneboard runner',
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
      };
      await writeFile(path.join(dir, 'model.json'), JSON.stringify(json));
      await writeFile(path.join(dir, 'weights.bin'), data);
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const { data } = info;
  await writeFile(
    path.join(dir, 'preprocessing.json'),
    JSON.stringify({
      template: info.template,
      dataset: data.name,
      inputShape: data.imageShape ?? [data.numFeatures],
      numFeatures: data.numFeatures,
      classNames: data.classNames,
      output: 'logits',
      standardize: data.scaler ? { mean: Array.from(data.scaler.mean), std: Array.from(data.scaler.std) } : null,
    }),
  );
  return [...savedModelFiles];
}

/** The topology with each SeededDropout layer written as tfjs's Dropout of the same rate. */
function portableTopology(model: tf.LayersModel, topology: Record<string, unknown>): Record<string, unknown> {
  const config = topology.config as { layers?: { class_name: string; config: Record<string, unknown> }[] } | undefined;
  const layers = config?.layers;
  if (!layers) return topology;
  return {
    ...topology,
    config: {
      ...config,
      layers: layers.map((layer, i) => {
        const live = model.layers[i];
        if (layer.class_name !== SeededDropout.className || !(live instanceof SeededDropout)) return layer;
        return { class_name: 'Dropout', config: { name: layer.config.name, trainable: true, dtype: 'float32', rate: live.rate } };
      }),
    },
  };
}
