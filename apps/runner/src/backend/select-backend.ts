import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { readRunnerEnv } from '../env.ts';
import { backendNames, listNativeGpus, type BackendChoice, type BackendName } from './devices.ts';
import { registerWasmTrainingKernels } from './wasm-kernels.ts';
import { describeAdapter, prepareWebGpu } from './webgpu.ts';
import type { WebGpuAdapterReport, WebGpuModules, WebGpuSettings } from './webgpu.ts';

// Names, GPU detection and a slot's device environment live in ./devices.ts, which does not import TensorFlow.js:
// a runner that never trains a template (a command study's) loads none of it.
export { backendNames, detectGpus, deviceEnvForSlot, listNativeGpus } from './devices.ts';
export type { BackendChoice, BackendName } from './devices.ts';

export interface SelectedBackend {
  /** The backend that trains, e.g. `wasm`. */
  name: BackendName;
  /** The name tfjs registered it under (`tensorflow` for both native packages). */
  tfBackend: string;
  /** Human-readable device, e.g. "WebAssembly (SIMD, 1 thread)". */
  device: string;
  /**
   * True where tensors live outside the JavaScript heap (tfjs-node, tfjs-node-gpu, webgpu): the trainer then uses
   * tfjs's optimisers instead of its JavaScript loop over the weights.
   */
  native: boolean;
  /** The GPU `webgpu` trains on: name, vendor, limits. */
  adapter?: WebGpuAdapterReport;
  /** Why each earlier candidate of `auto` was skipped. */
  skipped: { name: BackendName; reason: string }[];
}

export interface SelectBackendOptions {
  log?: (message: string) => void;
  /** WebAssembly threads (XNNPACK). tfjs does not run its threaded build under Node yet, so this is best effort. */
  wasmThreads?: number;
  /**
   * `CUDA_VISIBLE_DEVICES` of this process (a slot's process sees one GPU): the GPUs named in the log are the
   * ones TensorFlow can use, not every card `nvidia-smi` lists.
   */
  visibleDevices?: string;
  /** WebGPU's adapter choice and Vulkan paths; default: this process's environment (env.ts). */
  webgpu?: WebGpuSettings;
  /** Where the WebGPU packages are loaded from; a test plays a host without them. */
  webgpuModules?: WebGpuModules;
}

const require = createRequire(import.meta.url);

/** The folder holding the `.wasm` files inside node_modules: loaded from disk, never downloaded. */
export function wasmBinaryFolder(): string {
  return path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep;
}

// tfjs-node and tfjs-node-gpu are not dependencies (their install downloads libtensorflow). A computed specifier
// keeps bundlers and TypeScript from resolving them; a host that installed one gets it at run time.
async function importOptional(name: string): Promise<unknown> {
  const specifier = ['@tensorflow', name].join('/');
  return import(/* @vite-ignore */ specifier);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/**
 * The `nvidia-smi -L` lines (`GPU 1: NVIDIA A100 (UUID: GPU-…)`) that `CUDA_VISIBLE_DEVICES` leaves visible: it
 * holds indices or UUIDs; `-1` or an empty list hides every GPU.
 */
export function visibleGpus(listed: string[], visibleDevices: string | undefined): string[] {
  if (visibleDevices === undefined) return listed;
  const wanted = visibleDevices.split(',').map((entry) => entry.trim()).filter(Boolean);
  const shown: string[] = [];
  for (const entry of wanted) {
    // CUDA stops at the first invalid entry.
    const match = /^\d+$/.test(entry) ? listed.find((line) => line.startsWith(`GPU ${entry}:`)) : listed.find((line) => line.includes(entry));
    if (!match) break;
    shown.push(match);
  }
  return shown;
}

async function loadNative(name: 'tfjs-node-gpu' | 'tfjs-node', visibleDevices?: string): Promise<string> {
  try {
    await importOptional(name);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new Error(`@tensorflow/${name} is not installed on this host (see docs/runners.md)`);
    }
    throw new Error(`@tensorflow/${name} is installed but failed to load: ${errorText(error)}`);
  }
  if (!(await tf.setBackend('tensorflow'))) throw new Error(`@tensorflow/${name} loaded but tfjs could not start it`);
  await tf.ready();
  if (name === 'tfjs-node-gpu') {
    // tfjs-node-gpu quietly runs on the CPU when CUDA is missing; only claim the GPU when TensorFlow sees one.
    const devices = visibleGpus(await listNativeGpus(), visibleDevices);
    if (devices.length === 0) {
      const hidden = visibleDevices === undefined ? '' : ` (CUDA_VISIBLE_DEVICES=${JSON.stringify(visibleDevices)})`;
      throw new Error(`@tensorflow/tfjs-node-gpu loaded but TensorFlow sees no CUDA device${hidden}`);
    }
    return `CUDA ${devices.join(', ')}`;
  }
  return `native TensorFlow on the CPU (${availableParallelism()} cores)`;
}


async function loadWasm(threads: number): Promise<string> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(wasmBinaryFolder());
  if (threads > 1) wasm.setThreadsCount(threads);
  if (!(await tf.setBackend('wasm'))) throw new Error('the WebAssembly backend failed to initialise');
  await tf.ready();
  registerWasmTrainingKernels();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const used = wasm.getThreadsCount();
  return `WebAssembly (${simd ? 'SIMD' : 'no SIMD'}, ${used} thread${used === 1 ? '' : 's'})`;
}

async function loadCpu(): Promise<string> {
  if (!(await tf.setBackend('cpu'))) throw new Error('the JavaScript CPU backend failed to initialise');
  await tf.ready();
  return 'plain JavaScript on the CPU';
}

function webgpuSettings(): WebGpuSettings {
  const env = readRunnerEnv();
  return { adapter: env.TUNEBOARD_WEBGPU_ADAPTER, libraryPath: env.LD_LIBRARY_PATH, driverFiles: env.VK_DRIVER_FILES ?? env.VK_ICD_FILENAMES };
}

let adapterReport: WebGpuAdapterReport | undefined;

async function loadWebGpu(options: SelectBackendOptions): Promise<string> {
  const report = await prepareWebGpu(options.webgpu ?? webgpuSettings(), options.webgpuModules);
  if (!(await tf.setBackend('webgpu'))) throw new Error(`tfjs could not start its WebGPU backend on ${report.name}`);
  await tf.ready();
  adapterReport = report;
  return describeAdapter(report);
}

async function load(name: BackendName, options: SelectBackendOptions): Promise<string> {
  switch (name) {
    case 'webgpu':
      return loadWebGpu(options);
    case 'tfjs-node-gpu':
    case 'tfjs-node':
      return loadNative(name, options.visibleDevices);
    case 'wasm':
      return loadWasm(options.wasmThreads ?? 1);
    case 'cpu':
      return loadCpu();
  }
}

let current: SelectedBackend | undefined;
// Calls are serialised: two trials starting at once must not both initialise (and switch) backends.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Loads the training backend. `auto` takes the first of tfjs-node-gpu, webgpu, tfjs-node, wasm, cpu that works; an
 * explicit choice that cannot load throws an error naming the backend and the reason. The choice is process-wide
 * (tfjs has one active backend), so a process picks once at start; one GPU per process: on a multi-GPU host each
 * slot trains in a process of its own (slots/slot-processes.ts, docs/runners.md).
 */
export function selectBackend(choice: BackendChoice, options: SelectBackendOptions = {}): Promise<SelectedBackend> {
  const next = queue.then(() => select(choice, options));
  queue = next.catch(() => undefined);
  return next;
}

async function select(choice: BackendChoice, options: SelectBackendOptions): Promise<SelectedBackend> {
  const log = options.log ?? (() => {});
  if (current && (choice === 'auto' || choice === current.name)) {
    // Someone may have switched tfjs's active backend since (tests do); switch back.
    if (tf.getBackend() !== current.tfBackend) await tf.setBackend(current.tfBackend);
    return current;
  }
  // Silence tfjs's "install tfjs-node" banner and debug checks: they cost time and say nothing new.
  tf.env().set('PROD', true);
  const candidates: readonly BackendName[] = choice === 'auto' ? backendNames : [choice];
  const skipped: SelectedBackend['skipped'] = [];
  for (const name of candidates) {
    try {
      const device = await load(name, options);
      current = {
        name,
        tfBackend: tf.getBackend(),
        device,
        native: name === 'tfjs-node' || name === 'tfjs-node-gpu' || name === 'webgpu',
        skipped,
        ...(name === 'webgpu' && adapterReport ? { adapter: adapterReport } : {}),
      };
      log(`training backend: ${name} — ${device}`);
      return current;
    } catch (error) {
      const reason = errorText(error);
      if (choice !== 'auto') throw new Error(`backend "${name}" cannot be used: ${reason}`);
      skipped.push({ name, reason });
      log(`backend ${name} skipped: ${reason}`);
    }
  }
  throw new Error(`no training backend could be loaded: ${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')}`);
}

/** The backend chosen by the last `selectBackend`, if any. */
export function currentBackend(): SelectedBackend | undefined {
  return current;
}

