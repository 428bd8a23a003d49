export { backendNames, currentBackend, detectGpus, deviceEnvForSlot, selectBackend, visibleGpus, wasmBinaryFolder } from './select-backend';
export type { BackendChoice, BackendName, SelectBackendOptions, SelectedBackend } from './select-backend';
export { registerWasmTrainingKernels } from './wasm-kernels';
