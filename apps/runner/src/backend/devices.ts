// What the runner knows of backends and devices without loading TensorFlow.js (./select-backend.ts loads it):
// the backends' names, the host's GPUs and the environment of a slot's process. A runner whose study runs a
// command imports only this.

/**
 * Backends in the order `auto` tries them: CUDA (tfjs-node-gpu), WebGPU (Dawn over Vulkan), native CPU,
 * WebAssembly, plain JavaScript.
 */
export const backendNames = ['tfjs-node-gpu', 'webgpu', 'tfjs-node', 'wasm', 'cpu'] as const;
export type BackendName = (typeof backendNames)[number];
export type BackendChoice = 'auto' | BackendName;

/** GPUs as `nvidia-smi -L` lists them; none where it is absent. */
export async function listNativeGpus(): Promise<string[]> {
  // tfjs-node exposes no device listing, so ask the driver.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile('nvidia-smi', ['-L'], { timeout: 5000 }, (error, stdout) => {
      if (error) return resolve([]);
      resolve(stdout.split('\n').filter((line) => line.startsWith('GPU ')).map((line) => line.trim()));
    });
  });
}

/**
 * Environment for the child process that serves slot `slot` on a host with `gpuCount` GPUs: CUDA only shows that
 * process its own device, so TensorFlow's /GPU:0 is a different card per slot.
 */
export function deviceEnvForSlot(slot: number, gpuCount: number): Record<string, string> {
  if (gpuCount <= 0) return {};
  // WebGPU ignores CUDA_VISIBLE_DEVICES: the slot's process picks its Vulkan adapter by this index instead.
  return { CUDA_VISIBLE_DEVICES: String(slot % gpuCount), TUNEBOARD_WEBGPU_ADAPTER: String(slot % gpuCount) };
}

/** GPUs `nvidia-smi -L` lists, or none where it is absent. */
export async function detectGpus(): Promise<string[]> {
  return listNativeGpus();
}
