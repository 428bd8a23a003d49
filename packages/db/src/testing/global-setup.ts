import { postgresHint, testDatabases } from './databases.ts';

/** Says once per run which databases the tests use, and how to add Postgres when it is missing. */
export default function setup(): void {
  const names = testDatabases.map((target) => target.name).join(' and ');
  process.stdout.write(`\n[tuneboard/db] database tests run on ${names}\n`);
  if (testDatabases.length === 1) process.stdout.write(`[tuneboard/db] ${postgresHint}\n\n`);
}
