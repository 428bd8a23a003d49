export { createDb, migrationsFolder } from './create-db';
export type { CreateDbOptions, Database, DbHandle, MigrateResult, PoolStats, Schema } from './create-db';
export { DataFolderLockedError } from './folder-lock';
export { readDbEnv, type DbEnv } from './env';
export { cancelledStatement, violatedConstraint } from './errors';
export * from './schema';
