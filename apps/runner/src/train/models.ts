import * as tf from '@tensorflow/tfjs';
import type { TrainConfig } from './params.ts';
import type { Random } from './random.ts';
import { nextSeed } from './random.ts';

/**
 * Dropout whose mask changes every step yet is reproducible: tfjs's own Dropout layer with a `seed` draws the
 * *same* mask on every call, and without one it uses Math.random. Here each call takes a fresh seed from the
 * trial's seeded source.
 */
export class SeededDropout extends tf.layers.Layer {
  static className = 'TuneboardSeededDropout';
  constructor(
    readonly rate: number,
    private readonly random: Random,
  ) {
    super({});
  }
  /** The seed of the next training-time mask. */
  nextSeed(): number {
    return nextSeed(this.random);
  }
  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    if (!kwargs.training || this.rate === 0) return x;
    return tf.dropout(x, this.rate, undefined, this.nextSeed());
  }
  override computeOutputShape(shape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return shape;
  }
}

function initializer(activation: string, random: Random) {
  const seed = nextSeed(random);
  // He initialisation suits the ReLU family; Glorot the saturating ones.
  return activation === 'tanh' || activation === 'sigmoid'
    ? tf.initializers.glorotUniform({ seed })
    : tf.initializers.heNormal({ seed });
}

function hidden(model: tf.Sequential, config: TrainConfig, make: (args: { activation: 'linear' | TrainConfig['activation']; useBias: boolean }) => tf.layers.Layer): void {
  if (config.batchNorm) {
    // Bias is redundant before batch norm (its beta shifts the same way).
    model.add(make({ activation: 'linear', useBias: false }));
    model.add(tf.layers.batchNormalization({ momentum: 0.9 }));
    model.add(tf.layers.activation({ activation: config.activation }));
  } else {
    model.add(make({ activation: config.activation, useBias: true }));
  }
}

/** `mlp`: Dense → [BatchNorm] → activation → [Dropout] per hidden layer, then a linear layer of logits. */
export function buildMlp(config: TrainConfig, numFeatures: number, numClasses: number, random: Random): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape: [numFeatures] }));
  for (const units of config.hiddenUnits) {
    hidden(model, config, ({ activation, useBias }) =>
      tf.layers.dense({ units, activation, useBias, kernelInitializer: initializer(config.activation, random) }),
    );
    if (config.dropout > 0) model.add(new SeededDropout(config.dropout, random));
  }
  model.add(tf.layers.dense({ units: numClasses, kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed(random) }) }));
  return model;
}

/**
 * `cnn`: conv blocks (Conv2D same-padded → [BatchNorm] → activation → pool 2×2 while the image is at least 2×2),
 * then Flatten → [Dropout] → Dense head → [Dropout] → logits.
 */
export function buildCnn(
  config: TrainConfig,
  imageShape: [number, number, number],
  numClasses: number,
  random: Random,
): tf.Sequential {
  const model = tf.sequential();
  const [height, width, channels] = imageShape;
  model.add(tf.layers.inputLayer({ inputShape: [height * width * channels] }));
  model.add(tf.layers.reshape({ targetShape: imageShape }));
  let size = Math.min(height, width);
  for (const filters of config.convFilters) {
    hidden(model, config, ({ activation, useBias }) =>
      tf.layers.conv2d({
        filters,
        kernelSize: config.kernelSize,
        padding: 'same',
        activation,
        useBias,
        kernelInitializer: initializer(config.activation, random),
      }),
    );
    if (config.pooling !== 'none' && size >= 2) {
      model.add(config.pooling === 'max' ? tf.layers.maxPooling2d({ poolSize: 2 }) : tf.layers.averagePooling2d({ poolSize: 2 }));
      size = Math.floor(size / 2);
    }
  }
  model.add(tf.layers.flatten());
  if (config.denseUnits > 0) {
    if (config.dropout > 0) model.add(new SeededDropout(config.dropout, random));
    model.add(
      tf.layers.dense({ units: config.denseUnits, activation: config.activation, kernelInitializer: initializer(config.activation, random) }),
    );
  }
  if (config.dropout > 0) model.add(new SeededDropout(config.dropout, random));
  model.add(tf.layers.dense({ units: numClasses, kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed(random) }) }));
  return model;
}

/** Rate and seed source of one of our dropout layers, for `compileDenseStack`. */
export function seededDropoutOf(layer: tf.layers.Layer): { rate: number; seed: () => number } | undefined {
  return layer instanceof SeededDropout ? { rate: layer.rate, seed: () => layer.nextSeed() } : undefined;
}
