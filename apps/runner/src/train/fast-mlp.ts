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

type Step = { kind: 'dense'; kernel: tf.LayerVariable; bias?: tf.LayerVariable; activation: Activation } | { kind: 'dropout'; rate: number; seed: () => number };

export type ForwardFunction = (x: tf.Tensor, training: boolean) => tf.Tensor;

export interface DenseStack {
  forward: ForwardFunction;
  /**
   * One training step's gradients, computed by hand without the gradient tape: for each Dense layer from the
   * top, dz = dL/dout ⊙ act′(out), dW = inᵀ·dz, db = Σ dz, dL/din = dz·Wᵀ (⊙ the dropout mask below it).
   * Returns the logits and the gradients in `model.trainableWeights` order (kernel, bias per layer).
   * ~18 kernels and no tape bookkeeping for the bench MLP, against ~32 kernels plus the tape with customGrad.
   */
  gradients(x: tf.Tensor, onehot: tf.Tensor): { logits: tf.Tensor; grads: tf.Tensor[] };
}

/** Dropout's keep mask scaled by 1/(1 − rate), from a seed: the same values tf.dropout would multiply by. */
function dropoutMask(shape: number[], rate: number, seed: number): tf.Tensor {
  return tf.tidy(() => tf.div(tf.floor(tf.add(tf.randomUniform(shape, 0, 1, 'float32', seed), 1 - rate)), 1 - rate));
}

/**
 * A faster forward function and hand-written gradients for a Sequential of Dense layers
 * (linear/relu/sigmoid/tanh) and our seeded dropout, or undefined when the model has any other layer
 * (batch norm, conv, …), which then runs through `model.apply` and the gradient tape.
 */
export function compileDenseStack(
  model: tf.Sequential,
  dropout: (layer: tf.layers.Layer) => { rate: number; seed: () => number } | undefined,
): DenseStack | undefined {
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
    const drop = dropout(layer);
    if (!drop) return undefined;
    steps.push({ kind: 'dropout', ...drop });
  }
  const forward: ForwardFunction = (x, training) => {
    let h = x;
    let first = true;
    for (const step of steps) {
      if (step.kind === 'dropout') {
        if (training && step.rate > 0) h = tf.mul(h, dropoutMask(h.shape, step.rate, step.seed()));
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
  const gradients = (x: tf.Tensor, onehot: tf.Tensor) => {
    let logits: tf.Tensor | undefined;
    const grads = tf.tidy(() => {
      // Forward, keeping each dense layer's input and output and each dropout mask.
      const records: { step: Extract<Step, { kind: 'dense' }>; input: tf.Tensor; output: tf.Tensor; maskBelow?: tf.Tensor }[] = [];
      let h = x;
      let pendingMask: tf.Tensor | undefined;
      for (const step of steps) {
        if (step.kind === 'dropout') {
          if (step.rate > 0) {
            const mask = dropoutMask(h.shape, step.rate, step.seed());
            h = tf.mul(h, mask);
            pendingMask = pendingMask ? tf.mul(pendingMask, mask) : mask;
          }
          continue;
        }
        const output = fusedMatMul2d(h, step.kernel.read(), step.bias?.read(), fusable.has(step.activation) ? step.activation : 'linear');
        const activated = fusable.has(step.activation) ? output : activate(output, step.activation);
        records.push({ step, input: h, output: activated, maskBelow: pendingMask });
        pendingMask = undefined;
        h = activated;
      }
      logits = tf.keep(h);
      // Mean softmax cross-entropy: dL/dlogits = (softmax − onehot)/n.
      let upstream = tf.mul(tf.sub(tf.softmax(h), onehot), 1 / h.shape[0]!);
      const out: tf.Tensor[] = [];
      for (let i = records.length - 1; i >= 0; i--) {
        const { step, input, output, maskBelow } = records[i]!;
        const dz = activationGrad(upstream, output, step.activation);
        const layerGrads = [tf.matMul(input, dz, true, false)];
        if (step.bias) layerGrads.push(tf.sum(dz, 0));
        out.unshift(...layerGrads);
        if (i > 0) {
          upstream = tf.matMul(dz, step.kernel.read(), false, true);
          if (maskBelow) upstream = tf.mul(upstream, maskBelow);
        }
      }
      return out;
    });
    return { logits: logits!, grads };
  };
  return { forward, gradients };
}
