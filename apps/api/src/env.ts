import os from 'node:os';
import path from 'node:path';
import { readEnv } from '@tuneboard/contract/env';
import { z } from 'zod';
import { readDbEnv } from '@tuneboard/db';

const boolean = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value === 'true' || value === '1'));

/** Every setting of the API, read once from the environment and validated. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Port of the HTTP + WebSocket server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Interface to bind; 127.0.0.1 keeps a laptop's API private, 0.0.0.0 serves a network. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Origins allowed to call the API from a browser with credentials (the dashboard), comma-separated. */
  WEB_ORIGINS: z.string().default('http://localhost:3000,http://127.0.0.1:3000'),
  /** How long a trial lease lasts without a report or heartbeat. */
  LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /**
   * The lease of a trial held by a client runner (kind CLIENT: the Python client's `study.ask()` in a notebook or
   * script): longer than a training runner's, since a person may hold a trial between cells. The client renews it
   * while it runs; a client that dies gives its trial back after this long.
   */
  CLIENT_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** How often expired leases are looked for. */
  REAPER_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /**
   * A study stops as FAILED once this many of its trials in a row failed (errors, NaN objectives, lost leases),
   * so a broken objective does not burn its whole budget; 0 turns the rule off.
   */
  TUNEBOARD_MAX_CONSECUTIVE_FAILURES: z.coerce.number().int().min(0).max(100_000).default(5),
  /** Secure cookies (HTTPS only); default on in production. */
  SECURE_COOKIES: boolean,
  /** Most an operation may cost, computed with its real arguments (apps/api/src/pipeline/cost.ts). */
  TUNEBOARD_MAX_QUERY_COST: z.coerce.number().int().min(1).default(10_000),
  /** Most bytes of JSON one operation's result may take; over it the result is replaced by QUERY_TOO_EXPENSIVE. */
  TUNEBOARD_MAX_RESPONSE_BYTES: z.coerce.number().int().min(1024).default(32 * 1024 * 1024),
  /**
   * Each caller's (user's, API token's, anonymous address's) share of the server's time, in ms of operations'
   * wall time per second (pipeline/fair-share.ts); 0 turns it off. The runner protocol is never charged.
   */
  TUNEBOARD_FAIR_SHARE_MS_PER_S: z.coerce.number().int().min(0).max(60_000).default(250),
  /** Server time a caller may use at once before the sustained share applies (ms). */
  TUNEBOARD_FAIR_SHARE_BURST_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  /**
   * Who may sign up when no policy is stored in the database (`admin signup-policy set`): `open`, `invite`
   * or `closed`. Unset: `open` until the first account exists, then `invite`.
   */
  TUNEBOARD_SIGNUP_POLICY: z.enum(['open', 'invite', 'closed']).optional(),
  /**
   * A header set by the reverse proxy in front of the API with the client's address (e.g. `x-forwarded-for`),
   * for sign-in limits per address. Unset: the socket's address (set it behind a load balancer, or every
   * client shares the balancer's address).
   */
  TUNEBOARD_TRUSTED_PROXY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'must be a header name')
    .transform((name) => name.toLowerCase())
    .optional(),
  /** How many trusted proxies append to that header: the client is this many entries from its right end. */
  TUNEBOARD_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  /** Port of Prometheus's `/metrics` (ops/metrics-server.ts); unset: no metrics. Never the public port. */
  TUNEBOARD_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Interface of the metrics port; unset: HOST. */
  TUNEBOARD_METRICS_HOST: z.string().min(1).optional(),
  /** When set, a scrape of `/metrics` must send `Authorization: Bearer <token>` (16 characters or more). */
  TUNEBOARD_METRICS_TOKEN: z.string().min(16, 'must be 16 characters or more').optional(),
  /** Most running studies with per-study series (`tuneboard_study_trials`): the busiest ones. */
  TUNEBOARD_METRICS_MAX_STUDIES: z.coerce.number().int().min(0).max(1_000).default(50),
  /**
   * Worker threads that run the samplers' asks off the request thread (lifecycle/sampler-pool.ts); 0 runs them
   * inline. Unset: two, or one on a one-core machine.
   */
  TUNEBOARD_SAMPLER_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  /** Where artifact bytes live: `filesystem` (the data folder; the default) or `s3` (any S3-compatible store). */
  TUNEBOARD_ARTIFACT_STORE: z.enum(['filesystem', 's3']).default('filesystem'),
  /** The filesystem store's folder. Unset: `artifacts/` beside the embedded database, in the data folder. */
  TUNEBOARD_ARTIFACTS_DIR: z.string().min(1).optional(),
  /** Most bytes of one artifact file (default 200 MB). */
  TUNEBOARD_ARTIFACT_MAX_FILE_BYTES: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(200_000_000),
  /** Most bytes of all of one trial's artifacts together (default 1 GB). */
  TUNEBOARD_ARTIFACT_MAX_TRIAL_BYTES: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(1_000_000_000),
  /**
   * Most artifacts of one trial (default 500): empty files take no bytes, so the byte limit alone let one trial hold
   * any number of rows and files. At most 500, one page of `Trial.artifacts` (LIST_MAX.default), so every file of a
   * trial can be listed.
   */
  TUNEBOARD_ARTIFACT_MAX_TRIAL_FILES: z.coerce.number().int().min(1).max(500).default(500),
  /** How long an upload or download URL stays valid, in seconds. */
  TUNEBOARD_ARTIFACT_URL_SECONDS: z.coerce.number().int().min(10).max(7 * 86_400).default(900),
  /**
   * Key of the filesystem store's signed URLs (32 characters or more). Unset: a random key per process, which
   * is right for one API; replicas sharing one artifacts folder need the same key.
   */
  TUNEBOARD_ARTIFACT_SIGNING_KEY: z.string().min(32, 'must be 32 characters or more').optional(),
  /** The bucket of the `s3` store (it must exist). */
  TUNEBOARD_S3_BUCKET: z.string().min(3).optional(),
  /** The S3 endpoint, for MinIO and other S3-compatible stores (`http://minio:9000`); unset: AWS. */
  TUNEBOARD_S3_ENDPOINT: z.url().optional(),
  TUNEBOARD_S3_REGION: z.string().min(1).default('us-east-1'),
  /** Prefix of every key in the bucket. */
  TUNEBOARD_S3_PREFIX: z.string().regex(/^([A-Za-z0-9._-]+\/)*$/, 'must be empty or end with / (letters, digits, . _ -)').default('tuneboard/'),
  /** Path-style URLs (`http://host/bucket/key`); unset: on when TUNEBOARD_S3_ENDPOINT is set (MinIO needs them). */
  TUNEBOARD_S3_FORCE_PATH_STYLE: boolean,
  /** Credentials; unset: the AWS SDK's default chain (AWS_ACCESS_KEY_ID, a profile, an instance role). */
  TUNEBOARD_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  TUNEBOARD_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ApiEnv = z.infer<typeof schema> & {
  /** The filesystem store's folder, resolved (TUNEBOARD_ARTIFACTS_DIR or `artifacts/` in the data folder). */
  artifactsDir: string;
};

export function readApiEnv(source: Record<string, string | undefined> = process.env): ApiEnv {
  const env = readEnv(schema, source);
  if (env.TUNEBOARD_ARTIFACT_STORE === 's3' && !env.TUNEBOARD_S3_BUCKET) {
    throw new Error('Invalid TUNEBOARD_S3_BUCKET=undefined: TUNEBOARD_ARTIFACT_STORE=s3 needs a bucket');
  }
  if (env.TUNEBOARD_ARTIFACT_MAX_FILE_BYTES > env.TUNEBOARD_ARTIFACT_MAX_TRIAL_BYTES) {
    throw new Error(
      `Invalid TUNEBOARD_ARTIFACT_MAX_FILE_BYTES=${env.TUNEBOARD_ARTIFACT_MAX_FILE_BYTES}: must be at most TUNEBOARD_ARTIFACT_MAX_TRIAL_BYTES=${env.TUNEBOARD_ARTIFACT_MAX_TRIAL_BYTES}`,
    );
  }
  // The embedded database's folder is the data folder's `pglite/`: artifacts go beside it (an in-memory
  // database has no folder: its artifacts go to the system's temporary folder).
  const dataDir = readDbEnv(source).TUNEBOARD_DATA_DIR;
  const artifactsDir = path.resolve(
    env.TUNEBOARD_ARTIFACTS_DIR ?? (dataDir.startsWith('memory://') ? path.join(os.tmpdir(), 'tuneboard-artifacts') : path.join(path.dirname(dataDir), 'artifacts')),
  );
  return { ...env, artifactsDir };
}
