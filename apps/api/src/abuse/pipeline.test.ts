import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Client } from 'graphql-ws';
import { apiToken, membership, session, type DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { sha256 } from '../auth/secrets.ts';
import { publishMembershipChanged } from '../events.ts';
import { fromGlobalId } from '../ids.ts';
import { WS_LIMITS } from '../pipeline/sockets.ts';
import { createStudy, setupTeam, startTestApi, type Auth, type TestApi } from '../testing/harness.ts';

/** Issue #15, items 1 (cost), 3, 4 and 7: one pipeline for HTTP and WebSocket, masked errors, lost access. */

interface Refusal {
  message?: string;
  code?: number | string;
  reason?: string;
  extensions?: { code?: string; requestId?: string };
}

/** A subscription (or any operation over WebSocket) and everything that came back. */
function watch(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const state = { events: [] as unknown[], errors: [] as Refusal[], ended: false };
  const stop = client.subscribe(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) state.errors.push(...(value.errors as Refusal[]));
        if (value.data) state.events.push(value.data);
      },
      error: (error) => {
        state.errors.push(...(Array.isArray(error) ? (error as Refusal[]) : [error as Refusal]));
        state.ended = true;
      },
      complete: () => {
        state.ended = true;
      },
    },
  );
  return Object.assign(state, { stop });
}

async function until(predicate: () => boolean, what: string, timeoutMs = 15_000, step?: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await step?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const EVENTS = 'subscription($id: ID!) { studyEvents(studyId: $id) { kind study { id status } } }';
const attack = `query($n: Int!, $m: Int!, $id: ID!) { ${Array.from(
  { length: 30 },
  (_, i) => `a${i}: study(id: $id) { trials(first: $n) { nodes { metrics(maxPoints: $m) { points { value } } } } }`,
).join(' ')} }`;
const LEAK = /select|token_hash|lease_token|Failed query|Context creation/i;

describe.each(testDatabases)('abuse: one pipeline for HTTP and WebSocket [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let alpha: Awaited<ReturnType<typeof setupTeam>>;
  let studyId: string;
  /** While true, every SELECT of the API fails as a database that went away would. */
  let broken = false;

  beforeAll(async () => {
    handle = await target.create();
    // Every pool breaks: the caller is resolved on the protocol's pool, resolvers read on the dashboard's.
    const breakable = (database: DbHandle['db']) =>
      new Proxy(database, {
        get(object, property, receiver) {
          if (broken && property === 'select') {
            return () => {
              throw new Error('Failed query: select "id", "token_hash" from "api_token" where "token_hash" = $1 params: 5e884898da');
            };
          }
          return Reflect.get(object, property, receiver) as unknown;
        },
      });
    api = await startTestApi(
      {
        ...handle,
        db: breakable(handle.db),
        protocolDb: breakable(handle.protocolDb),
        // HTTP requests read through a view whose statements are cancelled when the client goes away.
        cancellable: (signal) => breakable(handle.cancellable(signal)),
      },
      { NODE_ENV: 'production' },
    );
    alpha = await setupTeam(api, 'alpha');
    studyId = (await createStudy(api, alpha, { budget: { maxTrials: 4, maxParallel: 1 } })).id;
  });
  afterAll(async () => {
    broken = false;
    await api.close();
    await handle.close();
  });

  /** A study event: the owner pauses or resumes the study. */
  let paused = false;
  async function bump(): Promise<void> {
    paused = !paused;
    await api.gql(`mutation($i: StudyIdInput!) { ${paused ? 'studyPause' : 'studyResume'}(input: $i) { study { id } } }`, { i: { id: studyId } }, alpha.user);
  }

  async function token(scope: 'READ' | 'RUNNER' = 'READ'): Promise<{ id: string; auth: Auth & { token: string } }> {
    const { apiTokenCreate } = await api.gql(
      'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret apiToken { id } } }',
      { i: { teamId: alpha.teamId, name: `t-${Math.random().toString(36).slice(2, 8)}`, scope } },
      alpha.user,
    );
    return { id: apiTokenCreate.apiToken.id as string, auth: { token: apiTokenCreate.secret as string } };
  }

  /** Another person, member of alpha's team as a VIEWER (added directly: sign-up policy is not at stake here). */
  async function viewerOfAlpha(name: string) {
    const person = await setupTeam(api, name);
    const [own] = await handle.db.select().from(membership).where(eq(membership.teamId, fromGlobalId(person.teamId)!.id));
    await handle.db.insert(membership).values({ teamId: fromGlobalId(alpha.teamId)!.id, userId: own!.userId, role: 'VIEWER' });
    return { ...person, userId: own!.userId };
  }

  it('refuses the 30-alias flood whose sizes come in variables with QUERY_TOO_EXPENSIVE, over HTTP and WebSocket, while a cheap query answers', async () => {
    const variables = { n: 1000, m: 10_000, id: studyId };
    const http = await api.post(attack, variables, alpha.user);
    expect(http.data).toBeUndefined();
    expect(http.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
    expect(http.errors?.[0]?.message).toMatch(/costs \d+.*over the limit of 10000/);
    const ws = watch(api.ws(alpha.user), attack, variables);
    await until(() => ws.ended, 'the WebSocket refusal');
    expect(ws.events).toEqual([]);
    expect(ws.errors[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
    const cheap = await api.gql(
      'query($n: Int!, $id: ID!) { study(id: $id) { trials(first: $n) { nodes { id } } } }',
      { n: 5, id: studyId },
      alpha.user,
    );
    expect(cheap.study.trials.nodes.length).toBeGreaterThan(0);
  });

  it('holds a subscription to the lower per-event limit: an analysis or a page of trials on every event is refused, the dashboard’s answers', async () => {
    for (const selection of [
      'study { parameterImportance { name importance } }',
      'study { trials(first: 50) { nodes { id params values } } }',
      'study { objectiveValues(maxPoints: 5000) bestSoFar(maxPoints: 500) { value } }',
    ]) {
      const heavy = watch(api.ws(alpha.user), `subscription($id: ID!) { studyEvents(studyId: $id) { kind ${selection} } }`, { id: studyId });
      await until(() => heavy.ended, 'the refusal of a costly subscription');
      expect(heavy.events).toEqual([]);
      expect(heavy.errors[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
      expect(heavy.errors[0]?.message).toMatch(/Each event of this subscription costs \d+, over the limit of 100 for subscriptions/);
    }
    // The same selection as a query is one read, within the query limit.
    const once = await api.post('query($id: ID!) { study(id: $id) { parameterImportance { name } } }', { id: studyId }, alpha.user);
    expect(once.errors).toBeUndefined();
    const light = watch(api.ws(alpha.user), EVENTS, { id: studyId });
    await until(() => light.events.length > 0, 'the SYNC event of a cheap subscription');
    expect(light.errors).toEqual([]);
    light.stop();
  });

  it('over WebSocket in production: refuses introspection, gives no field suggestions, codes every error with a request id', async () => {
    const client = api.ws(alpha.user);
    const introspection = watch(client, '{ __schema { queryType { name } } }');
    const typo = watch(client, '{ viewe { user { id } } }');
    await until(() => introspection.ended && typo.ended, 'both refusals');
    expect(introspection.events).toEqual([]);
    expect(introspection.errors[0]?.message).toMatch(/introspection/i);
    expect(introspection.errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.errors[0]?.message).toMatch(/Cannot query field "viewe"/);
    expect(typo.errors[0]?.message).not.toMatch(/Did you mean/);
    for (const error of [...introspection.errors, ...typo.errors]) expect(error.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const http = await api.post('{ viewe { user { id } } }', {}, alpha.user);
    expect(http.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('masks a resolver’s internal error over HTTP and WebSocket, with the request id of the x-request-id header', async () => {
    const reader = await token();
    const query = 'query($id: ID!) { study(id: $id) { id name } }';
    // Warms the token cache, so that resolving the caller does not need the database.
    await api.gql(query, { id: studyId }, reader.auth);
    const client = api.ws(reader.auth);
    broken = true;
    try {
      const response = await fetch(api.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${reader.auth.token}` },
        body: JSON.stringify({ query, variables: { id: studyId } }),
      });
      const body = (await response.json()) as { errors: Refusal[] };
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.errors[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
      expect(JSON.stringify(body)).not.toMatch(LEAK);
      const ws = watch(client, query, { id: studyId });
      await until(() => ws.ended, 'the WebSocket answer');
      expect(ws.errors[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(ws.errors[0]?.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(ws.errors)).not.toMatch(LEAK);
    } finally {
      broken = false;
    }
    expect((await api.gql(query, { id: studyId }, reader.auth)).study.id).toBe(studyId);
  });

  it('answers a masked 500 with a request id when the database fails while resolving the caller (context creation)', async () => {
    broken = true;
    let response: Response;
    try {
      response = await fetch(api.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: alpha.user.cookie },
        body: JSON.stringify({ query: '{ viewer { user { id } } }' }),
      });
    } finally {
      broken = false;
    }
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toMatch(LEAK);
    const body = JSON.parse(text) as { errors: Refusal[] };
    expect(body.errors[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: response.headers.get('x-request-id') });
    // The next request, with the database back, is served.
    expect((await api.gql('{ viewer { user { id } } }', {}, alpha.user)).viewer.user.id).toBeTruthy();
  });

  it('caps operations per socket and per token across sockets with TOO_MANY_SUBSCRIPTIONS; others keep subscribing', async () => {
    const capped = await token();
    const first = api.ws(capped.auth);
    const feeds = Array.from({ length: WS_LIMITS.operationsPerSocket + 1 }, () => watch(first, EVENTS, { id: studyId }));
    await until(() => feeds.some((feed) => feed.ended), 'one refusal');
    const refused = feeds.filter((feed) => feed.ended);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.errors[0]?.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
    // More sockets of the same token, full, up to the per-token cap of operations.
    const sockets = (WS_LIMITS.operationsPerPrincipal - WS_LIMITS.operationsPerSocket) / WS_LIMITS.operationsPerSocket;
    const more = Array.from({ length: sockets }, () => api.ws(capped.auth)).flatMap((client) =>
      Array.from({ length: WS_LIMITS.operationsPerSocket }, () => watch(client, EVENTS, { id: studyId })),
    );
    // Subscribed (not refused) once a study event reaches them.
    await until(() => more.every((feed) => feed.events.length > 0 || feed.ended), 'the other sockets to subscribe', 20_000, bump);
    const beyond = watch(api.ws(capped.auth), EVENTS, { id: studyId });
    await until(() => beyond.ended, 'the refusal beyond the per-token cap');
    expect(beyond.errors[0]?.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
    expect(more.filter((feed) => feed.ended)).toEqual([]);
    // Another caller is not limited by this token's subscriptions, and the accepted ones deliver.
    const other = watch(api.ws(alpha.user), EVENTS, { id: studyId });
    await until(() => other.events.length > 0 && feeds[0]!.events.length + feeds[1]!.events.length > 0, 'deliveries', 15_000, bump);
    expect(other.errors).toEqual([]);
  });

  it('caps sockets per token: the one beyond WS_LIMITS.socketsPerPrincipal is closed with 4429', async () => {
    const many = await token();
    const feeds = Array.from({ length: WS_LIMITS.socketsPerPrincipal + 1 }, () => watch(api.ws(many.auth), EVENTS, { id: studyId }));
    await until(() => feeds.some((feed) => feed.ended), 'one socket to be refused');
    const refused = feeds.filter((feed) => feed.ended);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.errors[0]?.code).toBe(4429);
    await until(() => feeds.every((feed) => feed.ended || feed.events.length > 0), 'the others to deliver', 15_000, bump);
  });

  describe('subscriptions end when access is lost', () => {
    async function delivering(feed: ReturnType<typeof watch>): Promise<void> {
      await until(() => feed.events.length > 0, 'a first event', 15_000, bump);
    }
    function endCode(feed: ReturnType<typeof watch>): unknown {
      const error = feed.errors[0];
      return error?.extensions?.code ?? error?.code;
    }

    it('a revoked API token: its socket closes (4403) and delivery stops', async () => {
      const reader = await token();
      const feed = watch(api.ws(reader.auth), EVENTS, { id: studyId });
      await delivering(feed);
      await api.gql('mutation($i: ApiTokenRevokeInput!) { apiTokenRevoke(input: $i) { apiToken { id } } }', { i: { id: reader.id } }, alpha.user);
      await until(() => feed.ended, 'the socket to close');
      expect(endCode(feed)).toBe(4403);
    });

    it('signing out: the session’s socket closes (4403)', async () => {
      const person = await viewerOfAlpha('signout');
      const feed = watch(api.ws(person.user), EVENTS, { id: studyId });
      await delivering(feed);
      await api.gql('mutation { signOut { signedOut } }', {}, person.user);
      await until(() => feed.ended, 'the socket to close');
      expect(endCode(feed)).toBe(4403);
    });

    it('a member removed from the team: the subscription ends with NOT_FOUND before the next event', async () => {
      const person = await viewerOfAlpha('removed');
      const feed = watch(api.ws(person.user), EVENTS, { id: studyId });
      await delivering(feed);
      await handle.db.delete(membership).where(eq(membership.userId, person.userId));
      await publishMembershipChanged(handle.db, person.userId, fromGlobalId(alpha.teamId)!.id);
      const seen = feed.events.length;
      await until(() => feed.ended, 'the subscription to end', 15_000, bump);
      expect(endCode(feed)).toBe('NOT_FOUND');
      expect(feed.events.length).toBe(seen);
    });

    it('an expired session: delivery ends', async () => {
      const person = await viewerOfAlpha('expired');
      const feed = watch(api.ws(person.user), EVENTS, { id: studyId });
      await delivering(feed);
      await handle.db.update(session).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(session.userId, person.userId));
      await until(() => feed.ended, 'the subscription to end', 15_000, bump);
      expect([4403, 'UNAUTHENTICATED']).toContain(endCode(feed));
    });

    it('an expired API token: delivery ends', async () => {
      const reader = await token();
      const feed = watch(api.ws(reader.auth), EVENTS, { id: studyId });
      await delivering(feed);
      await handle.db.update(apiToken).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(apiToken.tokenHash, sha256(reader.auth.token)));
      await until(() => feed.ended, 'the subscription to end', 15_000, bump);
      expect([4403, 'UNAUTHENTICATED']).toContain(endCode(feed));
    });
  });
});

describe.each(testDatabases)('abuse: the size of one result [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle, { NODE_ENV: 'production', TUNEBOARD_MAX_RESPONSE_BYTES: '2048' });
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('replaces a result over TUNEBOARD_MAX_RESPONSE_BYTES by QUERY_TOO_EXPENSIVE over HTTP and WebSocket; small ones answer', async () => {
    const team = await setupTeam(api, 'sizes');
    const large = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: viewer { user { id name email } teams { id name slug } }`).join(' ')} }`;
    const http = await api.post(large, {}, team.user);
    expect(http.data).toBeUndefined();
    expect(http.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
    expect(http.errors?.[0]?.message).toMatch(/over the limit of 2048/);
    const ws = watch(api.ws(team.user), large);
    await until(() => ws.ended, 'the WebSocket answer');
    expect(ws.events).toEqual([]);
    expect(ws.errors[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
    expect((await api.gql('{ viewer { user { id } } }', {}, team.user)).viewer.user.id).toBeTruthy();
  });
});
