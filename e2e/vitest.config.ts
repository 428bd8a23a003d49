import { defineConfig } from 'vitest/config';
import { testReporters } from '../vitest.shared.ts';

// Browser tests drive the real stack (API on PGlite, the built dashboard, a runner) in Debian's Chromium.
// They run one file at a time: each starts its own stack, and this machine has two cores.
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    reporters: testReporters(),
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
