import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membership, type DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { AlreadyStoredError, FilesystemStore } from '../artifacts/fs-store.ts';
import { UrlSigner } from '../artifacts/signing.ts';
import { BEGIN, COMPLETE_UPLOAD, DELETE, LIST, absolute, put, sha256 } from '../artifacts/testing.ts';
import { rawId } from '../ids.ts';
import { CLAIM, COMPLETE, createStudy, setupTeam, startTestApi, type Auth, type TestApi } from '../testing/harness.ts';

/** Issue #19, item 5: artifacts are seen only by their team, added only by writers or the lease holder, deleted by writers. */

describe.each(testDatabases)('abuse: artifacts [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let dir: string;
  let alpha: Awaited<ReturnType<typeof setupTeam>>;
  let beta: Awaited<ReturnType<typeof setupTeam>>;
  let viewer: Auth;
  let lease: { leaseToken: string; trial: { id: string } };
  let other: { leaseToken: string; trial: { id: string } };
  let artifactId: string;
  let downloadUrl: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tb-artifacts-abuse-'));
    handle = await target.create();
    api = await startTestApi(handle, { NODE_ENV: 'production', TUNEBOARD_ARTIFACTS_DIR: dir });
    alpha = await setupTeam(api, 'alpha');
    beta = await setupTeam(api, 'beta');
    const looker = await setupTeam(api, 'looker');
    const { viewer: me } = await api.gql('{ viewer { user { id } } }', undefined, looker.user);
    await handle.db.insert(membership).values({ teamId: rawId(alpha.teamId, 'Team')!, userId: rawId(me.user.id as string, 'User')!, role: 'VIEWER' });
    viewer = looker.user;
    const study = await createStudy(api, alpha);
    const runnerId = await alpha.register('alpha-runner');
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId, studyId: study.id, limit: 2 } }, alpha.runnerAuth);
    [lease, other] = trialClaim.leases;
    const begun = await api.gql(BEGIN, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, name: 'secret.txt', size: 6, sha256: sha256('secret') } }, alpha.runnerAuth);
    await put(api, begun.artifactUploadBegin.upload, 'secret');
    const done = await api.gql(COMPLETE_UPLOAD, { i: { id: begun.artifactUploadBegin.artifact.id, leaseToken: lease.leaseToken } }, alpha.runnerAuth);
    artifactId = done.artifactUploadComplete.artifact.id;
    downloadUrl = done.artifactUploadComplete.artifact.downloadUrl;
  }, 120_000);
  afterAll(async () => {
    await api.close();
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  });

  const begin = (auth: Auth, extra: Record<string, unknown> = {}) =>
    api.post<{ artifactUploadBegin: { userErrors: { code: string }[]; artifact: { id: string } | null } }>(
      BEGIN,
      { i: { trialId: lease.trial.id, name: 'x.txt', size: 1, sha256: sha256('x'), ...extra } },
      auth,
    );
  const names = async () => ((await api.gql(LIST, { id: lease.trial.id }, alpha.user)).trial.artifacts as { name: string }[]).map((a) => a.name);

  it("answers another team's artifacts as not found: the list, upload, completion and delete, by session and by token", async () => {
    expect((await api.post(LIST, { id: lease.trial.id }, beta.user)).data?.trial).toBeNull();
    expect((await api.post(LIST, { id: lease.trial.id }, beta.runnerAuth)).data?.trial).toBeNull();
    expect((await begin(beta.user)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await begin(beta.runnerAuth, { leaseToken: lease.leaseToken })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await api.post(COMPLETE_UPLOAD, { i: { id: artifactId, leaseToken: lease.leaseToken } }, beta.runnerAuth)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await api.post(DELETE, { i: { id: artifactId } }, beta.user)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await names()).toEqual(['secret.txt']);
  });

  it('lets a VIEWER list and download but not upload or delete (FORBIDDEN)', async () => {
    const listed = await api.gql(LIST, { id: lease.trial.id }, viewer);
    expect(listed.trial.artifacts.map((a: { name: string }) => a.name)).toEqual(['secret.txt']);
    expect(await (await fetch(absolute(api, listed.trial.artifacts[0].downloadUrl))).text()).toBe('secret');
    expect((await begin(viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await begin(viewer, { leaseToken: lease.leaseToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.post(DELETE, { i: { id: artifactId } }, viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await names()).toEqual(['secret.txt']);
  });

  it('lets a runner token upload only for a trial whose lease it holds, and never delete', async () => {
    expect((await begin(alpha.runnerAuth)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const crossed = await begin(alpha.runnerAuth, { leaseToken: other.leaseToken });
    expect(crossed.data?.artifactUploadBegin.userErrors[0]?.code).toBe('STALE_LEASE');
    const madeUp = await begin(alpha.runnerAuth, { leaseToken: '00000000-0000-4000-8000-000000000000' });
    expect(madeUp.data?.artifactUploadBegin.userErrors[0]?.code).toBe('STALE_LEASE');
    expect((await api.post(DELETE, { i: { id: artifactId } }, alpha.runnerAuth)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Once the trial ended, its lease uploads nothing more.
    await api.gql(COMPLETE, { i: { trialId: other.trial.id, leaseToken: other.leaseToken, values: [0.3] } }, alpha.runnerAuth);
    const late = await api.post<{ artifactUploadBegin: { userErrors: { code: string }[] } }>(
      BEGIN,
      { i: { trialId: other.trial.id, leaseToken: other.leaseToken, name: 'late.txt', size: 1, sha256: sha256('x') } },
      alpha.runnerAuth,
    );
    expect(late.data?.artifactUploadBegin.userErrors[0]?.code).toBe('STALE_LEASE');
    expect(await names()).toEqual(['secret.txt']);
  });

  it('refuses forged, altered and misused signed links: no PUT with a download link, no other key, no path tricks', async () => {
    const token = downloadUrl.slice('/artifacts/'.length);
    const [body, mac] = token.split('.');
    const grant = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...grant, key: '../../etc/passwd' })).toString('base64url');
    expect((await fetch(absolute(api, `/artifacts/${forged}.${mac}`))).status).toBe(403);
    const longer = Buffer.from(JSON.stringify({ ...grant, exp: grant.exp + 86_400 })).toString('base64url');
    expect((await fetch(absolute(api, `/artifacts/${longer}.${mac}`))).status).toBe(403);
    expect((await fetch(absolute(api, '/artifacts/not-a-token'))).status).toBe(403);
    const overwrite = await fetch(absolute(api, downloadUrl), { method: 'PUT', body: 'evil!!' });
    expect(overwrite.status).toBe(405);
    expect(await (await fetch(absolute(api, downloadUrl))).text()).toBe('secret');
  });

  it('refuses a second PUT with an upload link already used: verified bytes cannot be swapped', async () => {
    const begun = await api.gql(BEGIN, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, name: 'once.txt', size: 4, sha256: sha256('good') } }, alpha.runnerAuth);
    const upload = begun.artifactUploadBegin.upload;
    expect((await put(api, upload, 'good')).status).toBe(200);
    const done = await api.gql(COMPLETE_UPLOAD, { i: { id: begun.artifactUploadBegin.artifact.id, leaseToken: lease.leaseToken } }, alpha.runnerAuth);
    const replay = await put(api, upload, 'evil');
    expect(replay.status).toBe(409);
    expect(await (await fetch(absolute(api, done.artifactUploadComplete.artifact.downloadUrl))).text()).toBe('good');
  });

  it('lets one of many concurrent PUTs of one upload link land, and serves those bytes for good', async () => {
    const bodies = Array.from({ length: 8 }, (_, i) => String(i).repeat(4));
    const begun = await api.gql(BEGIN, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, name: 'race.txt', size: 4, sha256: sha256('0000') } }, alpha.runnerAuth);
    const upload = begun.artifactUploadBegin.upload;
    const statuses = await Promise.all(bodies.map((body) => put(api, upload, body).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 409)).toBe(true);
    // The same race at the store itself, where the HTTP server's pacing cannot serialise the writes.
    const store = new FilesystemStore(dir, new UrlSigner());
    const writes = await Promise.allSettled(bodies.map((body) => store.write('race/store/key', Readable.from([Buffer.from(body)]), 4)));
    expect(writes.filter((w) => w.status === 'fulfilled')).toHaveLength(1);
    expect(writes.every((w) => w.status === 'fulfilled' || w.reason instanceof AlreadyStoredError)).toBe(true);
    const written = bodies[writes.findIndex((w) => w.status === 'fulfilled')]!;
    expect(await store.sha256('race/store/key')).toBe(sha256(written));
    const landed = bodies[statuses.indexOf(200)]!;
    const done = await api.gql(COMPLETE_UPLOAD, { i: { id: begun.artifactUploadBegin.artifact.id, leaseToken: lease.leaseToken } }, alpha.runnerAuth);
    if (landed === '0000') {
      const url = done.artifactUploadComplete.artifact.downloadUrl as string;
      expect(await (await fetch(absolute(api, url))).text()).toBe('0000');
    } else {
      expect(done.artifactUploadComplete.userErrors[0].code).toBe('CHECKSUM_MISMATCH');
    }
  });

  it('serves an uploaded text/html as a sandboxed attachment, never as a page of the API', async () => {
    const html = '<script>alert(1)</script>';
    const begun = await api.gql(
      BEGIN,
      { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, name: 'page.html', size: html.length, sha256: sha256(html), contentType: 'text/html' } },
      alpha.runnerAuth,
    );
    await put(api, begun.artifactUploadBegin.upload, html);
    const done = await api.gql(COMPLETE_UPLOAD, { i: { id: begun.artifactUploadBegin.artifact.id, leaseToken: lease.leaseToken } }, alpha.runnerAuth);
    const response = await fetch(absolute(api, done.artifactUploadComplete.artifact.downloadUrl as string));
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="page.html"/);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('bounds the number of a trial’s files: empty ones take no bytes, yet each is a row and a file', async () => {
    const capped = await startTestApi(handle, { NODE_ENV: 'production', TUNEBOARD_ARTIFACTS_DIR: dir, TUNEBOARD_ARTIFACT_MAX_TRIAL_FILES: '3' });
    try {
      const study = await createStudy(capped, alpha);
      const runnerId = await alpha.register('capped-runner');
      const { trialClaim } = await capped.gql(CLAIM, { i: { runnerId, studyId: study.id, limit: 1 } }, alpha.runnerAuth);
      const [held] = trialClaim.leases as { leaseToken: string; trial: { id: string } }[];
      const empty = (name: string) =>
        capped.gql(BEGIN, { i: { trialId: held!.trial.id, leaseToken: held!.leaseToken, name, size: 0, sha256: sha256('') } }, alpha.runnerAuth);
      for (const name of ['a', 'b', 'c']) expect((await empty(name)).artifactUploadBegin.userErrors).toEqual([]);
      expect((await empty('d')).artifactUploadBegin.userErrors).toEqual([
        {
          field: ['input', 'name'],
          message: 'a trial may hold at most 3 artifacts (TUNEBOARD_ARTIFACT_MAX_TRIAL_FILES): it holds 3; delete some, or replace one by uploading under its name',
          code: 'TOO_LARGE',
        },
      ]);
      // Replacing one by its name still works.
      expect((await empty('a')).artifactUploadBegin.userErrors).toEqual([]);
    } finally {
      await capped.close();
    }
  });

  it('refuses a PUT whose artifact was replaced or deleted since: no bytes stay in the store without a row', async () => {
    const keyOf = (url: string) => JSON.parse(Buffer.from(url.slice('/artifacts/'.length).split('.')[0]!, 'base64url').toString('utf8')).key as string;
    const stored = async (url: string) => {
      const { stat } = await import('node:fs/promises');
      return stat(path.join(dir, ...keyOf(url).split('/'))).then(() => true, () => false);
    };
    const announce = { trialId: lease.trial.id, leaseToken: lease.leaseToken, name: 'orphan.bin', size: 6, sha256: sha256('orphan') };
    const first = (await api.gql(BEGIN, { i: announce }, alpha.runnerAuth)).artifactUploadBegin.upload;
    // Beginning the same name again replaces the first row: its link must not store anything any more.
    const second = (await api.gql(BEGIN, { i: announce }, alpha.runnerAuth)).artifactUploadBegin;
    const late = await put(api, first, 'orphan');
    expect(late.status).toBe(410);
    expect(await stored(first.url)).toBe(false);
    expect((await put(api, second.upload, 'orphan')).status).toBe(200);
    expect(await stored(second.upload.url)).toBe(true);
    // Deleted before its bytes arrived: the same.
    const begun = (await api.gql(BEGIN, { i: { ...announce, name: 'deleted.bin', leaseToken: undefined } }, alpha.user)).artifactUploadBegin;
    expect((await api.gql(DELETE, { i: { id: begun.artifact.id } }, alpha.user)).artifactDelete.userErrors).toEqual([]);
    expect((await put(api, begun.upload, 'orphan')).status).toBe(410);
    expect(await stored(begun.upload.url)).toBe(false);
  });

  it('refuses an expired link', async () => {
    const { UrlSigner } = await import('../artifacts/signing.ts');
    const signer = new UrlSigner('k'.repeat(32));
    const token = signer.sign({ op: 'get', key: 'a/b', exp: Math.floor(Date.now() / 1000) - 1, contentType: 'text/plain' });
    expect(signer.verify(token)).toBeUndefined();
    expect(signer.verify(signer.sign({ op: 'get', key: 'a/b', exp: Math.floor(Date.now() / 1000) + 60, contentType: 'text/plain' }))).toMatchObject({ key: 'a/b' });
  });

  it('bounds the list: first above 500 is refused', async () => {
    const result = await api.post(`query($id: ID!) { trial(id: $id) { artifacts(first: 501) { name } } }`, { id: lease.trial.id }, alpha.user);
    expect(result.errors?.[0]?.message).toContain('artifacts(first:) must be between 0 and 500, got 501');
  });
});
