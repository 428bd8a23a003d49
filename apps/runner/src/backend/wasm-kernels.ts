import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';

// The tfjs WebAssembly backend (4.22) lacks Conv2DBackpropFilter (tfjs issue #8474), so training any conv layer
// there throws. We register our own kernel for it, plus a faster BatchMatMul for transposed operands.

/** The part of tfjs's BackendWasm we rely on; it is not exported as a type. */
interface WasmBackend {
  makeOutput(shape: number[], dtype: tf.DataType): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
  disposeData(dataId: object, force?: boolean): boolean;
}

type Conv2DBackpropFilterAttrs = {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
};

/**
 * dW[fr, fc, ic, oc] = Σ_b,yr,yc x[b, yr·sh − top + fr, yc·sw − left + fc, ic] · dy[b, yr, yc, oc], channels last.
 * Plain loops over the wasm heap, innermost over output channels (contiguous in both dy and dW). Exported for
 * the test that compares it with the CPU backend's kernel; used when the im2col patches would be too large.
 */
export function conv2dBackpropFilterValues(
  x: Float32Array,
  xShape: readonly number[],
  dy: Float32Array,
  info: tf.backend_util.Conv2DInfo,
  out: Float32Array,
): void {
  const [, inHeight, inWidth, inChannels] = xShape as [number, number, number, number];
  const { batchSize, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { dilationHeight, dilationWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  out.fill(0);
  const xRow = inWidth * inChannels;
  const xBatch = inHeight * xRow;
  const outFc = inChannels * outChannels;
  const outFr = filterWidth * outFc;
  for (let b = 0; b < batchSize; b++) {
    for (let yr = 0; yr < outHeight; yr++) {
      for (let yc = 0; yc < outWidth; yc++) {
        const dyBase = ((b * outHeight + yr) * outWidth + yc) * outChannels;
        for (let fr = 0; fr < filterHeight; fr++) {
          const xr = yr * strideHeight - top + fr * dilationHeight;
          if (xr < 0 || xr >= inHeight) continue;
          for (let fc = 0; fc < filterWidth; fc++) {
            const xc = yc * strideWidth - left + fc * dilationWidth;
            if (xc < 0 || xc >= inWidth) continue;
            const xBase = b * xBatch + xr * xRow + xc * inChannels;
            const outBase = fr * outFr + fc * outFc;
            for (let ic = 0; ic < inChannels; ic++) {
              const xv = x[xBase + ic]!;
              if (xv === 0) continue;
              const o = outBase + ic * outChannels;
              for (let oc = 0; oc < outChannels; oc++) out[o + oc]! += xv * dy[dyBase + oc]!;
            }
          }
        }
      }
    }
  }
}

/**
 * im2col, transposed: column p = (b, yr, yc) of row k = (fr, fc, ic) holds the input pixel that filter tap k
 * multiplies for output position p (0 in the padding). Then dW[k, oc] = Σ_p patches[k, p] · dy[p, oc] is one
 * matmul. Exported for tests.
 */
export function fillTransposedPatches(x: Float32Array, xShape: readonly number[], info: tf.backend_util.Conv2DInfo, out: Float32Array): void {
  const [, inHeight, inWidth, inChannels] = xShape as [number, number, number, number];
  const { batchSize, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const positions = batchSize * outHeight * outWidth;
  let k = 0;
  for (let fr = 0; fr < filterHeight; fr++) {
    for (let fc = 0; fc < filterWidth; fc++) {
      for (let ic = 0; ic < inChannels; ic++, k++) {
        const row = k * positions;
        let p = 0;
        for (let b = 0; b < batchSize; b++) {
          for (let yr = 0; yr < outHeight; yr++) {
            const xr = yr * strideHeight - top + fr * dilationHeight;
            const rowInside = xr >= 0 && xr < inHeight;
            const base = (b * inHeight + xr) * inWidth;
            for (let yc = 0; yc < outWidth; yc++, p++) {
              const xc = yc * strideWidth - left + fc * dilationWidth;
              out[row + p] = rowInside && xc >= 0 && xc < inWidth ? x[(base + xc) * inChannels + ic]! : 0;
            }
          }
        }
      }
    }
  }
}

// Above this many patch values (64 MB) the kernel falls back to direct loops instead of im2col.
const maxPatchValues = 16 * 1024 * 1024;

const conv2dBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as unknown as WasmBackend;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Conv2DBackpropFilterAttrs;
  if (dataFormat !== 'NHWC') {
    throw new Error(`Conv2DBackpropFilter on wasm supports dataFormat NHWC only, got ${dataFormat}`);
  }
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  const taps = info.filterHeight * info.filterWidth * info.inChannels;
  const positions = info.batchSize * info.outHeight * info.outWidth;
  const matMul = tf.getKernel('BatchMatMul', 'wasm');
  if (matMul && taps * positions <= maxPatchValues) {
    // Measured on the mnist cnn (64×28×28, 8 and 16 filters): 100 ms per step with the loops, XNNPACK's
    // SIMD matmul on the patches does the same work in a fraction of that.
    const patches = wasm.makeOutput([1, taps, positions], 'float32');
    try {
      fillTransposedPatches(wasm.typedArrayFromHeap(x) as Float32Array, x.shape, info, wasm.typedArrayFromHeap(patches) as Float32Array);
      const dyRows: TensorInfo = { dataId: dy.dataId, shape: [1, positions, info.outChannels], dtype: 'float32' };
      const product = matMul.kernelFunc({
        inputs: { a: patches, b: dyRows },
        backend,
        attrs: { transposeA: false, transposeB: false },
      }) as TensorInfo;
      return { dataId: product.dataId, shape: [...filterShape], dtype: 'float32' };
    } finally {
      wasm.disposeData(patches.dataId);
    }
  }
  // makeOutput may grow the heap, which detaches earlier views: take the views after it.
  const out = wasm.makeOutput([...filterShape], 'float32');
  conv2dBackpropFilterValues(
    wasm.typedArrayFromHeap(x) as Float32Array,
    x.shape,
    wasm.typedArrayFromHeap(dy) as Float32Array,
    info,
    wasm.typedArrayFromHeap(out) as Float32Array,
  );
  return out;
};

// XNNPACK's fast matmul path in tfjs-wasm only covers untransposed operands; transposeA/transposeB (every
// matmul gradient) falls back to a naive loop. Measured here: 64×128·128×128 with transposeB 1,455 µs, explicit
// transpose + fast matmul 229 µs. So transpose first, then call the original kernel.
function fasterBatchMatMul(original: KernelConfig, transpose: KernelConfig): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return original.kernelFunc({ inputs, backend, attrs });
    const wasm = backend as unknown as WasmBackend;
    const temporaries: TensorInfo[] = [];
    const swapLast = (t: TensorInfo): TensorInfo => {
      const perm = t.shape.map((_, i) => i);
      const n = perm.length;
      [perm[n - 2], perm[n - 1]] = [perm[n - 1]!, perm[n - 2]!];
      const result = transpose.kernelFunc({ inputs: { x: t }, backend, attrs: { perm } }) as TensorInfo;
      temporaries.push(result);
      return result;
    };
    try {
      const newInputs = { a: transposeA ? swapLast(a) : a, b: transposeB ? swapLast(b) : b };
      const newAttrs: NamedAttrMap = { ...attrs, transposeA: false, transposeB: false };
      return original.kernelFunc({ inputs: newInputs, backend, attrs: newAttrs });
    } finally {
      // Not forced: a transpose that only reshapes shares its input's memory and bumped its refcount.
      for (const t of temporaries) wasm.disposeData(t.dataId);
    }
  };
}

let registered = false;

/** Kernels our wasm training needs that tfjs-backend-wasm lacks or runs slowly. Idempotent. */
export function registerWasmTrainingKernels(): void {
  if (registered) return;
  registered = true;
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) {
    tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: conv2dBackpropFilter });
  }
  const matMul = tf.getKernel('BatchMatMul', 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (matMul && transpose) {
    tf.unregisterKernel('BatchMatMul', 'wasm');
    tf.registerKernel({ kernelName: 'BatchMatMul', backendName: 'wasm', kernelFunc: fasterBatchMatMul(matMul, transpose) });
  }
}
