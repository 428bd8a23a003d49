// Reading one study of an Optuna RDB storage (SQLite file or Postgres URL) into an `OptunaDump`: the same rows
// from either, so `mapOptunaStudy` (optuna.ts) never knows where they came from.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { OptunaImportError, type OptunaDump } from './optuna-types.ts';

/** Reads one study of an Optuna SQLite storage with python3's standard library (`optuna-dump.py`). */
export function readOptunaSqlite(file: string, studyName: string, python = 'python3', timeoutMs = 120_000): Promise<OptunaDump> {
  const script = fileURLToPath(new URL('./optuna-dump.py', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-B', script, file, studyName], { timeout: timeoutMs, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) =>
      reject(new OptunaImportError(`reading an Optuna SQLite file needs ${python}: ${error.message}`)),
    );
    child.on('close', (code) => {
      if (code === null) {
        reject(new OptunaImportError(`reading ${file} as an Optuna storage took longer than ${timeoutMs / 1000} s`));
        return;
      }
      if (code !== 0) {
        const why = stderr.trim().split('\n').at(-1) ?? `exit ${code}`;
        reject(
          new OptunaImportError(
            `cannot read ${file} as an Optuna storage: ${why.replace(/^sqlite3\.\w+: /, '')}`,
          ),
        );
        return;
      }
      resolve(JSON.parse(stdout) as OptunaDump);
    });
  });
}

/** A Postgres URL with its password replaced by `***`: what messages and the study's description may show. */
export function redactStorage(storage: string): string {
  if (!/^postgres(ql)?(\+\w+)?:\/\//.test(storage)) return storage;
  try {
    const url = new URL(storage.replace(/^postgresql\+\w+:/, 'postgresql:'));
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}

const TABLES = [
  'studies',
  'trials',
  'study_directions',
  'trial_params',
  'trial_values',
  'trial_intermediate_values',
];

/**
 * Reads one study of an Optuna Postgres storage (the RDB schema Optuna creates through SQLAlchemy) in one
 * read-only transaction. Optuna's own URL form `postgresql+psycopg2://` is accepted. Timestamps are read as text:
 * Optuna writes naive UTC, and `pg` would read a `timestamp without time zone` in the local zone.
 */
export async function readOptunaPostgres(url: string, studyName: string): Promise<OptunaDump> {
  const client = new pg.Client({
    connectionString: url.replace(/^postgresql\+\w+:/, 'postgresql:'),
    statement_timeout: 60_000,
  });
  try {
    await client.connect();
  } catch (error) {
    throw new OptunaImportError(`cannot connect to ${redactStorage(url)}: ${(error as Error).message}`);
  }
  try {
    await client.query('begin transaction read only');
    const rows = async <T>(sql: string, args: unknown[] = []) => (await client.query(sql, args)).rows as T[];
    const tables = new Set(
      (
        await rows<{ name: string }>(
          'select table_name as name from information_schema.tables where table_schema = current_schema()',
        )
      ).map((r) => r.name),
    );
    const missing = TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) {
      return {
        error: `${redactStorage(url)} is not an Optuna storage (no ${missing.join(', ')} tables)`,
        alembic: null,
        studyNames: [],
        study: null,
      };
    }
    const alembic = tables.has('alembic_version')
      ? await rows<{ version_num: string }>('select version_num from alembic_version')
      : [];
    const studies = await rows<{ study_id: number; study_name: string }>(
      'select study_id, study_name from studies order by study_id',
    );
    const match = studies.find((s) => s.study_name === studyName) ?? null;
    const dump: OptunaDump = {
      alembic: alembic[0]?.version_num ?? null,
      studyNames: studies.map((s) => s.study_name).slice(0, 100),
      study: match,
    };
    if (!match) return dump;
    const sid = [match.study_id];
    const join = 'join trials t on t.trial_id = x.trial_id where t.study_id = $1';
    const optional = <T>(table: string, sql: string) =>
      tables.has(table) ? rows<T>(sql, sid) : Promise.resolve([] as T[]);
    dump.directions = await rows(
      'select objective, direction::text as direction from study_directions where study_id = $1 order by objective',
      sid,
    );
    dump.studySystemAttributes = await optional(
      'study_system_attributes',
      'select key, value_json from study_system_attributes where study_id = $1',
    );
    dump.studyUserAttributes = await optional(
      'study_user_attributes',
      'select key, value_json from study_user_attributes where study_id = $1 order by study_user_attribute_id',
    );
    dump.trials = await rows(
      `select trial_id, number, state::text as state, datetime_start::text as datetime_start, datetime_complete::text as datetime_complete
         from trials where study_id = $1 order by number`,
      sid,
    );
    dump.params = await rows(
      `select x.trial_id, x.param_name, x.param_value, x.distribution_json from trial_params x ${join}`,
      sid,
    );
    dump.values = await rows(
      `select x.trial_id, x.objective, x.value, x.value_type::text as value_type from trial_values x ${join}`,
      sid,
    );
    dump.intermediate = await rows(
      `select x.trial_id, x.step, x.intermediate_value, x.intermediate_value_type::text as intermediate_value_type
         from trial_intermediate_values x ${join} order by x.step`,
      sid,
    );
    dump.userAttributes = await optional(
      'trial_user_attributes',
      `select x.trial_id, x.key, x.value_json from trial_user_attributes x ${join} order by x.trial_user_attribute_id`,
    );
    return dump;
  } catch (error) {
    if (error instanceof OptunaImportError) throw error;
    throw new OptunaImportError(
      `cannot read ${redactStorage(url)} as an Optuna storage: ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Reads a study from a storage given as Optuna names it: a Postgres URL, `sqlite:///FILE`, or a plain file path. */
export function readOptunaStorage(storage: string, studyName: string): Promise<OptunaDump> {
  if (/^postgres(ql)?(\+\w+)?:\/\//.test(storage)) return readOptunaPostgres(storage, studyName);
  if (/^[a-z][a-z0-9+]*:\/\//i.test(storage) && !storage.startsWith('sqlite:///')) {
    return Promise.reject(
      new OptunaImportError(
        `--storage: reads SQLite files (FILE.db or sqlite:///FILE.db) and postgresql:// URLs, got ${redactStorage(storage).split('://')[0]}://…`,
      ),
    );
  }
  return readOptunaSqlite(storage.replace(/^sqlite:\/\/\//, ''), studyName);
}
