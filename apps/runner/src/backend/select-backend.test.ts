import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { backendNames, deviceEnvForSlot, selectBackend, visibleGpus } from './select-backend.ts';

// Generous limit: the machine is shared and busy; these tests assert results, never durations.
describe('selectBackend', { timeout: 120_000 }, () => {
  it('gives trials that start at once one shared backend, and makes it the active one', async () => {
    const logs: string[] = [];
    const [a, b] = await Promise.all([selectBackend('auto', { log: (l) => logs.push(l) }), selectBackend('auto')]);
    expect(a).toBe(b);
    expect(backendNames).toContain(a.name);
    expect(tf.getBackend()).toBe(a.tfBackend);
    // It says which backend it uses, and why it skipped the ones before it.
    expect(logs.at(-1)).toMatch(new RegExp(`^training backend: ${a.name} — `));
    expect(a.skipped.map((s) => s.name)).toEqual(backendNames.slice(0, backendNames.indexOf(a.name)));
  });

  it('gives each GPU slot its own CUDA device and WebGPU adapter, cycling over the GPUs', () => {
    expect([0, 1, 2, 3].map((slot) => deviceEnvForSlot(slot, 2))).toEqual([
      { CUDA_VISIBLE_DEVICES: '0', TUNEBOARD_WEBGPU_ADAPTER: '0' },
      { CUDA_VISIBLE_DEVICES: '1', TUNEBOARD_WEBGPU_ADAPTER: '1' },
      { CUDA_VISIBLE_DEVICES: '0', TUNEBOARD_WEBGPU_ADAPTER: '0' },
      { CUDA_VISIBLE_DEVICES: '1', TUNEBOARD_WEBGPU_ADAPTER: '1' },
    ]);
    expect(deviceEnvForSlot(3, 0)).toEqual({});
  });

  it('names only the GPUs CUDA_VISIBLE_DEVICES leaves visible (indices or UUIDs; -1 hides all)', () => {
    const listed = ['GPU 0: NVIDIA A100 (UUID: GPU-aaa)', 'GPU 1: NVIDIA A100 (UUID: GPU-bbb)', 'GPU 2: NVIDIA T4 (UUID: GPU-ccc)'];
    expect(visibleGpus(listed, undefined)).toEqual(listed);
    expect(visibleGpus(listed, '1')).toEqual([listed[1]]);
    expect(visibleGpus(listed, '2,0')).toEqual([listed[2], listed[0]]);
    expect(visibleGpus(listed, 'GPU-bbb')).toEqual([listed[1]]);
    expect(visibleGpus(listed, '-1')).toEqual([]);
    // CUDA ignores everything after the first entry it does not know.
    expect(visibleGpus(listed, '0,7,1')).toEqual([listed[0]]);
  });
});
