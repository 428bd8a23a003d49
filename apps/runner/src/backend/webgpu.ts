// TensorFlow.js on WebGPU under Node: Dawn's Node bindings (`webgpu` on npm, prebuilt, no download at install)
// over Vulkan, and tfjs's WebGPU backend. Both are optional dependencies, loaded only when this backend is tried.
// Before loading Dawn the host is checked for what it needs, so a refusal names the missing piece: the package,
// the Vulkan loader (libvulkan.so.1), or an adapter (a Vulkan driver that sees a GPU).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';

/** What the runner reports about the adapter it trains on (start-up log, runner capabilities). */
export interface WebGpuAdapterReport {
  /** The GPU's name, e.g. "NVIDIA H100 80GB HBM3". */
  name: string;
  vendor: string;
  architecture: string;
  description: string;
  /** Position among the host's Vulkan adapters, when one was asked for by index. */
  index?: number;
  /** The limits tfjs sizes its buffers and workgroups by. */
  limits: Record<string, number>;
}

/** The settings of one process's WebGPU backend, from its environment (env.ts). */
export interface WebGpuSettings {
  /**
   * `TUNEBOARD_WEBGPU_ADAPTER`: which adapter this process trains on, an index into the host's Vulkan adapters
   * (slot s of a runner on G GPUs gets s mod G) or part of an adapter's name; unset: the first.
   */
  adapter?: string;
  /** `LD_LIBRARY_PATH`, searched for the Vulkan loader before the system's library folders. */
  libraryPath?: string;
  /** `VK_DRIVER_FILES` / `VK_ICD_FILENAMES`: the Vulkan driver manifests the loader reads instead of its folders. */
  driverFiles?: string;
}

/** Why WebGPU cannot be used here; `missing` says which piece. */
export class WebGpuUnavailable extends Error {
  constructor(
    readonly missing: 'package' | 'vulkan-loader' | 'adapter',
    message: string,
  ) {
    super(message);
    this.name = 'WebGpuUnavailable';
  }
}

const require = createRequire(import.meta.url);

/** Where the loader for the optional packages looks; a test replaces it to play a host without them. */
export interface WebGpuModules {
  /** Resolves a package name to its entry file, throwing when it is not installed. */
  resolve(name: string): string;
  /** Loads a package (dynamic import). */
  load(name: string): Promise<unknown>;
}

const nodeModules: WebGpuModules = {
  resolve: (name) => require.resolve(name),
  // Literal specifiers: a bundle (the GPU kit) takes tfjs's WebGPU backend in, sharing the bundle's tfjs-core,
  // and leaves `webgpu` (a native module) outside.
  load: (name) => (name === 'webgpu' ? import('webgpu') : import('@tensorflow/tfjs-backend-webgpu')),
};

/** The system's library folders the dynamic linker searches on x86-64 / arm64 Debian, Ubuntu, Fedora, Arch. */
const systemLibraryFolders = [
  '/lib/x86_64-linux-gnu',
  '/usr/lib/x86_64-linux-gnu',
  '/lib/aarch64-linux-gnu',
  '/usr/lib/aarch64-linux-gnu',
  '/lib64',
  '/usr/lib64',
  '/lib',
  '/usr/lib',
  '/usr/local/lib',
];

/** Folders holding Vulkan driver manifests (the loader's defaults, and where NVIDIA's container toolkit puts one). */
export const driverManifestFolders = [
  '/usr/share/vulkan/icd.d',
  '/etc/vulkan/icd.d',
  '/usr/local/share/vulkan/icd.d',
  '/usr/local/nvidia/share/vulkan/icd.d',
];

function ldconfigLibraries(): Promise<string> {
  return new Promise((resolve) => {
    execFile('ldconfig', ['-p'], { timeout: 5_000 }, (error, stdout) => resolve(error ? '' : stdout));
  });
}

/**
 * Where `libvulkan.so.1` (the Vulkan loader Dawn opens) is found: `LD_LIBRARY_PATH` first, then the linker's
 * cache, then the usual folders. Undefined where the host has none.
 */
export async function findVulkanLoader(libraryPath: string | undefined, systemFolders: readonly string[] = systemLibraryFolders): Promise<string | undefined> {
  const file = 'libvulkan.so.1';
  for (const folder of (libraryPath ?? '').split(':').filter(Boolean)) {
    if (existsSync(path.join(folder, file))) return path.join(folder, file);
  }
  if (systemFolders === systemLibraryFolders) {
    const cached = (await ldconfigLibraries()).split('\n').find((line) => line.trim().startsWith(`${file} `));
    const target = cached?.split('=>')[1]?.trim();
    if (target && existsSync(target)) return target;
  }
  for (const folder of systemFolders) {
    if (existsSync(path.join(folder, file))) return path.join(folder, file);
  }
  return undefined;
}

/** The Vulkan driver manifests (`*.json`) the loader will read: the ones named in VK_DRIVER_FILES, else its folders'. */
async function driverManifests(driverFiles: string | undefined): Promise<string[]> {
  if (driverFiles) return driverFiles.split(':').filter((file) => file && existsSync(file));
  const { readdir } = await import('node:fs/promises');
  const found: string[] = [];
  for (const folder of driverManifestFolders) {
    const names = await readdir(folder).catch(() => [] as string[]);
    found.push(...names.filter((name) => name.endsWith('.json')).map((name) => path.join(folder, name)));
  }
  return found;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/** The adapter names Dawn lists when asked for one that does not exist (the only listing dawn.node offers). */
function parseAdapterList(message: string): string[] {
  return [...message.matchAll(/name: '([^']*)'/g)].map((match) => match[1]!);
}

interface DawnGpu {
  requestAdapter(options?: unknown): Promise<DawnAdapter | null>;
}
interface DawnAdapter {
  info: { vendor: string; architecture: string; device: string; description: string };
  limits: Record<string, number>;
  features: Set<string>;
  requestDevice(descriptor?: unknown): Promise<unknown>;
}
interface DawnModule {
  create(flags: string[]): DawnGpu;
  globals: Record<string, unknown>;
}

const reportedLimits = [
  'maxBufferSize',
  'maxStorageBufferBindingSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupsPerDimension',
] as const;

/**
 * Picks this process's adapter. dawn.node chooses adapters only by a substring of their name, so an index is
 * turned into that adapter's name; where an earlier adapter has the same name (identical GPUs), the index
 * cannot be honoured and the process refuses rather than share the first GPU with another slot.
 */
async function chooseAdapter(dawn: DawnModule, wanted: string | undefined): Promise<{ gpu: DawnGpu; adapter: DawnAdapter | null; index?: number }> {
  if (wanted === undefined || wanted === '') {
    const gpu = dawn.create([]);
    return { gpu, adapter: await gpu.requestAdapter({ powerPreference: 'high-performance' }) };
  }
  if (!/^\d+$/.test(wanted)) {
    const gpu = dawn.create([`adapter=${wanted}`]);
    try {
      return { gpu, adapter: await gpu.requestAdapter() };
    } catch (error) {
      throw new WebGpuUnavailable('adapter', `no adapter named like "${wanted}" (TUNEBOARD_WEBGPU_ADAPTER): ${String(error).replace(/\n/g, ' ')}`);
    }
  }
  const index = Number(wanted);
  let names: string[] = [];
  try {
    await dawn.create(['adapter=\u0001tuneboard-list']).requestAdapter();
  } catch (error) {
    names = parseAdapterList(String(error));
  }
  if (names.length === 0) return { gpu: dawn.create([]), adapter: null, index };
  const name = names[index];
  if (name === undefined) {
    throw new WebGpuUnavailable('adapter', `TUNEBOARD_WEBGPU_ADAPTER=${index} but the host has ${names.length} Vulkan adapter(s): ${names.join(', ')}`);
  }
  const first = names.indexOf(name);
  if (first !== index) {
    throw new WebGpuUnavailable(
      'adapter',
      `adapter ${index} has the same name as adapter ${first} ("${name}") and dawn.node picks adapters by name only: on a host ` +
        `of identical GPUs run one runner per GPU with only that GPU visible (docs/runners.md, "Several GPUs")`,
    );
  }
  const gpu = dawn.create([`adapter=${name}`]);
  return { gpu, adapter: await gpu.requestAdapter(), index };
}

/** The Dawn instance the process trains on: held for the process's life, never collected under tfjs's device. */
const instances: DawnGpu[] = [];

/** Globals tfjs's WebGPU backend expects from a browser: `navigator.gpu` and the GPU* constant namespaces. */
function installGlobals(dawn: DawnModule, gpu: DawnGpu, adapter: DawnAdapter): void {
  instances.push(gpu);
  for (const [key, value] of Object.entries(dawn.globals)) {
    if (!(key in globalThis)) Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
  }
  // tfjs asks for an adapter itself; it gets the one chosen here (by index or name), not the first one.
  const chosen = { requestAdapter: async () => adapter, getPreferredCanvasFormat: () => 'bgra8unorm', wgslLanguageFeatures: (gpu as { wgslLanguageFeatures?: unknown }).wgslLanguageFeatures };
  const nav = (globalThis as { navigator?: object }).navigator;
  if (nav) Object.defineProperty(nav, 'gpu', { value: chosen, configurable: true });
  else Object.defineProperty(globalThis, 'navigator', { value: { gpu: chosen }, configurable: true, writable: true });
}

/**
 * Checks the host and prepares tfjs's WebGPU backend (registered as `webgpu`; the caller switches to it). Throws
 * {@link WebGpuUnavailable} naming what is missing: the packages, the Vulkan loader, or an adapter.
 */
export async function prepareWebGpu(settings: WebGpuSettings, modules: WebGpuModules = nodeModules): Promise<WebGpuAdapterReport> {
  try {
    modules.resolve('webgpu');
  } catch {
    throw new WebGpuUnavailable('package', 'the optional package webgpu is not installed (npm install --include=optional)');
  }
  if (process.platform === 'linux') {
    const loader = await findVulkanLoader(settings.libraryPath);
    if (!loader) {
      throw new WebGpuUnavailable(
        'vulkan-loader',
        'no Vulkan loader: libvulkan.so.1 is not in LD_LIBRARY_PATH or the system library folders (Debian/Ubuntu: apt-get install libvulkan1)',
      );
    }
  }
  let dawn: DawnModule;
  try {
    dawn = (await modules.load('webgpu')) as DawnModule;
  } catch (error) {
    throw new WebGpuUnavailable('package', `the webgpu package is installed but its native module failed to load: ${errorText(error)}`);
  }
  const { adapter, gpu, index } = await chooseAdapter(dawn, settings.adapter);
  if (!adapter) {
    const manifests = await driverManifests(settings.driverFiles);
    const drivers = manifests.length === 0 ? 'no Vulkan driver manifest found' : `Vulkan driver manifests: ${manifests.join(', ')}`;
    const hint = settings.driverFiles
      ? ''
      : existsSync('/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json')
        ? '; NVIDIA\'s manifest is at /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json: set VK_DRIVER_FILES to it'
        : '';
    throw new WebGpuUnavailable('adapter', `no WebGPU adapter: Dawn found no usable Vulkan GPU (${drivers}${hint})`);
  }
  const { vendor, architecture, device, description } = adapter.info;
  if (/llvmpipe|lavapipe|swiftshader/i.test(`${device} ${description}`)) {
    throw new WebGpuUnavailable('adapter', `no GPU adapter: the only Vulkan adapter is a software one (${device || description}), slower than wasm`);
  }
  const limits: Record<string, number> = {};
  for (const key of reportedLimits) limits[key] = Number(adapter.limits[key]);
  installGlobals(dawn, gpu, adapter);
  let backend: { WebGPUBackend?: new (device: unknown, info: unknown) => tf.KernelBackend };
  try {
    backend = (await modules.load('@tensorflow/tfjs-backend-webgpu')) as typeof backend;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    throw new WebGpuUnavailable('package', missing ? 'the optional package @tensorflow/tfjs-backend-webgpu is not installed' : `@tensorflow/tfjs-backend-webgpu failed to load: ${errorText(error)}`);
  }
  // The package registers its backend on import only where navigator.gpu already existed; loaded earlier (or
  // once more), it is registered here the same way: on this process's adapter.
  const Backend = backend.WebGPUBackend;
  if (Backend && !tf.findBackendFactory('webgpu')) {
    tf.registerBackend('webgpu', async () => {
      const requiredFeatures = adapter.features.has('timestamp-query') ? ['timestamp-query'] : [];
      const requiredLimits: Record<string, number> = {};
      for (const key of ['maxComputeWorkgroupStorageSize', 'maxComputeWorkgroupsPerDimension', 'maxStorageBufferBindingSize', 'maxBufferSize', 'maxComputeWorkgroupSizeX', 'maxComputeInvocationsPerWorkgroup']) {
        requiredLimits[key] = adapter.limits[key]!;
      }
      return new Backend(await adapter.requestDevice({ requiredFeatures, requiredLimits }), adapter.info);
    }, 3);
  }
  return { name: device || description || 'unnamed adapter', vendor, architecture, description, ...(index === undefined ? {} : { index }), limits };
}

/** The device line of the start-up log and the Runners page, e.g. "WebGPU on NVIDIA H100 (nvidia hopper, adapter 1)". */
export function describeAdapter(report: WebGpuAdapterReport): string {
  const details = [[report.vendor, report.architecture].filter(Boolean).join(' '), report.index === undefined ? '' : `adapter ${report.index}`].filter(Boolean);
  const limits = `max buffer ${Math.round(report.limits.maxBufferSize! / 2 ** 20)} MiB, workgroup ${report.limits.maxComputeInvocationsPerWorkgroup} invocations`;
  return `WebGPU on ${report.name}${details.length ? ` (${details.join(', ')})` : ''}; ${limits}`;
}
