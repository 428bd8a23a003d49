import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './select-backend.ts';
import { conv2dBackpropFilterValues } from './wasm-kernels.ts';

/** dL/dfilter and dL/dx of sum(conv2d(x, f)²) on the current backend. */
function convGrads(x: tf.Tensor4D, f: tf.Tensor4D, strides: number, pad: 'same' | 'valid'): [Float32Array, Float32Array] {
  const [dx, df] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, strides, pad))))([x, f]);
  const out: [Float32Array, Float32Array] = [df!.dataSync() as Float32Array, dx!.dataSync() as Float32Array];
  tf.dispose([dx!, df!]);
  return out;
}

// Generous limit: the machine is shared and busy; these tests assert results, never durations.
describe('wasm training kernels', { timeout: 120_000 }, () => {
  it.each([
    [1, 'same'],
    [2, 'valid'],
  ] as const)('compute conv2d gradients like the CPU backend (stride %i, %s padding)', async (strides, pad) => {
    await tf.setBackend('cpu');
    const xValues = Float32Array.from({ length: 2 * 7 * 7 * 3 }, (_, i) => Math.sin(i));
    const fValues = Float32Array.from({ length: 3 * 3 * 3 * 4 }, (_, i) => Math.cos(i));
    const expected = convGrads(tf.tensor4d(xValues, [2, 7, 7, 3]), tf.tensor4d(fValues, [3, 3, 3, 4]), strides, pad);
    await selectBackend('wasm');
    expect(tf.getBackend()).toBe('wasm');
    const actual = convGrads(tf.tensor4d(xValues, [2, 7, 7, 3]), tf.tensor4d(fValues, [3, 3, 3, 4]), strides, pad);
    for (let part = 0; part < 2; part++) {
      expect(actual[part]!.length).toBe(expected[part]!.length);
      actual[part]!.forEach((v, i) => expect(v).toBeCloseTo(expected[part]![i]!, 3));
    }
  });

  it('computes the filter gradient with the direct loops used for very large inputs', async () => {
    await tf.setBackend('cpu');
    const x = tf.tensor4d(Float32Array.from({ length: 2 * 6 * 5 * 2 }, (_, i) => Math.sin(i)), [2, 6, 5, 2]);
    const f = tf.tensor4d(Float32Array.from({ length: 3 * 3 * 2 * 3 }, (_, i) => Math.cos(i)), [3, 3, 2, 3]);
    const dy = tf.onesLike(tf.conv2d(x, f, 2, 'same'));
    const expected = tf.grad((w: tf.Tensor) => tf.sum(tf.conv2d(x, w as tf.Tensor4D, 2, 'same')))(f).dataSync();
    const info = tf.backend_util.computeConv2DInfo([2, 6, 5, 2], [3, 3, 2, 3], 2, 1, 'same');
    const out = new Float32Array(3 * 3 * 2 * 3);
    conv2dBackpropFilterValues(x.dataSync() as Float32Array, x.shape, dy.dataSync() as Float32Array, info, out);
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
  });

  it('computes transposed matmuls like the CPU backend', async () => {
    const a = Float32Array.from({ length: 6 * 4 }, (_, i) => i / 7 - 1);
    const b = Float32Array.from({ length: 6 * 5 }, (_, i) => Math.sin(i));
    await tf.setBackend('cpu');
    const expected = tf.matMul(tf.tensor2d(a, [6, 4]), tf.tensor2d(b, [6, 5]), true, false).dataSync();
    const expectedB = tf.matMul(tf.tensor2d(b, [6, 5]), tf.tensor2d(b, [6, 5]), false, true).dataSync();
    await selectBackend('wasm');
    const actual = tf.matMul(tf.tensor2d(a, [6, 4]), tf.tensor2d(b, [6, 5]), true, false).dataSync();
    const actualB = tf.matMul(tf.tensor2d(b, [6, 5]), tf.tensor2d(b, [6, 5]), false, true).dataSync();
    actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
    actualB.forEach((v, i) => expect(v).toBeCloseTo(expectedB[i]!, 4));
  });

  it('fails with a message naming the backend when an explicit choice cannot load', async () => {
    await expect(selectBackend('tfjs-node')).rejects.toThrow('backend "tfjs-node" cannot be used: @tensorflow/tfjs-node is not installed on this host');
  });
});
