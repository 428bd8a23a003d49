import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { FairShare, MAX_IN_FLIGHT, MAX_WAITING, isCharged } from '../pipeline/fair-share.ts';
import { CLAIM, createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';

/** Issue #15: one caller's queries cannot take the server's time from the others (pipeline/fair-share.ts). */

describe('FairShare: a token bucket of server time per caller', () => {
  it('admits until the burst is spent, refuses with RATE_LIMITED and the wait, refills over time, per caller', () => {
    let now = 0;
    const share = new FairShare({ msPerSecond: 100, burstMs: 1_000, now: () => now });
    share.admit('user:a');
    share.charge('user:a', 700);
    share.admit('user:a');
    share.charge('user:a', 800);
    // 1,000 − 1,500 = −500 ms: 5 s at 100 ms a second before a positive balance, plus 1 ms.
    let refusal: unknown;
    try {
      share.admit('user:a');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 6, http: { status: 429 } } });
    expect(String((refusal as Error).message)).toMatch(/over 1000 ms at once or 100 ms a second; try again in 6 s/);
    // Another caller is not affected.
    expect(() => share.admit('user:b')).not.toThrow();
    now += 4_000;
    expect(() => share.admit('user:a')).toThrow(/try again in 2 s/);
    now += 1_100;
    expect(() => share.admit('user:a')).not.toThrow();
    now += 60_000;
    // Refilled to the burst, never above it.
    expect(share.remaining('user:a')).toBe(1_000);
  });

  it('runs at most MAX_IN_FLIGHT operations of a caller at once, first come first served, and refuses past MAX_WAITING waiting', async () => {
    const share = new FairShare({ msPerSecond: 100, burstMs: 1_000 });
    const leaves = await Promise.all(Array.from({ length: MAX_IN_FLIGHT }, () => share.enter('user:a')));
    expect(share.inFlight('user:a')).toEqual({ running: MAX_IN_FLIGHT, waiting: 0 });
    const order: number[] = [];
    const waiting = Array.from({ length: MAX_WAITING }, (_, i) => share.enter('user:a').then((leave) => (order.push(i), leave)));
    await Promise.resolve();
    expect(share.inFlight('user:a')).toEqual({ running: MAX_IN_FLIGHT, waiting: MAX_WAITING });
    await expect(share.enter('user:a')).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } });
    // Another caller is not held back.
    (await share.enter('user:b'))();
    // Each place given back goes to the oldest waiter; giving one back twice frees one place only.
    leaves[0]!();
    leaves[0]!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([0]);
    expect(share.inFlight('user:a')).toEqual({ running: MAX_IN_FLIGHT, waiting: MAX_WAITING - 1 });
    for (const leave of leaves.slice(1)) leave();
    for (const next of waiting) (await next)();
    expect(order).toEqual(Array.from({ length: MAX_WAITING }, (_, i) => i));
    expect(share.inFlight('user:a')).toEqual({ running: 0, waiting: 0 });
    // Off (0 ms a second): no limit at all.
    const off = new FairShare({ msPerSecond: 0, burstMs: 1_000 });
    await Promise.all(Array.from({ length: MAX_IN_FLIGHT + MAX_WAITING + 5 }, () => off.enter('user:a')));
  });

  it('charges queries and mutations but not subscriptions, the runner protocol, or signing in', () => {
    expect(isCharged(parse('mutation { signIn(input: {email: "a@b.c", password: "x"}) { user { id } } }'), undefined)).toBe(false);
    expect(isCharged(parse('{ viewer { user { id } } }'), undefined)).toBe(true);
    expect(isCharged(parse('mutation { studyPause(input: {id: "x"}) { study { id } } }'), undefined)).toBe(true);
    expect(isCharged(parse('mutation { trialClaim(input: {runnerId: "r"}) { leases { leaseToken } } __typename }'), undefined)).toBe(false);
    // A protocol field beside another mutation is charged: the protocol's exemption is not a way in.
    expect(isCharged(parse('mutation { trialClaim(input: {runnerId: "r"}) { leases { leaseToken } } studyPause(input: {id: "x"}) { study { id } } }'), undefined)).toBe(true);
    expect(isCharged(parse('subscription { studyEvents(studyId: "s") { kind } }'), undefined)).toBe(false);
    expect(isCharged(parse('query A { viewer { user { id } } } mutation B { trialClaim(input: {runnerId: "r"}) { leases { leaseToken } } }'), 'B')).toBe(false);
  });

  it('is on by default: 250 ms a second after a 5-s burst', async () => {
    const { readApiEnv } = await import('../env.ts');
    const env = readApiEnv({});
    expect([env.TUNEBOARD_FAIR_SHARE_MS_PER_S, env.TUNEBOARD_FAIR_SHARE_BURST_MS]).toEqual([250, 5_000]);
  });
});

describe.each(testDatabases)('abuse: a caller over its share of server time [$name]', (target) => {
  let handle: DbHandle;
  /** Where the people, teams and study are made (no share: signing up hashes passwords, charged to the address). */
  let setup: TestApi;
  let api: TestApi;
  beforeAll(async () => {
    handle = await target.create();
    setup = await startTestApi(handle);
    // A second replica on the same database, with a share small enough that a few queries spend it.
    api = await startTestApi(handle, { NODE_ENV: 'production', TUNEBOARD_FAIR_SHARE_MS_PER_S: '1', TUNEBOARD_FAIR_SHARE_BURST_MS: '100' });
  });
  afterAll(async () => {
    await api.close();
    await setup.close();
    await handle.close();
  });

  it('refuses the heavy caller with RATE_LIMITED over HTTP (429) and WebSocket, while others and its runner claims are served', async () => {
    const heavy = await setupTeam(setup, 'heavy');
    const other = await setupTeam(setup, 'other');
    const study = await createStudy(setup, heavy, { budget: { maxTrials: 4, maxParallel: 4 } });
    const runnerId = await heavy.register('heavy-runner');
    const query = 'query($id: ID!) { study(id: $id) { id trials(first: 50) { totalCount nodes { id params } } } }';
    let refused: Response | undefined;
    for (let i = 0; i < 500 && !refused; i += 1) {
      const response = await fetch(api.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: heavy.user.cookie },
        body: JSON.stringify({ query, variables: { id: study.id } }),
      });
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(200);
    }
    expect(refused, 'the heavy caller was refused within 500 queries').toBeDefined();
    const body = (await refused!.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(body.errors[0]!.extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(body.errors[0]!.message).toMatch(/Too much server time for this caller/);

    // Over WebSocket the same caller is refused the same way: its share refills while the socket opens (1 ms a
    // second here), so it asks until it has spent it again, as over HTTP.
    const client = api.ws(heavy.user);
    const once = () =>
      new Promise<{ extensions?: { code?: string } }[]>((resolve) => {
        const errors: { extensions?: { code?: string } }[] = [];
        client.subscribe(
          { query, variables: { id: study.id } },
          {
            next: (value) => void (value.errors && errors.push(...(value.errors as never[]))),
            error: (error) => resolve([...errors, ...(Array.isArray(error) ? error : [error])]),
            complete: () => resolve(errors),
          },
        );
      });
    let wsErrors: { extensions?: { code?: string } }[] = [];
    for (let i = 0; i < 500 && wsErrors.length === 0; i += 1) wsErrors = await once();
    expect(wsErrors[0]?.extensions?.code).toBe('RATE_LIMITED');

    // Another person is served meanwhile, and so is the heavy team's runner protocol, even as the same person.
    const mine = await api.gql('{ viewer { user { email } } }', {}, other.user);
    expect(mine.viewer.user.email).toBe(other.email);
    const asRunner = await api.gql(CLAIM, { i: { runnerId, studyId: study.id } }, heavy.runnerAuth);
    expect(asRunner.trialClaim.leases).toHaveLength(1);
    const asUser = await api.gql(CLAIM, { i: { runnerId, studyId: study.id } }, heavy.user);
    expect(asUser.trialClaim.leases).toHaveLength(1);
  });
});
