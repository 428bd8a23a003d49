import { defineConfig } from 'vitest/config';
import { testReporters } from '../vitest.shared.ts';

// Only the manifests' schema and shape: fast, in `npm test`. Running them is `npm run test:deploy` (its own CI step).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: testReporters(),
  },
});
