// The Optuna storages the import tests read: built with Optuna itself (Debian's python3-optuna) from
// optuna-fixture.py, in SQLite and, when a Postgres server and psycopg2 are here, in Postgres.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { testDatabases } from '@tuneboard/db/testing';

export const fixtureScript = fileURLToPath(new URL('./optuna-fixture.py', import.meta.url));
export const clientDir = fileURLToPath(new URL('../../../../clients/python', import.meta.url));

/** The first of python3 and Debian's /usr/bin/python3 that imports optuna. */
export const optunaPython = ['python3', '/usr/bin/python3'].find(
  (python) => spawnSync(python, ['-c', 'import optuna'], { encoding: 'utf8' }).status === 0,
);
if (!optunaPython)
  console.warn(
    'skipping the Optuna import tests: no python3 here imports optuna (apt-get install python3-optuna)',
  );
/** Optuna's Postgres storage needs psycopg2 (Debian's python3-psycopg2) and a Postgres server (TEST_DATABASE_URL). */
const postgresTarget = testDatabases.find((target) => target.name === 'postgres');
const psycopg2 =
  optunaPython !== undefined && spawnSync(optunaPython, ['-c', 'import psycopg2']).status === 0;
export const postgresMissing = !optunaPython
  ? 'no optuna'
  : !psycopg2
    ? `${optunaPython} cannot import psycopg2 (apt-get install python3-psycopg2)`
    : !postgresTarget
      ? 'TEST_DATABASE_URL is not set (no Postgres server to build an Optuna storage in)'
      : undefined;
if (optunaPython && postgresMissing)
  console.warn(`skipping the Optuna import from a Postgres storage: ${postgresMissing}`);

export function run(program: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${program} exited ${code}: ${stdout}\n${stderr}`)),
    );
  });
}

export interface OptunaTrial {
  number: number;
  state: string;
  params: Record<string, unknown>;
  values: (number | string)[] | null;
  curve: [number, number | string][];
  user_attrs: Record<string, unknown>;
}

/**
 * The fixture studies in a SQLite storage (and a Postgres one when `postgresMissing` is undefined), built before
 * the describe's tests and removed after them; the getters read them at call time.
 */
export function optunaStorages() {
  let dir: string;
  let storage: string;
  /** The same fixture studies in a Postgres storage (a database of the TEST_DATABASE_URL server), when there is one. */
  let pgStorage: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tb-optuna-'));
    storage = path.join(dir, 'optuna.db');
    await run(optunaPython!, ['-B', fixtureScript, `sqlite:///${storage}`]);
    if (!postgresMissing) {
      pgStorage = await postgresTarget!.createEmpty();
      await run(optunaPython!, ['-B', fixtureScript, pgStorage.url.replace(/^postgres:/, 'postgresql:')]);
    }
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await pgStorage?.drop();
  });

  const optunaView = async (study: string, url = `sqlite:///${storage}`) =>
    JSON.parse(await run(optunaPython!, ['-B', fixtureScript, url, '--show', study])) as {
      directions: string[];
      user_attrs: Record<string, unknown>;
      trials: OptunaTrial[];
    };

  return {
    get dir() {
      return dir;
    },
    get storage() {
      return storage;
    },
    get pgStorage() {
      return pgStorage;
    },
    optunaView,
  };
}
