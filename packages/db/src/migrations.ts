import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { DbHandle } from './handle.ts';

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/** A fixed key for `pg_advisory_lock` so every process migrating one database queues on the same lock. */
export const MIGRATION_LOCK_KEY = 727_274_001;

export async function migrationNames(query: DbHandle['query']): Promise<Set<string>> {
  const exists = await query<{ ok: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!exists[0]?.ok) return new Set();
  const rows = await query<{ hash: string }>('select hash from drizzle.__drizzle_migrations');
  return new Set(rows.map((row) => row.hash));
}

export async function pendingMigrations(query: DbHandle['query']): Promise<string[]> {
  const applied = await migrationNames(query);
  return readJournal()
    .filter((entry) => !applied.has(entry.hash))
    .map((entry) => entry.tag);
}

export async function diffApplied(before: Set<string>, query: DbHandle['query']): Promise<string[]> {
  const after = await migrationNames(query);
  const journal = readJournal();
  return journal.filter((entry) => after.has(entry.hash) && !before.has(entry.hash)).map((e) => e.tag);
}

function readJournal(): { tag: string; hash: string }[] {
  const files = readMigrationFiles({ migrationsFolder });
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  return files.map((file, i) => ({ tag: journal.entries[i]?.tag ?? `#${i}`, hash: file.hash }));
}
