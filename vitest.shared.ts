// Shared Vitest settings. When TB_TEST_REPORT_DIR is set (by .ci/run), every package also writes a JSON
// report there so CI can count how many tests ran on PGlite and how many on Postgres.
import os from 'node:os';
import path from 'node:path';

export function testReporters(): (string | [string, Record<string, unknown>])[] {
  const dir = process.env.TB_TEST_REPORT_DIR;
  if (!dir) return ['default'];
  const name = path.basename(process.cwd());
  return ['default', ['json', { outputFile: path.join(dir, `${name}.json`) }]];
}

/**
 * Test files run at once by the suites that mostly wait (on PGlite or Postgres, an in-process API, runner child
 * processes): Vitest's default (one less than the cores) leaves a 2-core machine running one file at a time, half
 * idle. Two at a time there took the API suite from 752 s to 572 s and the runner suite from ~250 s to 131 s
 * (apps/api, apps/runner, packages/db use it); CPU-bound suites (tuning, web) keep the default.
 */
export function waitingSuiteWorkers(): number {
  return Math.max(2, os.availableParallelism() - 1);
}
