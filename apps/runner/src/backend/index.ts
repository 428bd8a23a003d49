export { backendNames, currentBackend, detectGpus, deviceEnvForSlot, selectBackend, visibleGpus, wasmBinaryFolder } from './select-backend.ts';
export type { BackendChoice, BackendName, SelectBackendOptions, SelectedBackend } from './select-backend.ts';
export { registerWasmTrainingKernels } from './wasm-kernels.ts';
export { WebGpuUnavailable, describeAdapter, findVulkanLoader, prepareWebGpu } from './webgpu.ts';
export type { WebGpuAdapterReport, WebGpuModules, WebGpuSettings } from './webgpu.ts';
