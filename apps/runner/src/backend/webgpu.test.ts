import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './select-backend.ts';
import { WebGpuUnavailable, findVulkanLoader, prepareWebGpu } from './webgpu.ts';
import type { WebGpuModules } from './webgpu.ts';

// CPU-only: this machine (and CI) has no GPU. The refusals are the real ones; Dawn is replaced by a stand-in only
// where a test needs a host this one is not (a Vulkan loader without a GPU, several adapters).

interface FakeAdapter {
  info: { vendor: string; architecture: string; device: string; description: string };
  limits: Record<string, number>;
  features: Set<string>;
  requestDevice(): Promise<unknown>;
}

function adapterNamed(device: string): FakeAdapter {
  return {
    info: { vendor: 'nvidia', architecture: 'hopper', device, description: '' },
    limits: { maxBufferSize: 2 ** 31, maxStorageBufferBindingSize: 2 ** 31, maxComputeInvocationsPerWorkgroup: 1024, maxComputeWorkgroupSizeX: 1024 },
    features: new Set(),
    requestDevice: async () => ({}),
  };
}

/** A host whose Dawn sees these adapters (none: a Vulkan loader that finds no driver); records the flags used. */
function fakeHost(names: string[]): { modules: WebGpuModules; flags: string[][] } {
  const flags: string[][] = [];
  const dawn = {
    globals: {},
    create(given: string[]) {
      flags.push(given);
      const wanted = given.find((flag) => flag.startsWith('adapter='))?.slice('adapter='.length);
      return {
        async requestAdapter() {
          if (names.length === 0) return null;
          if (wanted === undefined) return adapterNamed(names[0]!);
          const found = names.find((name) => name.includes(wanted));
          if (!found) throw new Error(`no adapter with name '${wanted}' found\nAvailable adapters:${names.map((n) => `\n * backend: 'vulkan', name: '${n}'`).join('')}`);
          return adapterNamed(found);
        },
      };
    },
  };
  return { modules: { resolve: (name) => name, load: async (name) => (name === 'webgpu' ? dawn : {}) }, flags };
}

describe('WebGPU backend', { timeout: 120_000 }, () => {
  let folder: string;
  beforeAll(async () => {
    // A folder holding a (stand-in) Vulkan loader, passed as LD_LIBRARY_PATH.
    folder = await mkdtemp(path.join(tmpdir(), 'tb-vulkan-'));
    await writeFile(path.join(folder, 'libvulkan.so.1'), '');
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    delete (globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu;
  });

  it('auto on a host without an adapter picks wasm and says why it skipped webgpu', async () => {
    const logs: string[] = [];
    const noGpu = fakeHost([]);
    const backend = await selectBackend('auto', { log: (line) => logs.push(line), webgpu: { libraryPath: folder }, webgpuModules: noGpu.modules });
    expect(backend.name).toBe('wasm');
    expect(backend.skipped.map((s) => s.name)).toEqual(['tfjs-node-gpu', 'webgpu', 'tfjs-node']);
    expect(backend.skipped[1]!.reason).toMatch(/^no WebGPU adapter: Dawn found no usable Vulkan GPU/);
    expect(logs).toContainEqual(expect.stringMatching(/^backend webgpu skipped: no WebGPU adapter/));
    expect(logs.at(-1)).toMatch(/^training backend: wasm — WebAssembly/);
  });

  it('refuses --backend webgpu on this host with what is missing, and never falls back', async () => {
    const outcome = await selectBackend('webgpu').then(
      (backend) => backend,
      (error: Error) => error,
    );
    if (outcome instanceof Error) {
      expect(outcome.message).toMatch(/^backend "webgpu" cannot be used: (no Vulkan loader|no WebGPU adapter|no GPU adapter|the optional package)/);
    } else {
      // A host with a GPU and its Vulkan driver: then it trains there and says on what.
      expect(outcome.name).toBe('webgpu');
      expect(outcome.adapter?.name).toBeTruthy();
    }
  });

  it('names the missing package, the missing Vulkan loader, or the missing adapter', async () => {
    const noPackage: WebGpuModules = {
      resolve: (name) => {
        throw Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });
      },
      load: async () => ({}),
    };
    await expect(prepareWebGpu({}, noPackage)).rejects.toMatchObject({ missing: 'package', message: expect.stringMatching(/optional package webgpu is not installed/) });

    expect(await findVulkanLoader(undefined, [])).toBeUndefined();
    expect(await findVulkanLoader(`/nonexistent:${folder}`, [])).toBe(path.join(folder, 'libvulkan.so.1'));

    const noGpu = fakeHost([]);
    const error = await prepareWebGpu({ libraryPath: folder, driverFiles: '/nonexistent/nvidia_icd.json' }, noGpu.modules).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebGpuUnavailable);
    expect(error).toMatchObject({ missing: 'adapter', message: expect.stringMatching(/^no WebGPU adapter: Dawn found no usable Vulkan GPU \(no Vulkan driver manifest found/) });

    const software = fakeHost(['llvmpipe (LLVM 15.0.6, 256 bits)']);
    await expect(prepareWebGpu({ libraryPath: folder }, software.modules)).rejects.toMatchObject({ missing: 'adapter', message: expect.stringMatching(/software one/) });
  });

  it('binds a slot process to its adapter by index, and refuses an index it cannot honour', async () => {
    const mixed = fakeHost(['NVIDIA H100 80GB HBM3', 'NVIDIA L4']);
    const report = await prepareWebGpu({ libraryPath: folder, adapter: '1' }, mixed.modules);
    expect(report).toMatchObject({ name: 'NVIDIA L4', vendor: 'nvidia', index: 1 });
    expect(report.limits.maxBufferSize).toBe(2 ** 31);
    // tfjs's backend asks navigator.gpu for an adapter: it gets the chosen one.
    const gpu = (globalThis as unknown as { navigator: { gpu: { requestAdapter(): Promise<FakeAdapter> } } }).navigator.gpu;
    expect((await gpu.requestAdapter()).info.device).toBe('NVIDIA L4');
    expect(mixed.flags.at(-1)).toEqual(['adapter=NVIDIA L4']);

    const identical = fakeHost(['NVIDIA H100 80GB HBM3', 'NVIDIA H100 80GB HBM3']);
    await expect(prepareWebGpu({ libraryPath: folder, adapter: '0' }, identical.modules)).resolves.toMatchObject({ index: 0 });
    await expect(prepareWebGpu({ libraryPath: folder, adapter: '1' }, identical.modules)).rejects.toThrow(/same name as adapter 0 .*one runner per GPU/);
    await expect(prepareWebGpu({ libraryPath: folder, adapter: '2' }, identical.modules)).rejects.toThrow(/has 2 Vulkan adapter\(s\)/);
  });

});
