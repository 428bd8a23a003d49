export { startApiServer } from './server.ts';
export type { ApiServer } from './server.ts';
export { readApiEnv } from './env.ts';
export type { ApiEnv } from './env.ts';
