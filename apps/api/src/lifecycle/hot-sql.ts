import type { Database } from '@tuneboard/db';
import type { TrialRow } from '../mappers.ts';

/**
 * Hand-written SQL for the runner protocol's hot path (claim, report, finish, and the top-up each finish
 * triggers). Each runs for every trial; building them with drizzle was an eighth of the API's CPU under load.
 * On Postgres they are named prepared statements: parsed and planned once per connection, then only bound.
 * `db` is a drizzle database or a drizzle transaction (then the statement runs on the transaction's connection).
 */
export async function hotQuery<Row>(db: Database, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const client = clientOf(db);
  // node-postgres (a pool or one of its clients) takes a query config with a statement name; PGlite (one
  // session) takes text + params.
  const result = isNodePostgres(client) ? await client.query({ name, text, values }) : await client.query(text, values);
  return result.rows as Row[];
}

interface HotClient {
  query(config: { name: string; text: string; values: unknown[] } | string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The driver's client behind a drizzle database (`$client`) or transaction (its session's client). */
function clientOf(db: Database): HotClient {
  const handle = db as unknown as { $client?: HotClient; session?: { client?: HotClient } };
  const client = handle.$client ?? handle.session?.client;
  if (!client) throw new Error('hotQuery: no driver client behind this database handle');
  return client;
}

function isNodePostgres(client: HotClient): boolean {
  if (typeof client !== 'object' || client === null) return false;
  const pool = 'totalCount' in client && 'idleCount' in client;
  const pooledClient = 'connectionParameters' in client && 'release' in client;
  return pool || pooledClient;
}

/** A `float8` or `float8[]` cell as both drivers may return it (number, text, or an array of either). */
function float8(value: unknown): number {
  return typeof value === 'number' ? value : Number.parseFloat(String(value));
}

function float8Array(value: unknown): number[] | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(float8);
  const text = String(value).replace(/^\{|\}$/g, '');
  return text === '' ? [] : text.split(',').map((part) => float8(part.replace(/"/g, '')));
}

/** The tags, selected as jsonb (so a tag holding a comma or a quote needs no array-literal parsing). */
function textArray(value: unknown): string[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

function date(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

/** The trial columns, named as drizzle names them, for `returning` and `select` lists. */
export const TRIAL_COLUMNS = `t.id, t.study_id as "studyId", t.number, t.params, t.state, t.values, t.constraints,
  t.attempt, t.lease_owner as "leaseOwner", t.lease_token as "leaseToken", t.lease_expires_at as "leaseExpiresAt",
  t.heartbeat_at as "heartbeatAt", t.error, t.origin, t.source_trial_id as "sourceTrialId",
  t.created_at as "createdAt", t.started_at as "startedAt", t.finished_at as "finishedAt", t.updated_at as "updatedAt",
  t.note, t.note_updated_by_id as "noteUpdatedById", t.note_updated_at as "noteUpdatedAt", to_jsonb(t.tags) as tags`;

/** A row selected with `TRIAL_COLUMNS` as drizzle would have returned it (bigint ids as numbers, floats kept). */
export function trialFromRow(row: Record<string, unknown>): TrialRow {
  return {
    id: Number(row.id),
    studyId: String(row.studyId),
    number: Number(row.number),
    params: row.params as TrialRow['params'],
    state: row.state as TrialRow['state'],
    values: float8Array(row.values),
    constraints: float8Array(row.constraints),
    attempt: Number(row.attempt),
    leaseOwner: (row.leaseOwner as string | null) ?? null,
    leaseToken: (row.leaseToken as string | null) ?? null,
    leaseExpiresAt: date(row.leaseExpiresAt),
    heartbeatAt: date(row.heartbeatAt),
    error: (row.error as string | null) ?? null,
    origin: row.origin as TrialRow['origin'],
    sourceTrialId: row.sourceTrialId === null || row.sourceTrialId === undefined ? null : Number(row.sourceTrialId),
    createdAt: date(row.createdAt)!,
    startedAt: date(row.startedAt),
    finishedAt: date(row.finishedAt),
    updatedAt: date(row.updatedAt)!,
    // Notes are written by people and rare on trials: '' for almost every row the runner protocol returns.
    note: String(row.note ?? ''),
    noteUpdatedById: (row.noteUpdatedById as string | null) ?? null,
    noteUpdatedAt: date(row.noteUpdatedAt),
    tags: textArray(row.tags),
  };
}
