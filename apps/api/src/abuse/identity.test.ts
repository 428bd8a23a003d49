import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { runAdmin } from '../admin.ts';
import { rawId } from '../ids.ts';
import { setupTeam, startTestApi, type Auth, type TestApi } from '../testing/harness.ts';

const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { user { id email } userErrors { field message code } } }`;
const INVITE = `mutation($i: InvitationCreateInput!) { invitationCreate(input: $i) {
  invitation { id email role teamName invitedByName expiresAt } link userErrors { field message code } } }`;
const MEMBERSHIP_CREATE = `mutation($i: MembershipCreateInput!) { membershipCreate(input: $i) {
  membership { role } invitation { email role teamName } link userErrors { field message code } } }`;
const ACCEPT = `mutation($i: InvitationAcceptInput!) { invitationAccept(input: $i) {
  membership { role team { id } } userErrors { field message code } } }`;
const UPDATE = `mutation($i: MembershipUpdateInput!) { membershipUpdate(input: $i) {
  membership { role } userErrors { field message code } } }`;
const REMOVE = `mutation($i: MembershipRemoveInput!) { membershipRemove(input: $i) {
  membership { role } userErrors { field message code } } }`;
const ROLES = `query($id: ID!) { node(id: $id) { ... on Team { memberships { role user { email } } } } }`;

const email = (name: string) => `${name}-${Math.random().toString(36).slice(2)}@example.test`;

/** Signs up over HTTP; returns the answer and the session cookie (empty when refused). */
async function signUp(api: TestApi, input: Record<string, unknown>) {
  const response = await fetch(api.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: SIGN_UP,
      variables: { i: { name: 'Someone', password: 'correct horse battery', ...input } },
    }),
  });
  const body = (await response.json()) as {
    data: { signUp: { user: { id: string } | null; userErrors: { code: string; message: string }[] } };
  };
  return { ...body.data.signUp, auth: { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]! } };
}

async function userId(api: TestApi, auth: Auth): Promise<string> {
  return (await api.gql('{ viewer { user { id } } }', {}, auth)).viewer.user.id;
}

async function roleOf(api: TestApi, auth: Auth, teamId: string, who: string) {
  const { node } = await api.gql(ROLES, { id: teamId }, auth);
  return (node.memberships as { role: string; user: { email: string } }[]).find((m) => m.user.email === who)
    ?.role;
}

/** Invites `to` into the team as `role` and accepts with their session: a member with that role. */
async function addMember(api: TestApi, owner: Auth, teamId: string, role: string) {
  const address = email(role.toLowerCase());
  const invited = await api.gql(INVITE, { i: { teamId, email: address, role } }, owner);
  const token = (invited.invitationCreate.link as string).replace('/invite/', '');
  const member = await signUp(api, { email: address });
  const accepted = await api.gql(ACCEPT, { i: { token } }, member.auth);
  expect(accepted.invitationAccept.userErrors).toEqual([]);
  return { email: address, auth: member.auth, id: await userId(api, member.auth) };
}

describe.each(testDatabases)('identity and tenancy [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let invite: TestApi;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    // A second server on the same database whose policy is the default once accounts exist: by invitation.
    invite = await startTestApi(handle, { TUNEBOARD_SIGNUP_POLICY: 'invite' });
  });
  afterAll(async () => {
    await invite.close();
    await api.close();
    await handle.close();
  });

  it('refuses an admin demoting or removing the only owner, and keeps the last owner', async () => {
    const team = await setupTeam(api, 'roles');
    const ownerId = await userId(api, team.user);
    const admin = await addMember(api, team.user, team.teamId, 'ADMIN');
    const changed: string[] = [];
    const stop = await handle.listen('tb_access_changed', (payload) => changed.push(payload));

    // The attack of the issue: membershipCreate on the owner's e-mail no longer overwrites their role.
    const again = await api.gql(
      MEMBERSHIP_CREATE,
      { i: { teamId: team.teamId, email: team.email, role: 'VIEWER' } },
      admin.auth,
    );
    expect(again.membershipCreate.userErrors[0]).toMatchObject({
      code: 'ALREADY_MEMBER',
      field: ['input', 'email'],
    });
    expect(again.membershipCreate.link).toBeNull();
    for (const [query, input] of [
      [UPDATE, { teamId: team.teamId, userId: ownerId, role: 'VIEWER' }],
      [REMOVE, { teamId: team.teamId, userId: ownerId }],
      [UPDATE, { teamId: team.teamId, userId: admin.id, role: 'OWNER' }],
    ] as const) {
      const refused = await api.post(query, { i: input }, admin.auth);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await roleOf(api, team.user, team.teamId, team.email)).toBe('OWNER');

    // The only owner can neither step down nor leave.
    for (const [query, input] of [
      [UPDATE, { teamId: team.teamId, userId: ownerId, role: 'ADMIN' }],
      [REMOVE, { teamId: team.teamId, userId: ownerId }],
    ] as const) {
      const { data } = await api.post<Record<string, { userErrors: { code: string }[] }>>(
        query,
        { i: input },
        team.user,
      );
      expect(Object.values(data!)[0]!.userErrors[0]!.code).toBe('LAST_OWNER');
    }
    expect(await roleOf(api, team.user, team.teamId, team.email)).toBe('OWNER');

    // Another team's admin is told the team does not exist.
    const other = await setupTeam(api, 'outsider');
    const probe = await api.post(
      UPDATE,
      { i: { teamId: team.teamId, userId: ownerId, role: 'VIEWER' } },
      other.user,
    );
    expect(probe.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // With a second owner, the first may step down; the admin can then be removed by an owner.
    const promoted = await api.gql(
      UPDATE,
      { i: { teamId: team.teamId, userId: admin.id, role: 'OWNER' } },
      team.user,
    );
    expect(promoted.membershipUpdate).toEqual({ membership: { role: 'OWNER' }, userErrors: [] });
    const down = await api.gql(
      UPDATE,
      { i: { teamId: team.teamId, userId: ownerId, role: 'MEMBER' } },
      team.user,
    );
    expect(down.membershipUpdate.membership.role).toBe('MEMBER');
    const viewer = await addMember(api, admin.auth, team.teamId, 'VIEWER');
    const removed = await api.gql(REMOVE, { i: { teamId: team.teamId, userId: viewer.id } }, admin.auth);
    expect(removed.membershipRemove.userErrors).toEqual([]);
    expect((await api.gql('{ viewer { teams { id } } }', {}, viewer.auth)).viewer.teams).toEqual([]);
    // Every replica hears of each change (subscriptions re-check their access on it).
    await expect
      .poll(() => changed.map((payload) => JSON.parse(payload) as { userId: string }).map((m) => m.userId), {
        timeout: 10_000,
      })
      .toEqual(expect.arrayContaining([admin.id, ownerId, viewer.id].map((id) => rawId(id, 'User'))));
    await stop();
    // Other requests kept being served.
    expect((await api.gql('{ viewer { user { email } } }', {}, team.user)).viewer.user.email).toBe(
      team.email,
    );
  });

  it('refuses a team more than 100 usable API tokens, naming the limit; a revoked or expired one does not count', async () => {
    const team = await setupTeam(api, 'token-cap');
    const CREATE = `mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret apiToken { id } userErrors { field message code } } }`;
    const teamRow = rawId(team.teamId, 'Team');
    const active = async () =>
      (await handle.query<{ n: number }>('select count(*)::int as n from api_token where team_id = $1 and revoked_at is null and (expires_at is null or expires_at > now())', [teamRow]))[0]!.n;
    // Fill up to 99 usable tokens directly, plus an expired one that must not count.
    await handle.query(
      `insert into api_token (team_id, name, prefix, token_hash, scope) select $1, 'bulk', 'tb_x', md5(random()::text || g), 'READ' from generate_series(1, $2::int) g`,
      [teamRow, 99 - (await active())],
    );
    await handle.query(`insert into api_token (team_id, name, prefix, token_hash, scope, expires_at) values ($1, 'old', 'tb_x', md5(random()::text), 'READ', now() - interval '1 day')`, [teamRow]);
    const hundredth = await api.gql(CREATE, { i: { teamId: team.teamId, name: 'hundredth', scope: 'READ' } }, team.user);
    expect(hundredth.apiTokenCreate.secret).toMatch(/^tb_/);
    expect(await active()).toBe(100);
    const refused = await api.gql(CREATE, { i: { teamId: team.teamId, name: 'one-more', scope: 'READ' } }, team.user);
    expect(refused.apiTokenCreate).toMatchObject({
      secret: null,
      apiToken: null,
      userErrors: [{ field: ['input', 'teamId'], code: 'LIMIT_REACHED', message: 'The team has 100 API tokens in use, the most it may have; revoke some first.' }],
    });
    await api.gql('mutation($i: ApiTokenRevokeInput!) { apiTokenRevoke(input: $i) { userErrors { message } } }', { i: { id: hundredth.apiTokenCreate.apiToken.id } }, team.user);
    expect((await api.gql(CREATE, { i: { teamId: team.teamId, name: 'after-revoke', scope: 'READ' } }, team.user)).apiTokenCreate.secret).toMatch(/^tb_/);
  });

  it('invites instead of adding, with the same answer for e-mails with and without an account', async () => {
    const team = await setupTeam(api, 'inviter');
    const victim = await setupTeam(api, 'victim');
    const known = await api.gql(
      MEMBERSHIP_CREATE,
      { i: { teamId: team.teamId, email: victim.email, role: 'MEMBER' } },
      team.user,
    );
    const unknownEmail = email('nobody');
    const unknown = await api.gql(
      MEMBERSHIP_CREATE,
      { i: { teamId: team.teamId, email: unknownEmail, role: 'MEMBER' } },
      team.user,
    );
    const shape = (payload: { invitation: { email: string }; link: string }) => ({
      ...payload,
      invitation: { ...payload.invitation, email: '*' },
      link: payload.link.replace(/[^/]+$/, '*'),
    });
    expect(shape(known.membershipCreate)).toEqual(shape(unknown.membershipCreate));
    expect(known.membershipCreate).toMatchObject({
      membership: null,
      userErrors: [],
      invitation: { email: victim.email },
    });
    // Nothing changed for the victim until they accept, from their own list.
    expect(
      (await api.gql('{ viewer { teams { id } } }', {}, victim.user)).viewer.teams.map(
        (t: { id: string }) => t.id,
      ),
    ).toEqual([victim.teamId]);
    const { viewer } = await api.gql('{ viewer { invitations { id teamName role } } }', {}, victim.user);
    expect(viewer.invitations).toHaveLength(1);
    // Someone else cannot accept it by id.
    const stranger = await setupTeam(api, 'stranger');
    const stolen = await api.gql(ACCEPT, { i: { id: viewer.invitations[0].id } }, stranger.user);
    expect(stolen.invitationAccept.userErrors[0].code).toBe('NOT_FOUND');
    const accepted = await api.gql(ACCEPT, { i: { id: viewer.invitations[0].id } }, victim.user);
    expect(accepted.invitationAccept.membership).toEqual({ role: 'MEMBER', team: { id: team.teamId } });
    expect((await api.gql('{ viewer { invitations { id } } }', {}, victim.user)).viewer.invitations).toEqual(
      [],
    );
    // A bad e-mail is named.
    const bad = await api.gql(
      INVITE,
      { i: { teamId: team.teamId, email: 'not an e-mail', role: 'VIEWER' } },
      team.user,
    );
    expect(bad.invitationCreate.userErrors[0]).toMatchObject({ field: ['input', 'email'], code: 'INVALID' });
    expect(bad.invitationCreate.userErrors[0].message).toContain('not an e-mail');
  });

  it('refuses sign-up without an invitation under `invite` (the same answer for known and unknown e-mails), accepts one once', async () => {
    const team = await setupTeam(api, 'policy');
    expect((await invite.gql('{ signUpPolicy }')).signUpPolicy).toBe('INVITE');
    const existing = await signUp(invite, { email: team.email });
    const fresh = await signUp(invite, { email: email('fresh') });
    expect(existing.userErrors).toEqual(fresh.userErrors);
    expect(fresh.userErrors[0]!.code).toBe('SIGNUP_CLOSED');
    expect(fresh.user).toBeNull();

    const address = email('invitee');
    const made = await invite.gql(
      INVITE,
      { i: { teamId: team.teamId, email: address, role: 'VIEWER' } },
      team.user,
    );
    const token = (made.invitationCreate.link as string).replace('/invite/', '');
    // The link works for its own address only.
    const elsewhere = await signUp(invite, { email: email('other'), invitationToken: token });
    expect(elsewhere.userErrors[0]!.code).toBe('NOT_FOUND');
    const joined = await signUp(invite, { email: address, invitationToken: token });
    expect(joined.userErrors).toEqual([]);
    const { viewer } = await invite.gql('{ viewer { teams { id viewerRole } } }', {}, joined.auth);
    expect(viewer.teams).toEqual([{ id: team.teamId, viewerRole: 'VIEWER' }]);
    // Single use: neither a second sign-up nor an accept by anyone works with it again.
    const reused = await signUp(invite, { email: address, invitationToken: token });
    expect(reused.user).toBeNull();
    const reaccept = await invite.gql(ACCEPT, { i: { token } }, joined.auth);
    expect(reaccept.invitationAccept.userErrors[0].code).toBe('NOT_FOUND');

    // Where sign-up is open, a taken e-mail gets a generic refusal that does not say the account exists.
    const taken = await signUp(api, { email: team.email });
    expect(taken.userErrors[0]!.code).toBe('SIGNUP_REFUSED');
    expect(taken.userErrors[0]!.message).not.toMatch(/exists|already/i);
  });

  it('refuses an expired or revoked invitation', async () => {
    const team = await setupTeam(api, 'expiry');
    const expiring = email('late');
    const made = await api.gql(
      INVITE,
      { i: { teamId: team.teamId, email: expiring, role: 'MEMBER' } },
      team.user,
    );
    const token = (made.invitationCreate.link as string).replace('/invite/', '');
    await handle.query(`update invitation set expires_at = now() - interval '1 second' where email = $1`, [
      expiring,
    ]);
    const late = await signUp(invite, { email: expiring, invitationToken: token });
    expect(late.userErrors[0]!.code).toBe('NOT_FOUND');
    expect(late.user).toBeNull();

    const revoking = email('revoked');
    const second = await api.gql(
      INVITE,
      { i: { teamId: team.teamId, email: revoking, role: 'MEMBER' } },
      team.user,
    );
    const revoked = await api.gql(
      'mutation($i: InvitationRevokeInput!) { invitationRevoke(input: $i) { invitation { id } userErrors { code } } }',
      { i: { id: second.invitationCreate.invitation.id } },
      team.user,
    );
    expect(revoked.invitationRevoke.userErrors).toEqual([]);
    const refused = await signUp(invite, {
      email: revoking,
      invitationToken: second.invitationCreate.link.replace('/invite/', ''),
    });
    expect(refused.userErrors[0]!.code).toBe('NOT_FOUND');
    const listed = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on Team { invitations { email } } } }`,
      { id: team.teamId },
      team.user,
    );
    expect(listed.node.invitations).toEqual([]);
  });
});

describe('the sign-up policy set with the admin CLI [pglite]', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'tuneboard-policy-'));
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('without a setting is open for the first account only, then by invitation', async () => {
    const handle = await createDb({ dataDir: path.join(base, 'fresh') });
    await handle.migrate();
    // No policy in the environment either (the harness opens sign-up unless told otherwise).
    const api = await startTestApi(handle, { TUNEBOARD_SIGNUP_POLICY: undefined } as never);
    try {
      expect((await api.gql('{ signUpPolicy }')).signUpPolicy).toBe('OPEN');
      expect((await signUp(api, { email: email('first') })).userErrors).toEqual([]);
      expect((await api.gql('{ signUpPolicy }')).signUpPolicy).toBe('INVITE');
      expect((await signUp(api, { email: email('second') })).userErrors[0]!.code).toBe('SIGNUP_CLOSED');
    } finally {
      await api.close();
      await handle.close();
    }
  });

  it('overrides TUNEBOARD_SIGNUP_POLICY on the server', async () => {
    const dataDir = path.join(base, 'pglite');
    const lines: string[] = [];
    await runAdmin(['signup-policy', 'set', 'closed'], (line) => lines.push(line), { dataDir });
    expect(lines).toEqual(['sign-up policy: closed']);
    await expect(runAdmin(['signup-policy', 'set', 'sometimes'], () => {}, { dataDir })).rejects.toThrow(
      /open, invite, closed.*"sometimes"/,
    );
    const handle = await createDb({ dataDir });
    const api = await startTestApi(handle, { TUNEBOARD_SIGNUP_POLICY: 'open' });
    try {
      expect((await api.gql('{ signUpPolicy }')).signUpPolicy).toBe('CLOSED');
      const refused = await signUp(api, { email: email('closed') });
      expect(refused.userErrors[0]!.code).toBe('SIGNUP_CLOSED');
    } finally {
      await api.close();
      await handle.close();
    }
  });
});
