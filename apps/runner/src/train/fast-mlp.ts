import * as tf from '@tensorflow/tfjs';

// tfjs-layers runs a Dense layer under the gradient tape as matmul + add + activation plus ~10 bookkeeping
// kernels (Identity, Reshape, Cast) and its backward as ~15 more; at a 64-row batch every kernel costs tens of µs
// of dispatch, far more than the arithmetic. For stacks of Dense (+ our dropout) layers we run the same weights
// through one custom-gradient op per layer: forward one fused matmul kernel, backward 4–5 kernels.
// Measured on the 64-128-128-10 bench MLP, wasm backend: 84 kernels per step via model.apply, ~25 this way.

type Activation = 'linear' | 'relu' | 'sigmoid' | 'tanh';
const supported = new Set<string>(['linear', 'relu', 'sigmoid', 'tanh']);
// Activations the fused matmul kernel applies itself on every CPU backend.
const fusable = new Set<string>(['linear', 'relu', 'sigmoid']);

function activate(z: tf.Tensor, activation: Activation): tf.Tensor {
  return activation === 'tanh' ? tf.tanh(z) : z;
}

/** dL/dz from dL/dout and the layer's output, for each activation (no recomputation of z needed). */
function activationGrad(dy: tf.Tensor, out: tf.Tensor, activation: Activation): tf.Tensor {
  switch (activation) {
    case 'linear':
      return dy;
    case 'relu':
      return tf.mul(dy, tf.step(out));
    case 'sigmoid':
      return tf.mul(dy, tf.mul(out, tf.sub(1, out)));
    case 'tanh':
      return tf.mul(dy, tf.sub(1, tf.square(out)));
  }
}

/** x·w + b with a fused activation, as one kernel. */
function fusedMatMul2d(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor | undefined, activation: string): tf.Tensor {
  const backendName = tf.getBackend();
  const kernel = backendName === 'wasm' || backendName === 'cpu' ? tf.getKernel('_FusedMatMul', backendName) : undefined;
  if (!kernel) return tf.fused.matMul({ a: x as tf.Tensor2D, b: w as tf.Tensor2D, bias: b, activation: activation as 'relu' });
  const [m, k] = x.shape as [number, number];
  const n = w.shape[1]!;
  // Calling the backend kernel directly skips the op's 3-D reshapes (one dispatch each); the wasm kernel wants
  // batch-of-one 3-D operands, which are the same memory under another shape.
  const inputs: Record<string, tf.TensorInfo> = {
    a: { dataId: x.dataId, shape: [1, m, k], dtype: 'float32' },
    b: { dataId: w.dataId, shape: [1, k, n], dtype: 'float32' },
  };
  if (b) inputs.bias = b;
  const out = kernel.kernelFunc({
    inputs,
    backend: tf.backend(),
    attrs: { transposeA: false, transposeB: false, activation },
  }) as tf.TensorInfo;
  return tf.engine().makeTensorFromTensorInfo({ dataId: out.dataId, shape: [m, n], dtype: out.dtype });
}

function forward(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor | undefined, activation: Activation): tf.Tensor {
  const kernelActivation = fusable.has(activation) ? activation : 'linear';
  // Called inside customGrad's forward, where nothing is taped, so the fused kernel can run directly.
  const z = fusedMatMul2d(x, w, b, kernelActivation);
  if (kernelActivation === activation) return z;
  const out = activate(z, activation);
  z.dispose();
  return out;
}

function denseOp(activation: Activation, withBias: boolean, needInputGrad: boolean, x: tf.Tensor) {
  // With needInputGrad false (first layer) x is captured, so the backward pass skips dL/dx entirely.
  return tf.customGrad(((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args.at(-1) as tf.GradSaveFunc;
    const tensors = args.slice(0, -1) as tf.Tensor[];
    const [input, w, b] = needInputGrad ? tensors : [x, ...tensors];
    const out = forward(input!, w!, withBias ? b : undefined, activation);
    save([input!, w!, out]);
    return {
      value: out,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [xs, ws, outs] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
        const dz = activationGrad(dy as tf.Tensor, outs, activation);
        const grads: tf.Tensor[] = [];
        if (needInputGrad) grads.push(tf.matMul(dz, ws, false, true));
        grads.push(tf.matMul(xs, dz, true, false));
        if (withBias) grads.push(tf.sum(dz, 0));
        return grads;
      },
    };
  }) as Parameters<typeof tf.customGrad>[0]);
}

type Step = { kind: 'dense'; kernel: tf.LayerVariable; bias?: tf.LayerVariable; activation: Activation } | { kind: 'dropout'; apply: (x: tf.Tensor) => tf.Tensor };

export type ForwardFunction = (x: tf.Tensor, training: boolean) => tf.Tensor;

/**
 * A faster forward function for a Sequential of Dense layers (linear/relu/sigmoid/tanh) and our seeded dropout,
 * or undefined when the model has any other layer (batch norm, conv, …), which then runs through `model.apply`.
 */
export function compileDenseStack(model: tf.Sequential, dropout: (layer: tf.layers.Layer) => ((x: tf.Tensor) => tf.Tensor) | undefined): ForwardFunction | undefined {
  const steps: Step[] = [];
  for (const layer of model.layers) {
    const className = layer.getClassName();
    if (className === 'InputLayer') continue;
    if (className === 'Dense') {
      const config = layer.getConfig() as { activation?: string; useBias?: boolean };
      const activation = config.activation ?? 'linear';
      if (!supported.has(activation)) return undefined;
      const [kernel, bias] = layer.trainableWeights;
      if (!kernel || (config.useBias && !bias)) return undefined;
      steps.push({ kind: 'dense', kernel, bias: config.useBias ? bias : undefined, activation: activation as Activation });
      continue;
    }
    const apply = dropout(layer);
    if (!apply) return undefined;
    steps.push({ kind: 'dropout', apply });
  }
  return (x, training) => {
    let h = x;
    let first = true;
    for (const step of steps) {
      if (step.kind === 'dropout') {
        if (training) h = step.apply(h);
        continue;
      }
      const w = step.kernel.read();
      const b = step.bias?.read();
      const op = denseOp(step.activation, b !== undefined, !first, h);
      const inputs = first ? [w] : [h, w];
      if (b) inputs.push(b);
      h = (op as (...t: tf.Tensor[]) => tf.Tensor)(...inputs);
      first = false;
    }
    return h;
  };
}
