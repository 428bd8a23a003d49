import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { testReporters, waitingSuiteWorkers } from '../../vitest.shared.ts';

// graphql 16 ships CommonJS (`main`) and ESM (`module`) builds. Node, and the libraries Vitest leaves to
// Node (Apollo, graphql-tools, graphql-ws), load the CommonJS one; pin our own imports to it too, or the
// schema would come from "another module or realm" under Vitest.
const graphqlCjs = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    include: ['src/**/*.test.ts'],
    reporters: testReporters(),
    maxWorkers: waitingSuiteWorkers(),
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
