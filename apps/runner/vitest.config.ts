import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { testReporters, waitingSuiteWorkers } from '../../vitest.shared.ts';

// graphql 16 ships CommonJS (`main`) and ESM (`module`) builds. The in-process API of the agent tests (Apollo,
// graphql-tools, graphql-ws) loads the CommonJS one; pin our own imports to it too, or the schema would come
// from "another module or realm" under Vitest (same alias as apps/api/vitest.config.ts).
const graphqlCjs = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: { include: ['src/**/*.test.ts'], reporters: testReporters(), maxWorkers: waitingSuiteWorkers() },
});
