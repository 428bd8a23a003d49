export { testDatabases, postgresHint } from './databases';
export type { TestDatabaseTarget } from './databases';
export * from './factories';
