import { defineConfig } from 'vitest/config';
import { testReporters, waitingSuiteWorkers } from '../../vitest.shared.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    reporters: testReporters(),
    maxWorkers: waitingSuiteWorkers(),
    globalSetup: ['./src/testing/global-setup.ts'],
    // PGlite takes a few seconds to boot on these 2-core machines; Postgres databases are created per file.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
