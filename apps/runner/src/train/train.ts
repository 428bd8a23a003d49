import * as tf from '@tensorflow/tfjs';
import { currentBackend } from '../backend/select-backend.ts';
import type { TemplateName } from '@tuneboard/contract';
import { compileDenseStack } from './fast-mlp.ts';
import type { ForwardFunction } from './fast-mlp.ts';
import { buildCnn, buildMlp, seededDropoutOf } from './models.ts';
import { createUpdater } from './optimizer.ts';
import { parseTrainParams } from './params.ts';
import type { TrainConfig } from './params.ts';
import { createRandom, shuffleInPlace } from './random.ts';
import type { PreparedData, Split } from './prepare.ts';

/** What one epoch reports. Loss is the cross-entropy (the L2 penalty is not included). */
export interface EpochMetrics {
  loss: number;
  accuracy: number;
  val_loss: number;
  val_accuracy: number;
  /** Wall time of the epoch, training and validation. */
  epoch_seconds: number;
  /** Training samples per second of the epoch's training part. */
  samples_per_second: number;
}

export interface TestMetrics {
  test_loss: number;
  test_accuracy: number;
}

/** `'stop'` ends training after this epoch (pruning, shutdown); anything else continues. */
export type EpochDecision = 'continue' | 'stop' | void;

export interface TrainTemplateOptions {
  template: TemplateName;
  data: PreparedData;
  /** The trial's parameter record (see params.ts for names and defaults). */
  params: Record<string, unknown>;
  /** Seeds initial weights, shuffling and dropout. */
  seed?: number;
  /** Called after every epoch with the 1-based epoch number. */
  onEpoch?: (step: number, metrics: EpochMetrics) => EpochDecision | Promise<EpochDecision>;
  /** Aborting stops within one batch. */
  signal?: AbortSignal;
  /** tfjs's own optimisers (for tfjs-node/-gpu) instead of the fused JavaScript update. Defaults to the backend's. */
  native?: boolean;
  /**
   * Read results asynchronously (the epoch's logits once it ends, evaluation with `data()`), as a GPU backend
   * needs. Defaults to true on `webgpu`, whose tensors cannot be read synchronously under Node.
   */
  asyncReads?: boolean;
  /**
   * Evaluate the final model on the test split (default true). The runner's trials leave it false: the test split
   * is read only on demand, by "Evaluate on test" of a saved model (`evaluate-model.ts`), never while a study runs.
   */
  evaluateTest?: boolean;
  /** Called with the trained model when every epoch ran (not pruned or stopped), before it is freed: to save it. */
  onTrained?: (model: tf.LayersModel) => Promise<void>;
}

export interface TrainTemplateResult {
  config: TrainConfig;
  /** Why training ended: all epochs done, `onEpoch` said stop, or the signal aborted. */
  stoppedBy: 'completed' | 'callback' | 'signal';
  /** Epochs completed. */
  epochs: number;
  history: EpochMetrics[];
  /** Metrics of the last completed epoch: the trained model's. */
  last?: EpochMetrics;
  /** Computed once, on the final model, unless the signal aborted or `evaluateTest` is false. Never used for selection. */
  test?: TestMetrics;
  numParameters: number;
  trainSeconds: number;
}

// Yield to the event loop this often so an abort, a timer or an incoming message can run mid-epoch.
const yieldEveryMs = 10;
// Rows per forward pass when evaluating: large enough to amortise per-op overhead, small enough for mnist.
const evalChunkRows = 1024;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The gradient of the mean softmax cross-entropy, (softmax(logits) − onehot)/n, as one custom op: 3 kernels
 * instead of tfjs's ~15. Its forward value is a placeholder; the loss itself is computed from the logits in
 * JavaScript (float64), which the step reads anyway for accuracy.
 */
function crossEntropyGradient(logits: tf.Tensor, onehot: tf.Tensor): tf.Scalar {
  const n = logits.shape[0]!;
  const op = tf.customGrad(((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, save] = args as [tf.Tensor, tf.GradSaveFunc];
    save([input]);
    return {
      value: tf.scalar(0),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => [
        tf.mul(tf.sub(tf.softmax(saved[0]!), onehot), tf.div(dy as tf.Tensor, n)),
      ],
    };
  }) as Parameters<typeof tf.customGrad>[0]);
  return (op as (t: tf.Tensor) => tf.Scalar)(logits);
}

/** Adds the batch's summed cross-entropy and correct count from its logits. */
function scoreLogits(logits: ArrayLike<number>, labels: Int32Array, order: Int32Array | undefined, start: number, count: number, numClasses: number, into: { loss: number; correct: number }): void {
  for (let i = 0; i < count; i++) {
    const label = labels[order ? order[start + i]! : start + i]!;
    const base = i * numClasses;
    let max = -Infinity;
    let argMax = 0;
    for (let c = 0; c < numClasses; c++) {
      const v = logits[base + c]!;
      if (v > max) [max, argMax] = [v, c];
    }
    let sum = 0;
    for (let c = 0; c < numClasses; c++) sum += Math.exp(logits[base + c]! - max);
    into.loss += Math.log(sum) - (logits[base + label]! - max);
    if (argMax === label) into.correct++;
  }
}

function oneHot(labels: Int32Array, start: number, count: number, order: Int32Array | undefined, numClasses: number): Float32Array {
  const out = new Float32Array(count * numClasses);
  for (let i = 0; i < count; i++) out[i * numClasses + labels[order ? order[start + i]! : start + i]!] = 1;
  return out;
}

function gatherBatch(x: Float32Array, numFeatures: number, order: Int32Array, start: number, count: number): Float32Array {
  const out = new Float32Array(count * numFeatures);
  for (let i = 0; i < count; i++) {
    const row = order[start + i]!;
    out.set(x.subarray(row * numFeatures, (row + 1) * numFeatures), i * numFeatures);
  }
  return out;
}

/** Whether the current backend's tensors must be read asynchronously (WebGPU's, under Node). */
export function readsAsynchronously(): boolean {
  return tf.getBackend() === 'webgpu';
}

/** Mean cross-entropy and accuracy on a split, computed from the logits in float64. */
export function evaluate(forward: ForwardFunction, split: Split, numFeatures: number, numClasses: number): { loss: number; accuracy: number } {
  const rows = split.y.length;
  if (rows === 0) return { loss: Number.NaN, accuracy: Number.NaN };
  const totals = { loss: 0, correct: 0 };
  for (let start = 0; start < rows; start += evalChunkRows) {
    const count = Math.min(evalChunkRows, rows - start);
    const logits = tf.tidy(() => {
      const x = tf.tensor2d(split.x.subarray(start * numFeatures, (start + count) * numFeatures), [count, numFeatures]);
      return forward(x, false).dataSync();
    });
    scoreLogits(logits, split.y, undefined, start, count, numClasses, totals);
  }
  return { loss: totals.loss / rows, accuracy: totals.correct / rows };
}

/**
 * {@link evaluate} for a backend whose tensors live on a GPU (webgpu): tfjs's WebGPU backend cannot read GPU
 * memory synchronously under Node (its `dataSync` needs an OffscreenCanvas), so each chunk is read with `data()`.
 */
export async function evaluateAsync(forward: ForwardFunction, split: Split, numFeatures: number, numClasses: number): Promise<{ loss: number; accuracy: number }> {
  const rows = split.y.length;
  if (rows === 0) return { loss: Number.NaN, accuracy: Number.NaN };
  const totals = { loss: 0, correct: 0 };
  for (let start = 0; start < rows; start += evalChunkRows) {
    const count = Math.min(evalChunkRows, rows - start);
    const out = tf.tidy(() => forward(tf.tensor2d(split.x.subarray(start * numFeatures, (start + count) * numFeatures), [count, numFeatures]), false));
    const logits = await out.data();
    out.dispose();
    scoreLogits(logits as Float32Array, split.y, undefined, start, count, numClasses, totals);
  }
  return { loss: totals.loss / rows, accuracy: totals.correct / rows };
}

/**
 * Trains a template model with a custom training step (`tf.variableGrads` on a tidy'd loss, fused matmuls,
 * closed-form cross-entropy gradient, fused JavaScript optimiser update on CPU backends). Frees every tensor it
 * made before returning, also on errors.
 */
export async function trainTemplate(options: TrainTemplateOptions): Promise<TrainTemplateResult> {
  const { template, data, signal, onEpoch } = options;
  const config = parseTrainParams(template, options.params);
  const seed = options.seed ?? 0;
  const random = createRandom(seed);
  const shuffleRandom = createRandom(seed ^ 0x5bd1e995);
  const native = options.native ?? currentBackend()?.native ?? false;
  const { numFeatures, numClasses, train } = data;
  if (template === 'cnn' && !data.imageShape) {
    throw new Error(`template cnn needs an image dataset (digits, mnist); "${data.name}" has no image shape`);
  }
  const trainRows = train.y.length;
  if (trainRows === 0) throw new Error('the training split is empty');
  const batchSize = Math.min(config.batchSize, trainRows);

  const model =
    template === 'mlp'
      ? buildMlp(config, numFeatures, numClasses, random)
      : buildCnn(config, data.imageShape!, numClasses, random);
  const stack = compileDenseStack(model, seededDropoutOf);
  const forward: ForwardFunction = stack?.forward ?? ((x, training) => model.apply(x, { training }) as tf.Tensor);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const decayed = model.trainableWeights.map((w) => /kernel$/.test(w.originalName));
  const updater = createUpdater(
    { name: config.optimizer, learningRate: config.learningRate, momentum: config.momentum, l2: config.l2 },
    variables,
    decayed,
    native,
  );
  const history: EpochMetrics[] = [];
  let stoppedBy: TrainTemplateResult['stoppedBy'] = 'completed';
  let test: TestMetrics | undefined;
  const trainStart = performance.now();
  const order = Int32Array.from({ length: trainRows }, (_, i) => i);
  const gpuResident = options.asyncReads ?? readsAsynchronously();
  const pendingLogits: { logits: tf.Tensor; start: number; count: number }[] = [];
  try {
    epochs: for (let epoch = 1; epoch <= config.epochs; epoch++) {
      const epochStart = performance.now();
      shuffleInPlace(order, shuffleRandom);
      const totals = { loss: 0, correct: 0 };
      let lastYield = performance.now();
      for (let start = 0; start < trainRows; start += batchSize) {
        if (signal?.aborted) {
          stoppedBy = 'signal';
          break epochs;
        }
        const count = Math.min(batchSize, trainRows - start);
        const xb = tf.tensor2d(gatherBatch(train.x, numFeatures, order, start, count), [count, numFeatures]);
        const yb = tf.tensor2d(oneHot(train.y, start, count, order, numClasses), [count, numClasses]);
        let logits: tf.Tensor;
        let grads: tf.Tensor[];
        if (stack) {
          ({ logits, grads } = stack.gradients(xb, yb));
        } else {
          let kept: tf.Tensor | undefined;
          const result = tf.variableGrads(() => {
            const out = forward(xb, true);
            kept = tf.keep(out);
            return crossEntropyGradient(out, yb);
          }, variables);
          logits = kept!;
          grads = variables.map((v) => result.grads[v.name]!);
          result.value.dispose();
        }
        updater.apply(grads);
        if (gpuResident) {
          // On the GPU a read per step would wait for the queue to drain each time: the epoch's logits are kept
          // (rows × classes floats) and scored once it ends.
          pendingLogits.push({ logits, start, count });
          tf.dispose([xb, yb, ...grads]);
        } else {
          // Reading the logits every step is cheap on CPU backends and on tfjs-node (eager, synchronous).
          scoreLogits(logits.dataSync(), train.y, order, start, count, numClasses, totals);
          tf.dispose([xb, yb, logits, ...grads]);
        }
        if (performance.now() - lastYield > yieldEveryMs) {
          await yieldToEventLoop();
          lastYield = performance.now();
        }
      }
      for (const pending of pendingLogits.splice(0)) {
        scoreLogits((await pending.logits.data()) as Float32Array, train.y, order, pending.start, pending.count, numClasses, totals);
        pending.logits.dispose();
      }
      // Includes the GPU finishing the epoch's queued work (the reads above wait for it).
      const trainSeconds = (performance.now() - epochStart) / 1000;
      const val = gpuResident ? await evaluateAsync(forward, data.validation, numFeatures, numClasses) : evaluate(forward, data.validation, numFeatures, numClasses);
      const metrics: EpochMetrics = {
        loss: totals.loss / trainRows,
        accuracy: totals.correct / trainRows,
        val_loss: val.loss,
        val_accuracy: val.accuracy,
        epoch_seconds: (performance.now() - epochStart) / 1000,
        samples_per_second: trainRows / Math.max(trainSeconds, 1e-9),
      };
      history.push(metrics);
      const decision = await onEpoch?.(epoch, metrics);
      if (signal?.aborted) {
        stoppedBy = 'signal';
        break;
      }
      if (decision === 'stop' && epoch < config.epochs) {
        stoppedBy = 'callback';
        break;
      }
    }
    if ((options.evaluateTest ?? true) && stoppedBy !== 'signal' && history.length > 0 && data.test.y.length > 0) {
      const t = gpuResident ? await evaluateAsync(forward, data.test, numFeatures, numClasses) : evaluate(forward, data.test, numFeatures, numClasses);
      test = { test_loss: t.loss, test_accuracy: t.accuracy };
    }
    if (stoppedBy === 'completed' && history.length > 0) await options.onTrained?.(model);
    return {
      config,
      stoppedBy,
      epochs: history.length,
      history,
      last: history.at(-1),
      test,
      numParameters: model.countParams(),
      trainSeconds: (performance.now() - trainStart) / 1000,
    };
  } finally {
    tf.dispose(pendingLogits.map((pending) => pending.logits));
    updater.dispose();
    model.dispose();
  }
}
