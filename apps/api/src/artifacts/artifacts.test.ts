import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import S3rver from 's3rver';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { rawId } from '../ids.ts';
import { CLAIM, COMPLETE, createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';
import { BEGIN, COMPLETE_UPLOAD, DELETE, LIST, absolute, put, sha256 } from './testing.ts';

/** Issue #19, item 5: artifacts on both stores: upload, verify, list, download, limits, checksum mismatch, delete. */

interface StoreSetup {
  name: string;
  start(): Promise<{ env: Record<string, string>; stop(): Promise<void> }>;
}

const LIMITS = { TUNEBOARD_ARTIFACT_MAX_FILE_BYTES: '1000', TUNEBOARD_ARTIFACT_MAX_TRIAL_BYTES: '1500' };

const stores: StoreSetup[] = [
  {
    name: 'filesystem',
    async start() {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'tb-artifacts-'));
      return { env: { TUNEBOARD_ARTIFACTS_DIR: dir }, stop: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 's3 (s3rver)',
    async start() {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'tb-s3rver-'));
      // An S3-protocol server in this process, on a free port; its fixed credentials are S3RVER/S3RVER.
      const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'tb-test', configs: [] }] });
      const { port } = await server.run();
      return {
        env: {
          TUNEBOARD_ARTIFACT_STORE: 's3',
          TUNEBOARD_S3_BUCKET: 'tb-test',
          TUNEBOARD_S3_ENDPOINT: `http://127.0.0.1:${port}`,
          TUNEBOARD_S3_ACCESS_KEY_ID: 'S3RVER',
          TUNEBOARD_S3_SECRET_ACCESS_KEY: 'S3RVER',
        },
        async stop() {
          await server.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  },
];

describe.each(stores)('artifacts on the $name store', (setup) => {
  let handle: DbHandle;
  let api: TestApi;
  let stop: () => Promise<void>;
  let team: Awaited<ReturnType<typeof setupTeam>>;
  let runnerId: string;
  beforeAll(async () => {
    const store = await setup.start();
    stop = store.stop;
    handle = await testDatabases[0]!.create();
    api = await startTestApi(handle, { ...LIMITS, ...store.env });
    team = await setupTeam(api, 'artifacts');
    runnerId = await team.register('artifact-runner');
  }, 120_000);
  afterAll(async () => {
    await api.close();
    await handle.close();
    await stop();
  });

  const claim = async (studyId: string) => {
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId, studyId, limit: 1 } }, team.runnerAuth);
    return trialClaim.leases[0] as { leaseToken: string; trial: { id: string } };
  };
  const begin = (lease: { leaseToken: string; trial: { id: string } }, input: Record<string, unknown>) =>
    api.gql(BEGIN, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, ...input } }, team.runnerAuth).then((d) => d.artifactUploadBegin);
  const complete = (lease: { leaseToken: string }, id: string) =>
    api.gql(COMPLETE_UPLOAD, { i: { id, leaseToken: lease.leaseToken } }, team.runnerAuth).then((d) => d.artifactUploadComplete);
  const stored = (id: string) => api.server.services.artifacts.stat(storageKey(id));
  const keys = new Map<string, string>();
  const storageKey = (id: string) => keys.get(id)!;
  const remember = async (id: string) => {
    const row = await handle.db.query.artifact.findFirst({ where: (a, { eq }) => eq(a.id, rawId(id, 'Artifact')!) });
    keys.set(id, row!.storageKey);
  };

  it('uploads with a signed PUT, verifies the checksum, lists the file and downloads the same bytes', async () => {
    const study = await createStudy(api, team);
    const lease = await claim(study.id);
    const body = JSON.stringify({ weights: [1, 2, 3] });
    const begun = await begin(lease, { name: 'model/model.json', size: Buffer.byteLength(body), sha256: sha256(body), contentType: 'application/json', kind: 'MODEL' });
    expect(begun.userErrors).toEqual([]);
    expect(begun.artifact).toMatchObject({ name: 'model/model.json', kind: 'MODEL', state: 'UPLOADING', downloadUrl: null });
    expect(begun.upload.method).toBe('PUT');
    if (setup.name === 'filesystem') expect(begun.upload.url).toMatch(/^\/artifacts\//);
    else expect(begun.upload.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tb-test\/tuneboard\//);
    const sent = await put(api, begun.upload, body);
    expect(sent.status).toBe(200);
    const done = await complete(lease, begun.artifact.id);
    expect(done.userErrors).toEqual([]);
    expect(done.artifact).toMatchObject({ state: 'READY', size: body.length, sha256: sha256(body) });
    const { trial } = await api.gql(LIST, { id: lease.trial.id }, team.user);
    expect(trial.artifacts).toHaveLength(1);
    const download = await fetch(absolute(api, trial.artifacts[0].downloadUrl));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('model.json');
    expect(await download.text()).toBe(body);
    // Completing again is harmless.
    expect((await complete(lease, begun.artifact.id)).artifact.state).toBe('READY');
  });

  it('refuses a checksum mismatch with a user error naming both sums, and removes what was stored', async () => {
    const study = await createStudy(api, team);
    const lease = await claim(study.id);
    const begun = await begin(lease, { name: 'notes.txt', size: 5, sha256: sha256('hello'), contentType: 'text/plain' });
    await remember(begun.artifact.id);
    expect((await put(api, begun.upload, 'HELLO')).status).toBe(200);
    expect(await stored(begun.artifact.id)).toEqual({ size: 5 });
    const done = await complete(lease, begun.artifact.id);
    expect(done.artifact).toBeNull();
    expect(done.userErrors[0]).toMatchObject({ code: 'CHECKSUM_MISMATCH', field: ['input', 'id'] });
    expect(done.userErrors[0].message).toContain(sha256('HELLO'));
    expect(done.userErrors[0].message).toContain(sha256('hello'));
    expect(await stored(begun.artifact.id)).toBeUndefined();
    expect((await api.gql(LIST, { id: lease.trial.id }, team.user)).trial.artifacts).toEqual([]);
  });

  it('answers NOT_UPLOADED while nothing arrived, and never keeps a body of another size', async () => {
    const study = await createStudy(api, team);
    const lease = await claim(study.id);
    const begun = await begin(lease, { name: 'a.bin', size: 10, sha256: sha256('0123456789') });
    expect((await complete(lease, begun.artifact.id)).userErrors[0].code).toBe('NOT_UPLOADED');
    const short = await put(api, begun.upload, '01234');
    if (setup.name === 'filesystem') {
      // The API's upload route refuses a body whose length is not the one signed, and stores nothing.
      expect(short.status).toBe(413);
      expect((await complete(lease, begun.artifact.id)).userErrors[0].code).toBe('NOT_UPLOADED');
      expect((await put(api, begun.upload, '0123456789')).status).toBe(200);
      expect((await complete(lease, begun.artifact.id)).artifact.state).toBe('READY');
    } else {
      // The Content-Length is signed, but a lenient S3 server (s3rver) stores the short body anyway: the
      // completion finds the size wrong and removes the object and the artifact.
      expect(short.status).toBe(200);
      const done = await complete(lease, begun.artifact.id);
      expect(done.userErrors[0]).toMatchObject({ code: 'SIZE_MISMATCH' });
      expect(done.userErrors[0].message).toBe('"a.bin" was announced with 10 bytes but 5 arrived; the upload was removed: begin it again');
      expect((await api.gql(LIST, { id: lease.trial.id }, team.user)).trial.artifacts).toEqual([]);
    }
  });

  it('refuses a file over the per-file limit and a trial over the per-trial limit, naming the limit and the value', async () => {
    const study = await createStudy(api, team);
    const lease = await claim(study.id);
    const tooBig = await begin(lease, { name: 'big.bin', size: 1001, sha256: sha256('x') });
    expect(tooBig.artifact).toBeNull();
    expect(tooBig.userErrors).toEqual([
      { field: ['input', 'size'], code: 'TOO_LARGE', message: 'a file may have at most 1,000 bytes (TUNEBOARD_ARTIFACT_MAX_FILE_BYTES), got 1,001' },
    ]);
    const first = 'a'.repeat(800);
    const one = await begin(lease, { name: 'one.bin', size: 800, sha256: sha256(first) });
    await put(api, one.upload, first);
    expect((await complete(lease, one.artifact.id)).artifact.state).toBe('READY');
    const two = await begin(lease, { name: 'two.bin', size: 800, sha256: sha256(first) });
    expect(two.userErrors).toEqual([
      {
        field: ['input', 'size'],
        code: 'TOO_LARGE',
        message:
          "a trial's artifacts may take at most 1,500 bytes together (TUNEBOARD_ARTIFACT_MAX_TRIAL_BYTES): it holds 800, and this file of 800 would make 1,600",
      },
    ]);
    // Replacing a file by name counts the new size only.
    const again = await begin(lease, { name: 'one.bin', size: 900, sha256: sha256('b'.repeat(900)) });
    expect(again.userErrors).toEqual([]);
  });

  it('refuses bad names, sums and types with one error each', async () => {
    const study = await createStudy(api, team);
    const lease = await claim(study.id);
    const bad = await begin(lease, { name: '../etc/passwd', size: 1, sha256: 'XYZ', contentType: 'text' });
    expect(bad.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual(['input.name', 'input.sha256', 'input.contentType']);
    for (const name of ['/abs', 'a//b', 'a/./b', '', 'x'.repeat(256), 'white space']) {
      expect((await begin(lease, { name, size: 1, sha256: sha256('x') })).userErrors[0].field).toEqual(['input', 'name']);
    }
  });

  it('deletes an artifact and its stored bytes', async () => {
    const study = await createStudy(api, team);
    const lease = await claim(study.id);
    const begun = await begin(lease, { name: 'gone.txt', size: 3, sha256: sha256('abc') });
    await remember(begun.artifact.id);
    await put(api, begun.upload, 'abc');
    const done = await complete(lease, begun.artifact.id);
    expect(await stored(begun.artifact.id)).toEqual({ size: 3 });
    const deleted = await api.gql(DELETE, { i: { id: done.artifact.id } }, team.user);
    expect(deleted.artifactDelete).toEqual({ deletedId: done.artifact.id, userErrors: [] });
    expect(await stored(begun.artifact.id)).toBeUndefined();
    expect((await api.gql(LIST, { id: lease.trial.id }, team.user)).trial.artifacts).toEqual([]);
    const download = await fetch(absolute(api, done.artifact.downloadUrl));
    expect(download.status).toBe(404);
  });

  it("keeps the models of the study's best trials only (keepModels), deleting the others' when trials end", async () => {
    const study = await createStudy(api, team, { budget: { maxTrials: 6, maxParallel: 3 } });
    const update = await api.gql(
      'mutation($i: StudyUpdateInput!) { studyUpdate(input: $i) { study { keepModels } userErrors { message } } }',
      { i: { id: study.id, keepModels: 1 } },
      team.user,
    );
    expect(update.studyUpdate.study.keepModels).toBe(1);
    const finishWithModel = async (value: number) => {
      const lease = await claim(study.id);
      const body = `model ${value}`;
      const begun = await begin(lease, { name: 'model/model.json', size: body.length, sha256: sha256(body), kind: 'MODEL' });
      await put(api, begun.upload, body);
      await complete(lease, begun.artifact.id);
      // A plain file is kept whatever the trial's rank.
      const file = await begin(lease, { name: 'log.txt', size: 1, sha256: sha256('x') });
      await put(api, file.upload, 'x');
      await complete(lease, file.artifact.id);
      await api.gql(COMPLETE, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [value] } }, team.runnerAuth);
      return lease.trial.id;
    };
    const names = async (trialId: string) =>
      ((await api.gql(LIST, { id: trialId }, team.user)).trial.artifacts as { name: string }[]).map((a) => a.name);
    const worse = await finishWithModel(0.5);
    expect(await names(worse)).toEqual(['log.txt', 'model/model.json']);
    const better = await finishWithModel(0.2);
    expect(await names(better)).toEqual(['log.txt', 'model/model.json']);
    expect(await names(worse)).toEqual(['log.txt']);
    const worst = await finishWithModel(0.9);
    expect(await names(worst)).toEqual(['log.txt']);
    expect(await names(better)).toEqual(['log.txt', 'model/model.json']);
    const refused = await api.gql(
      'mutation($i: StudyUpdateInput!) { studyUpdate(input: $i) { userErrors { field message } } }',
      { i: { id: study.id, keepModels: 101 } },
      team.user,
    );
    expect(refused.studyUpdate.userErrors).toEqual([{ field: ['input', 'keepModels'], message: 'keepModels must be a whole number from 0 to 100, got 101' }]);
  });
});
