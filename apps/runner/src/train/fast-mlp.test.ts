import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.ts';
import { compileDenseStack } from './fast-mlp.ts';
import { buildMlp, seededDropoutOf } from './models.ts';
import { parseTrainParams } from './params.ts';
import { createRandom } from './random.ts';

beforeAll(async () => {
  await selectBackend('wasm');
}, 60_000);

function maxDifference(a: tf.Tensor[], b: tf.Tensor[]): number {
  return Math.max(...a.map((t, i) => tf.tidy(() => tf.max(tf.abs(tf.sub(t, b[i]!))).dataSync()[0]!)));
}

// Generous limit: the machine is shared and busy; these tests assert results, never durations.
describe('the hand-written dense-stack gradients', { timeout: 120_000 }, () => {
  it.each(['relu', 'tanh', 'sigmoid'])('equal the gradient tape through tfjs-layers (%s)', (activation) => {
    const config = parseTrainParams('mlp', { hidden_layers: 2, units: 12, activation });
    const model = buildMlp(config, 5, 3, createRandom(11));
    const stack = compileDenseStack(model, seededDropoutOf)!;
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const x = tf.randomNormal([7, 5], 0, 1, 'float32', 1);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0], 'int32'), 3).toFloat();
    const tape = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar, variables);
    const manual = stack.gradients(x, y);
    const tapeGrads = variables.map((v) => tape.grads[v.name]!);
    expect(manual.grads).toHaveLength(variables.length);
    expect(maxDifference(manual.grads, tapeGrads)).toBeLessThan(1e-5);
    tf.dispose([x, y, tape.value, manual.logits, ...manual.grads, ...tapeGrads]);
    model.dispose();
  });

  it('apply the same dropout masks as the forward pass under the tape', () => {
    const config = parseTrainParams('mlp', { hidden_layers: 2, units: 16, dropout: 0.5 });
    // Two identical models: same weights and the same stream of dropout seeds.
    const [a, b] = [buildMlp(config, 4, 2, createRandom(5)), buildMlp(config, 4, 2, createRandom(5))];
    const [stackA, stackB] = [compileDenseStack(a, seededDropoutOf)!, compileDenseStack(b, seededDropoutOf)!];
    const x = tf.randomNormal([6, 4], 0, 1, 'float32', 2);
    const y = tf.oneHot(tf.tensor1d([0, 1, 1, 0, 1, 0], 'int32'), 2).toFloat();
    const varsA = a.trainableWeights.map((w) => w.read() as tf.Variable);
    const tape = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, stackA.forward(x, true)) as tf.Scalar, varsA);
    const manual = stackB.gradients(x, y);
    const tapeGrads = varsA.map((v) => tape.grads[v.name]!);
    expect(maxDifference(manual.grads, tapeGrads)).toBeLessThan(1e-5);
    tf.dispose([x, y, tape.value, manual.logits, ...manual.grads, ...tapeGrads]);
    a.dispose();
    b.dispose();
  });

  it('is not used for layers it does not know, such as batch norm', () => {
    const model = buildMlp(parseTrainParams('mlp', { batch_norm: true }), 4, 2, createRandom(1));
    expect(compileDenseStack(model, seededDropoutOf)).toBeUndefined();
    model.dispose();
  });
});
