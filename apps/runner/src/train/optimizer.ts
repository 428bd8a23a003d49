import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from './params.ts';

export interface OptimizerSettings {
  name: OptimizerName;
  learningRate: number;
  /** sgd only: heavy-ball momentum (0 = plain SGD). */
  momentum: number;
  /** L2 penalty coefficient on kernels: adds 2·l2·w to their gradient (the gradient of l2·Σw²). */
  l2: number;
}

/** Updates the trainable variables from their gradients, in the variables' order. */
export interface ParameterUpdater {
  apply(grads: tf.Tensor[]): void;
  dispose(): void;
}

// tfjs's optimisers run ~10 kernels per variable per step (Adam: 620 µs for one 64×128 variable on wasm here),
// which dominates a small model's step. On the CPU backends the update is one JavaScript loop over the
// variable's memory instead. tfjs's Adam/Momentum/RMSProp defaults are kept (beta 0.9/0.999, eps 1e-7, rho 0.9).
const beta1 = 0.9;
const beta2 = 0.999;
const rho = 0.9;
const epsilon = 1e-7;

interface WasmInternals {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(info: { shape: number[]; dtype: tf.DataType; dataId: object }): Float32Array;
}
interface CpuInternals {
  data: { get(dataId: object): { values: unknown; refCount: number } | undefined };
}

/**
 * The variable's own float32 memory when it is safe to update in place: CPU backend, sole owner. Not on wasm:
 * XNNPACK there caches matmul/conv operators with the weights pre-packed, keyed by the tensor, and only drops
 * the cache when the tensor is disposed, so an in-place write would leave the forward pass on stale weights.
 */
function ownedMemory(t: tf.Tensor): Float32Array | undefined {
  if (t.dtype !== 'float32' || tf.getBackend() !== 'cpu') return undefined;
  const entry = (tf.backend() as unknown as CpuInternals).data.get(t.dataId);
  if (entry?.refCount !== 1 || !(entry.values instanceof Float32Array)) return undefined;
  return entry.values;
}

/** An uninitialised float32 tensor's memory on the wasm backend, or undefined on other backends. */
function newWasmTensor(shape: number[]): tf.TensorInfo | undefined {
  if (tf.getBackend() !== 'wasm') return undefined;
  return (tf.backend() as unknown as WasmInternals).makeOutput(shape, 'float32');
}

/** Read access without a copy where the backend allows it. */
function readMemory(t: tf.Tensor): Float32Array {
  const name = tf.getBackend();
  const backend = tf.backend() as unknown;
  if (name === 'wasm' && t.dtype === 'float32') return (backend as WasmInternals).typedArrayFromHeap(t);
  if (name === 'cpu') {
    const values = (backend as CpuInternals).data.get(t.dataId)?.values;
    if (values instanceof Float32Array) return values;
  }
  return t.dataSync() as Float32Array;
}

class JsUpdater implements ParameterUpdater {
  private step = 0;
  private readonly first: Float32Array[];
  private readonly second: Float32Array[];

  constructor(
    private readonly settings: OptimizerSettings,
    private readonly variables: tf.Variable[],
    private readonly decayed: boolean[],
  ) {
    this.first = variables.map((v) => new Float32Array(v.size));
    this.second = settings.name === 'sgd' ? [] : variables.map((v) => new Float32Array(v.size));
  }

  apply(grads: tf.Tensor[]): void {
    this.step++;
    const { name, learningRate, momentum, l2 } = this.settings;
    const correction = name === 'adam' ? (learningRate * Math.sqrt(1 - beta2 ** this.step)) / (1 - beta1 ** this.step) : 0;
    this.variables.forEach((variable, i) => {
      const grad = grads[i]!;
      const owned = ownedMemory(variable);
      // On wasm the new values are written straight into a fresh heap tensor (no JS array, no copy). It is
      // allocated first: allocating can grow the heap, which detaches views taken earlier.
      const fresh = owned ? undefined : newWasmTensor(variable.shape);
      const w = owned ?? readMemory(variable);
      const out = owned ?? (fresh ? (tf.backend() as unknown as WasmInternals).typedArrayFromHeap(fresh) : new Float32Array(w.length));
      const g = readMemory(grad);
      const decay = this.decayed[i] ? 2 * l2 : 0;
      const m = this.first[i]!;
      const n = w.length;
      if (name === 'adam') {
        const v = this.second[i]!;
        for (let k = 0; k < n; k++) {
          const gk = g[k]! + decay * w[k]!;
          const mk = beta1 * m[k]! + (1 - beta1) * gk;
          const vk = beta2 * v[k]! + (1 - beta2) * gk * gk;
          m[k] = mk;
          v[k] = vk;
          out[k] = w[k]! - (correction * mk) / (Math.sqrt(vk) + epsilon);
        }
      } else if (name === 'rmsprop') {
        const ms = this.second[i]!;
        for (let k = 0; k < n; k++) {
          const gk = g[k]! + decay * w[k]!;
          const s = rho * ms[k]! + (1 - rho) * gk * gk;
          ms[k] = s;
          out[k] = w[k]! - (learningRate * gk) / Math.sqrt(s + epsilon);
        }
      } else {
        for (let k = 0; k < n; k++) {
          const gk = g[k]! + decay * w[k]!;
          const a = momentum * m[k]! + gk;
          m[k] = a;
          out[k] = w[k]! - learningRate * a;
        }
      }
      if (!owned) {
        const next = fresh ? tf.engine().makeTensorFromTensorInfo(fresh) : tf.tensor(out, variable.shape, 'float32');
        variable.assign(next);
        next.dispose();
      }
    });
  }

  dispose(): void {
    // State lives in JavaScript arrays: nothing to free on the backend.
  }
}

/** Native backends (tfjs-node/-gpu) keep tfjs's optimisers: their kernels are fast and state stays on device. */
class TfUpdater implements ParameterUpdater {
  private readonly optimizer: tf.Optimizer;
  constructor(
    private readonly settings: OptimizerSettings,
    private readonly variables: tf.Variable[],
    private readonly decayed: boolean[],
  ) {
    const { name, learningRate, momentum } = settings;
    this.optimizer =
      name === 'adam'
        ? tf.train.adam(learningRate, beta1, beta2, epsilon)
        : name === 'rmsprop'
          ? tf.train.rmsprop(learningRate, rho, 0, epsilon)
          : momentum > 0
            ? tf.train.momentum(learningRate, momentum)
            : tf.train.sgd(learningRate);
  }
  apply(grads: tf.Tensor[]): void {
    const l2 = this.settings.l2;
    tf.tidy(() => {
      const named: tf.NamedTensorMap = {};
      this.variables.forEach((v, i) => {
        const g = grads[i]!;
        named[v.name] = this.decayed[i] && l2 > 0 ? tf.add(g, tf.mul(v, 2 * l2)) : g;
      });
      this.optimizer.applyGradients(named);
    });
  }
  dispose(): void {
    this.optimizer.dispose();
  }
}

/**
 * The optimiser for a trial. `native` picks tfjs's optimisers (tfjs-node/-gpu); otherwise the fused JavaScript
 * update. `decayed[i]` says whether variable i takes the L2 penalty (kernels, not biases or batch-norm terms).
 */
export function createUpdater(settings: OptimizerSettings, variables: tf.Variable[], decayed: boolean[], native: boolean): ParameterUpdater {
  return native ? new TfUpdater(settings, variables, decayed) : new JsUpdater(settings, variables, decayed);
}
