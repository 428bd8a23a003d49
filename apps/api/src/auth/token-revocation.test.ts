import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@tuneboard/db/testing';
import { pino } from 'pino';
import { readApiEnv } from '../env.ts';
import { rawId } from '../ids.ts';
import { startApiServer, type ApiServer } from '../server.ts';
import { replicaHandles, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';

const VIEWER = 'query { viewer { __typename } }';
const STUDIES_OF_TEAM = 'query($id: ID!) { node(id: $id) { id } }';

async function post(url: string, token: string, query: string, variables: unknown = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

/** Asks until the token is refused; gives up after `tries` (the broadcast normally lands within milliseconds). */
async function refusedWithin(url: string, token: string, teamId: string, tries = 50): Promise<boolean> {
  for (let i = 0; i < tries; i += 1) {
    const result = await post(url, token, STUDIES_OF_TEAM, { id: teamId });
    if (result.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe.each(testDatabases)('API token revocation across replicas with a token cache [$name]', (target) => {
  let replicas: Awaited<ReturnType<typeof replicaHandles>>;
  let a: TestApi;
  let b: ApiServer;
  beforeAll(async () => {
    replicas = await replicaHandles(target);
    const handles = replicas.handles;
    a = await startTestApi(handles[0]);
    // Replica B trusts a cached token for ten minutes: only the broadcast can make it let go sooner.
    const env = readApiEnv({ PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    b = await startApiServer(handles[1], env, pino({ level: 'silent' }), { tokenCacheMs: 600_000 });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await replicas.close();
  });

  async function tokenOf(team: Awaited<ReturnType<typeof setupTeam>>, name: string) {
    const { apiTokenCreate } = await a.gql(
      'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret apiToken { id } } }',
      { i: { teamId: team.teamId, name, scope: 'READ' } },
      team.user,
    );
    return { id: apiTokenCreate.apiToken.id as string, secret: apiTokenCreate.secret as string };
  }

  it('refuses a token on replica B once replica A revoked it, though B had it cached', async () => {
    const team = await setupTeam(a, 'revoke');
    const token = await tokenOf(team, 'reader');
    // B looks the token up and caches it; A too.
    expect((await post(b.url, token.secret, STUDIES_OF_TEAM, { id: team.teamId })).errors).toBeUndefined();
    expect((await post(a.server.url, token.secret, VIEWER)).errors).toBeUndefined();

    const { apiTokenRevoke } = await a.gql(
      'mutation($i: ApiTokenRevokeInput!) { apiTokenRevoke(input: $i) { apiToken { revokedAt } userErrors { message } } }',
      { i: { id: token.id } },
      team.user,
    );
    expect(apiTokenRevoke.userErrors).toEqual([]);
    // On the replica that revoked it: refused on the very next request.
    const onA = await post(a.server.url, token.secret, STUDIES_OF_TEAM, { id: team.teamId });
    expect(onA.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // On the other replica: as soon as the NOTIFY arrives, long before its cache entry would age out.
    expect(await refusedWithin(b.url, token.secret, team.teamId)).toBe(true);
  });

  it("serves a cached token on B when a revocation is written behind the API's back (no broadcast)", async () => {
    const team = await setupTeam(a, 'cached');
    const token = await tokenOf(team, 'reader');
    expect((await post(b.url, token.secret, STUDIES_OF_TEAM, { id: team.teamId })).errors).toBeUndefined();
    // Not through apiTokenRevoke, so no broadcast: this is what the broadcast exists for.
    await replicas.handles[0].query('update api_token set revoked_at = now() where id = $1', [rawId(token.id, 'ApiToken')]);
    expect((await post(b.url, token.secret, STUDIES_OF_TEAM, { id: team.teamId })).errors).toBeUndefined();
  });
});
