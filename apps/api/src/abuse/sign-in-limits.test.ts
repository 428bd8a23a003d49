import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@tuneboard/db/testing';
import { replicaHandles, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';

const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { user { email } retryAfterSeconds userErrors { code } } }`;
const PASSWORD = 'correct horse battery';

interface Answer {
  data?: {
    signIn: {
      user: { email: string } | null;
      retryAfterSeconds: number | null;
      userErrors: { code: string }[];
    };
  };
  errors?: { extensions?: { code?: string } }[];
}

/** Signs in over HTTP, from `address` as the trusted proxy reports it (none: the socket's address). */
async function signIn(api: TestApi, email: string, password: string, address?: string): Promise<Answer> {
  const response = await fetch(api.server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(address ? { 'x-forwarded-for': `203.0.113.9, ${address}` } : {}),
    },
    body: JSON.stringify({ query: SIGN_IN, variables: { i: { email, password } } }),
  });
  return (await response.json()) as Answer;
}

const code = (answer: Answer) =>
  answer.data?.signIn.userErrors[0]?.code ?? answer.errors?.[0]?.extensions?.code ?? 'OK';

type Handle = Awaited<ReturnType<typeof replicaHandles>>['handles'][number];

/**
 * Lets `seconds` pass for the limiter without sleeping: every counter's last failure moves that far into the past,
 * which is all the shared limiter reads of the clock (the database's now()). The back-off arithmetic and the
 * window are the server's own, unchanged.
 */
async function passTime(db: Handle, seconds: number): Promise<void> {
  await db.query(`update auth_attempt set last_failure_at = last_failure_at - make_interval(secs => $1)`, [
    seconds,
  ]);
}

/** Retries the right password, waiting out each refusal as told, until it is let in (bounded number of tries). */
async function eventuallySignsIn(
  api: TestApi,
  db: Handle,
  email: string,
): Promise<{ answer: Answer; waited: number }> {
  let waited = 0;
  for (let tries = 0; ; tries += 1) {
    const answer = await signIn(api, email, PASSWORD);
    if (code(answer) !== 'RATE_LIMITED' || tries >= 10) return { answer, waited };
    const wait = answer.data?.signIn.retryAfterSeconds ?? 1;
    waited += wait;
    await passTime(db, wait);
  }
}

describe.each(testDatabases)('sign-in limits shared by replicas [$name]', (target) => {
  let replicas: Awaited<ReturnType<typeof replicaHandles>>;
  let a: TestApi;
  let b: TestApi;
  beforeAll(async () => {
    replicas = await replicaHandles(target);
    const env = { TUNEBOARD_TRUSTED_PROXY_HEADER: 'x-forwarded-for' };
    a = await startTestApi(replicas.handles[0], env);
    b = await startTestApi(replicas.handles[1], env);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await replicas.close();
  });

  it('limits guesses at one account from many addresses on both replicas, backing off, and lets the owner in after', async () => {
    const team = await setupTeam(a, 'sprayed');
    const waits: number[] = [];
    let failures = 0;
    let attempt = 0;
    // Each guess from a new address, alternately on each replica; a refusal is waited out, as a patient attacker would.
    while (failures < 8) {
      attempt += 1;
      const answer = await signIn(
        attempt % 2 ? a : b,
        team.email,
        'wrong password!',
        `198.51.100.${attempt}`,
      );
      if (code(answer) === 'RATE_LIMITED') {
        waits.push(answer.data!.signIn.retryAfterSeconds!);
        await passTime(replicas.handles[0], waits.at(-1)!);
      } else {
        expect(code(answer)).toBe('BAD_CREDENTIALS');
        failures += 1;
      }
    }
    const [row] = await replicas.handles[0].query<{ failures: number }>(
      'select failures from auth_attempt where key = $1',
      [`account:${team.email}`],
    );
    expect(row!.failures).toBe(8);
    // The back-off grew between refusals; it now refuses at once on the other replica, from yet another address …
    expect(waits.length).toBeGreaterThanOrEqual(3);
    expect(waits.at(-1)!).toBeGreaterThan(waits[0]!);
    const blocked = await signIn(b, team.email, 'wrong password!', '198.51.100.250');
    expect(code(blocked)).toBe('RATE_LIMITED');
    expect(blocked.data!.signIn.retryAfterSeconds).toBeGreaterThan(waits[0]!);
    // … and the owner's right password works once the back-off passed (no 15-minute lock-out).
    const owner = await eventuallySignsIn(b, replicas.handles[0], team.email);
    expect(owner.answer.data?.signIn.user?.email).toBe(team.email);
    expect(owner.waited).toBeLessThanOrEqual(30);
  });

  it('limits one address spraying guesses over many accounts; other addresses are still served', async () => {
    const team = await setupTeam(a, 'neighbour');
    const codes: string[] = [];
    for (let i = 0; i < 40 && !codes.includes('RATE_LIMITED'); i += 1) {
      codes.push(
        code(await signIn(i % 2 ? a : b, `sprayed-${i}@example.test`, 'wrong password!', '192.0.2.66')),
      );
    }
    expect(codes).toContain('RATE_LIMITED');
    // The free attempts of an address were used before it was limited.
    expect(codes.filter((c) => c === 'BAD_CREDENTIALS').length).toBeGreaterThanOrEqual(20);
    expect(code(await signIn(a, 'sprayed-0@example.test', 'wrong password!', '192.0.2.67'))).toBe(
      'BAD_CREDENTIALS',
    );
    expect((await signIn(b, team.email, PASSWORD)).data?.signIn.user?.email).toBe(team.email);
  });

  it('does not keep the owner out for good after 60 concurrent bad guesses', async () => {
    const team = await setupTeam(a, 'burst');
    const guesses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        signIn(i % 2 ? a : b, team.email, 'wrong password!', `198.18.0.${i}`),
      ),
    );
    // Each guess is refused as a user error: a wrong password, or slowed down; none fails inside the server.
    for (const answer of guesses) expect(['BAD_CREDENTIALS', 'RATE_LIMITED']).toContain(code(answer));
    const owner = await eventuallySignsIn(a, replicas.handles[0], team.email);
    expect(owner.answer.data?.signIn.user?.email).toBe(team.email);
    // The per-account back-off is capped: the owner waits at most 30 s in all, however many guesses came first.
    expect(owner.waited).toBeLessThanOrEqual(30);
  });
});
