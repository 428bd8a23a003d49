// Entry of the sampler pool's worker threads (./sampler-pool.ts). Plain CommonJS that loads the TypeScript
// through tsx's require hook, registered in this thread under its own namespace: Node 20 does not carry ESM
// loader hooks (`--import tsx`) into worker threads, and under Vitest the process has none at all. The same
// file thus loads under `node --import tsx`, `tsx` and Vitest.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS entry, for the reason above
const { register } = require('tsx/cjs/api');

const tsx = register({ namespace: 'tuneboard-sampler-worker' });
module.exports = tsx.require('./sampler-task.ts', __filename).runSamplerTask;
