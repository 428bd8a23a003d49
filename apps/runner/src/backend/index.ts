export { backendNames, currentBackend, detectGpus, deviceEnvForSlot, selectBackend, visibleGpus, wasmBinaryFolder } from './select-backend.ts';
export type { BackendChoice, BackendName, SelectBackendOptions, SelectedBackend } from './select-backend.ts';
export { registerWasmTrainingKernels } from './wasm-kernels.ts';
