// Sums the Vitest JSON reports of every package: how many tests ran on PGlite, how many on Postgres
// (database tests carry "[pglite]" or "[postgres]" in their describe names), and how many need no database.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const counts = { pglite: 0, postgres: 0, other: 0 };
let passed = 0;
let failed = 0;
for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json'))) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  for (const suite of report.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) {
      if (test.status === 'passed') passed += 1;
      else if (test.status === 'failed') failed += 1;
      else continue;
      const where = (test.ancestorTitles ?? []).join(' ');
      // Vitest prints `describe.each` names as `[$name]` → `['pglite']`; hand-written ones as `[pglite]`.
      if (/\['?postgres'?\]/.test(where)) counts.postgres += 1;
      else if (/\['?pglite'?\]/.test(where)) counts.pglite += 1;
      else counts.other += 1;
    }
  }
}
console.log(
  `database tests: ${counts.pglite} on PGlite, ${counts.postgres} on Postgres; ${counts.other} tests need no database`,
);
console.log(`${passed} passed, ${failed} failed`);
if (failed > 0 || passed === 0) process.exit(1);
