export { testDatabases, postgresHint } from './databases.ts';
export type { TestDatabaseTarget } from './databases.ts';
export * from './factories.ts';
