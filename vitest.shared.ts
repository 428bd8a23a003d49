// Shared Vitest settings. When TB_TEST_REPORT_DIR is set (by .ci/run), every package also writes a JSON
// report there so CI can count how many tests ran on PGlite and how many on Postgres.
import path from 'node:path';

export function testReporters(): (string | [string, Record<string, unknown>])[] {
  const dir = process.env.TB_TEST_REPORT_DIR;
  if (!dir) return ['default'];
  const name = path.basename(process.cwd());
  return ['default', ['json', { outputFile: path.join(dir, `${name}.json`) }]];
}
