import { defineConfig } from 'vitest/config';
import { testReporters } from '../../vitest.shared.ts';

// The launcher test starts a real API and runner: one file at a time, with room for a slow shared machine.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    reporters: testReporters(),
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
