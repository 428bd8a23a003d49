import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createDb, type DbHandle } from '@tuneboard/db';
import type { TestDatabaseTarget } from '@tuneboard/db/testing';
import { pino } from 'pino';
import { readApiEnv, type ApiEnv } from '../env.ts';
import { startApiServer, type ApiServer } from '../server.ts';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Credentials for a request: a session cookie or an API token. */
export type Auth = { cookie: string } | { token: string } | undefined;

export interface TestApi {
  server: ApiServer;
  handle: DbHandle;
  /** Raw POST /graphql. */
  post<T = Record<string, unknown>>(query: string, variables?: unknown, auth?: Auth): Promise<GraphQLResult<T>>;
  /** POST /graphql, throwing on any GraphQL error; returns `data`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read deep results without typing each
  gql<T = Record<string, any>>(query: string, variables?: unknown, auth?: Auth): Promise<T>;
  ws(auth?: Auth): Client;
  close(): Promise<void>;
}

function headers(auth: Auth): Record<string, string> {
  if (!auth) return {};
  return 'cookie' in auth ? { cookie: auth.cookie } : { authorization: `Bearer ${auth.token}` };
}

/** Starts a real API server (HTTP + WebSocket) on a free port, on a database handle. */
export async function startTestApi(handle: DbHandle, env: Partial<Record<keyof ApiEnv, string>> = {}): Promise<TestApi> {
  // Sign-up is open unless a test says otherwise: setupTeam signs a new person up for each team.
  const settings = readApiEnv({
    PORT: '0',
    NODE_ENV: 'test',
    REAPER_INTERVAL_MS: '200',
    LOG_LEVEL: 'silent',
    TUNEBOARD_SIGNUP_POLICY: 'open',
    // Tests send many requests as one person in a burst; the fair share has its own test (abuse/fair-share.test.ts).
    TUNEBOARD_FAIR_SHARE_MS_PER_S: '0',
    ...env,
  });
  const server = await startApiServer(handle, settings, pino({ level: 'silent' }));
  const clients: Client[] = [];
  const post = async <T>(query: string, variables?: unknown, auth?: Auth): Promise<GraphQLResult<T>> => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers(auth) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  };
  return {
    server,
    handle,
    post,
    async gql<T>(query: string, variables?: unknown, auth?: Auth) {
      const result = await post<T>(query, variables, auth);
      if (result.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    ws(auth?: Auth) {
      const client = createClient({
        url: server.url.replace(/^http/, 'ws'),
        webSocketImpl: class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers: auth && 'cookie' in auth ? { cookie: auth.cookie } : {} });
          }
        },
        connectionParams: auth && 'token' in auth ? { authorization: `Bearer ${auth.token}` } : {},
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((client) => client.dispose()));
      await server.close();
    },
  };
}

/** Subscribes and collects events; `next(n)` waits until at least n have arrived. */
export function collect<T>(client: Client, query: string, variables: Record<string, unknown>) {
  const events: T[] = [];
  const errors: unknown[] = [];
  let waiters: (() => void)[] = [];
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(value.errors);
        if (value.data) events.push(value.data as T);
        waiters.forEach((wake) => wake());
      },
      error: (error) => {
        errors.push(error instanceof Error ? error.message : (error as { reason?: string }).reason ?? String(error));
        waiters.forEach((wake) => wake());
      },
      complete: () => {},
    },
  );
  return {
    events,
    errors,
    stop,
    async until(predicate: (events: T[]) => boolean, timeoutMs = 20_000): Promise<T[]> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(events)) {
        if (errors.length) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
        if (Date.now() > deadline) throw new Error(`subscription: condition not met; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 200);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
        waiters = [];
      }
      return events;
    },
  };
}

/** A signed-up user with a team, a project, a runner token and a registered runner. */
export async function setupTeam(api: TestApi, name: string) {
  const email = `${name}-${Math.random().toString(36).slice(2)}@example.test`;
  const response = await fetch(api.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($i: SignUpInput!) { signUp(input: $i) { user { id } userErrors { message } } }',
      variables: { i: { email, name, password: 'correct horse battery' } },
    }),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const user = { cookie };
  const slug = `${name}-${Math.random().toString(36).slice(2, 8)}`;
  const { teamCreate } = await api.gql(
    'mutation($i: TeamCreateInput!) { teamCreate(input: $i) { team { id } userErrors { message } } }',
    { i: { name, slug } },
    user,
  );
  const teamId = teamCreate.team.id as string;
  const { projectCreate } = await api.gql(
    'mutation($i: ProjectCreateInput!) { projectCreate(input: $i) { project { id } } }',
    { i: { teamId, name: 'Main', slug: 'main' } },
    user,
  );
  const { apiTokenCreate } = await api.gql(
    'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret apiToken { prefix } } }',
    { i: { teamId, name: 'runners', scope: 'RUNNER' } },
    user,
  );
  const runnerAuth = { token: apiTokenCreate.secret as string };
  const register = async (runnerName: string) => {
    const { runnerRegister } = await api.gql(
      'mutation($i: RunnerRegisterInput!) { runnerRegister(input: $i) { runner { id } userErrors { message } } }',
      { i: { name: runnerName, host: 'test-host', capabilities: { backend: 'cpu', gpus: 0, labels: [] } } },
      runnerAuth,
    );
    return runnerRegister.runner.id as string;
  };
  return { email, user, teamId, projectId: projectCreate.project.id as string, runnerAuth, register };
}

export const STUDY_FIELDS = 'id status counts { pending running complete pruned fail total }';

export async function createStudy(
  api: TestApi,
  team: Awaited<ReturnType<typeof setupTeam>>,
  overrides: Record<string, unknown> = {},
) {
  const { studyCreate } = await api.gql(
    `mutation($i: StudyCreateInput!) { studyCreate(input: $i) { study { ${STUDY_FIELDS} } userErrors { field message code } } }`,
    {
      i: {
        projectId: team.projectId,
        name: `study-${Math.random().toString(36).slice(2, 8)}`,
        objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
        space: { lr: { type: 'float', low: 1e-4, high: 0.1, log: true }, layers: { type: 'int', low: 1, high: 4 } },
        sampler: { kind: 'random', seed: 3 },
        objective: { kind: 'template', template: 'mlp', dataset: 'digits' },
        budget: { maxTrials: 4, maxParallel: 2 },
        ...overrides,
      },
    },
    team.user,
  );
  if (studyCreate.userErrors.length) throw new Error(JSON.stringify(studyCreate.userErrors));
  return studyCreate.study as { id: string; status: string; counts: Record<string, number> };
}

export const CLAIM = `mutation($i: TrialClaimInput!) { trialClaim(input: $i) {
  leases { leaseToken leaseExpiresAt trial { id number attempt params state } } userErrors { message code } } }`;
/** A lease as `CLAIM` reads it. */
export interface Lease {
  leaseToken: string;
  trial: { id: string; number: number; attempt: number; params: Record<string, unknown> };
}

/** `trialClaim` through `via` for `runnerId` on `studyId`, with the runner token `auth`: the leases it got. */
export async function claimLeases(via: TestApi, auth: Auth, runnerId: string, studyId: string, limit = 1): Promise<Lease[]> {
  const { trialClaim } = await via.gql(CLAIM, { i: { runnerId, studyId, limit } }, auth);
  return trialClaim.leases as Lease[];
}
export const REPORT = `mutation($i: TrialReportInput!) { trialReport(input: $i) {
  shouldPrune accepted leaseExpiresAt userErrors { message code } } }`;
export const COMPLETE = `mutation($i: TrialCompleteInput!) { trialComplete(input: $i) {
  trial { id state values error } userErrors { message code } } }`;

export type { TestDatabaseTarget };

/**
 * Two API replicas' worth of database handles on one throw-away database: two pools on Postgres (two processes'
 * connections); on PGlite, one handle twice (one process). `close()` closes them and drops the database.
 */
export async function replicaHandles(target: TestDatabaseTarget, poolSize = 4): Promise<{ handles: [DbHandle, DbHandle]; close(): Promise<void> }> {
  if (target.name === 'pglite') {
    const handle = await target.create();
    return { handles: [handle, handle], close: () => handle.close() };
  }
  const empty = await target.createEmpty();
  const first = await createDb({ url: empty.url, poolSize });
  await first.migrate();
  const second = await createDb({ url: empty.url, poolSize });
  return {
    handles: [first, second],
    close: async () => {
      await first.close();
      await second.close();
      await empty.drop();
    },
  };
}
