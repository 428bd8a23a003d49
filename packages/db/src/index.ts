export { createDb, migrationsFolder } from './create-db.ts';
export type { CreateDbOptions, Database, DbHandle, MigrateResult, PoolStats, Schema } from './create-db.ts';
export { DataFolderLockedError } from './folder-lock.ts';
export { readDbEnv, type DbEnv } from './env.ts';
export { cancelledStatement, violatedConstraint } from './errors.ts';
export * from './schema/index.ts';
