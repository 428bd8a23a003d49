import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { CLAIM, COMPLETE, collect, createStudy, setupTeam, startTestApi, type TestApi } from './testing/harness.ts';

/** Issue #18, item 2: a trial's log (streamed by its runner, the last 1 MiB kept) and its attempts. */

const APPEND = `mutation($i: TrialLogAppendInput!) { trialLogAppend(input: $i) { accepted userErrors { field message code } } }`;
const LOG = `query($id: ID!, $after: Float, $first: Int) { trial(id: $id) {
  log { endOffset bytes truncated lines(after: $after, first: $first) { offset attempt stream text } } } }`;
const ATTEMPTS = `query($id: ID!) { trial(id: $id) { attempt attempts { attempt outcome error startedAt finishedAt runner { name } } } }`;
const RELEASE = `mutation($i: TrialReleaseInput!) { trialRelease(input: $i) { trial { state } userErrors { code } } }`;

interface Lease {
  leaseToken: string;
  trial: { id: string; number: number; attempt: number };
}

describe.each(testDatabases)('trial log and attempts [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Awaited<ReturnType<typeof setupTeam>>;
  let runnerId: string;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'logs');
    runnerId = await team.register('log-runner');
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  const claim = async (studyId: string): Promise<Lease> => {
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId, studyId, limit: 1 } }, team.runnerAuth);
    return trialClaim.leases[0] as Lease;
  };
  const append = (lease: Lease, lines: { stream?: string; text: string }[]) =>
    api.gql(APPEND, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, lines } }, team.runnerAuth);

  it('stores the lines in order with their stream and attempt, pages them, and tells the study page', async () => {
    const study = await createStudy(api, team);
    const feed = collect<{ studyEvents: { kind: string; trial: { id: string } | null } }>(
      api.ws(team.user),
      'subscription($id: ID!) { studyEvents(studyId: $id) { kind trial { id } } }',
      { id: study.id },
    );
    await feed.until((events) => events.some((e) => e.studyEvents.kind === 'SYNC'));
    const lease = await claim(study.id);
    const sent = await append(lease, [{ text: 'epoch 1 loss=0.5' }, { stream: 'STDOUT', text: 'héllo' }, { stream: 'STDERR', text: 'warning: x' }]);
    expect(sent.trialLogAppend).toEqual({ accepted: 3, userErrors: [] });
    const { trial } = await api.gql(LOG, { id: lease.trial.id }, team.user);
    // Offsets count each line's UTF-8 bytes and its newline.
    expect(trial.log.lines).toEqual([
      { offset: 17, attempt: 0, stream: 'RUNNER', text: 'epoch 1 loss=0.5' },
      { offset: 24, attempt: 0, stream: 'STDOUT', text: 'héllo' },
      { offset: 35, attempt: 0, stream: 'STDERR', text: 'warning: x' },
    ]);
    expect(trial.log).toMatchObject({ endOffset: 35, bytes: 35, truncated: false });
    await append(lease, [{ text: 'epoch 2' }]);
    const after = await api.gql(LOG, { id: lease.trial.id, after: 35 }, team.user);
    expect(after.trial.log.lines.map((l: { text: string }) => l.text)).toEqual(['epoch 2']);
    const tail = await api.gql(LOG, { id: lease.trial.id, first: 2 }, team.user);
    expect(tail.trial.log.lines.map((l: { text: string }) => l.text)).toEqual(['warning: x', 'epoch 2']);
    const events = await feed.until((list) => list.some((e) => e.studyEvents.kind === 'TRIAL_LOGGED'));
    expect(events.find((e) => e.studyEvents.kind === 'TRIAL_LOGGED')!.studyEvents.trial).toEqual({ id: lease.trial.id });
    const download = await api.gql(`query($id: ID!) { trial(id: $id) { log { text } } }`, { id: lease.trial.id }, team.user);
    expect(download.trial.log.text).toMatch(/^\[attempt 0 runner [^\]]+\] epoch 1 loss=0\.5\n.*\n.*stderr.*warning: x\n.*epoch 2\n$/);
  });

  it('keeps only the last 1 MiB of a trial log, trimming the oldest lines', async () => {
    const study = await createStudy(api, team);
    const lease = await claim(study.id);
    // Five appends of 250 lines of 1,000 bytes (+1 newline): 1,251,250 bytes sent in all.
    for (let batch = 0; batch < 5; batch += 1) {
      const lines = Array.from({ length: 250 }, (_, i) => ({ text: `${String(batch * 250 + i).padStart(6, '0')} ${'x'.repeat(993)}` }));
      expect((await append(lease, lines)).trialLogAppend.accepted).toBe(250);
    }
    const { trial } = await api.gql(LOG, { id: lease.trial.id, first: 1000 }, team.user);
    expect(trial.log.endOffset).toBe(1_251_250);
    expect(trial.log.truncated).toBe(true);
    expect(trial.log.bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(trial.log.bytes).toBeGreaterThan(1024 * 1024 - 1001);
    const kept = trial.log.lines.map((l: { text: string }) => Number(l.text.slice(0, 6)));
    expect(kept.at(-1)).toBe(1249);
    // The oldest lines went: 1,047 lines of 1,001 bytes fit in 1 MiB.
    expect(kept[0]).toBe(1250 - 1000);
    const all = await api.gql(`query($id: ID!) { trial(id: $id) { log { text } } }`, { id: lease.trial.id }, team.user);
    expect(all.trial.log.text.startsWith('[older lines trimmed')).toBe(true);
    expect(all.trial.log.text.split('\n').filter((line: string) => line.includes(' xxx')).length).toBe(1047);
  });

  it('refuses oversized batches and lines, naming the field, and stores nothing of them', async () => {
    const study = await createStudy(api, team);
    const lease = await claim(study.id);
    const many = await append(lease, Array.from({ length: 501 }, () => ({ text: 'x' })));
    expect(many.trialLogAppend.userErrors[0]).toMatchObject({ field: ['input', 'lines'], message: expect.stringContaining('got 501') });
    const long = await append(lease, [{ text: 'ok' }, { text: 'y'.repeat(9000) }]);
    expect(long.trialLogAppend.userErrors[0]).toMatchObject({ field: ['input', 'lines', '1', 'text'] });
    const empty = await append(lease, [{ text: '' }]);
    expect(empty.trialLogAppend.userErrors[0]).toMatchObject({ field: ['input', 'lines', '0', 'text'] });
    const broken = await append(lease, [{ text: 'a\nb' }]);
    expect(broken.trialLogAppend.userErrors[0]?.message).toContain('line break');
    const tooMany = await api.post(`query($id: ID!) { trial(id: $id) { log { lines(first: 1500) { text } } } }`, { id: lease.trial.id }, team.user);
    expect(tooMany.errors?.[0]?.message).toContain('log.lines(first:) must be between 1 and 1000, got 1500');
    const { trial } = await api.gql(LOG, { id: lease.trial.id }, team.user);
    expect(trial.log).toMatchObject({ endOffset: 0, lines: [] });
  });

  it('records each attempt with its runner, times and end', async () => {
    const study = await createStudy(api, team);
    const first = await claim(study.id);
    await api.gql(RELEASE, { i: { trialId: first.trial.id, leaseToken: first.leaseToken } }, team.runnerAuth);
    // The released trial is first in line again (oldest id), as attempt 1.
    let second = await claim(study.id);
    while (second.trial.id !== first.trial.id) second = await claim(study.id);
    await api.gql(COMPLETE, { i: { trialId: second.trial.id, leaseToken: second.leaseToken, values: [0.25] } }, team.runnerAuth);
    const { trial } = await api.gql(ATTEMPTS, { id: first.trial.id }, team.user);
    expect(trial.attempt).toBe(1);
    expect(trial.attempts).toMatchObject([
      { attempt: 0, outcome: 'RELEASED', error: null, runner: { name: 'log-runner' } },
      { attempt: 1, outcome: 'COMPLETE', error: null, runner: { name: 'log-runner' } },
    ]);
    for (const attempt of trial.attempts) expect(Date.parse(attempt.finishedAt)).toBeGreaterThanOrEqual(Date.parse(attempt.startedAt));
    const fail = await claim(study.id);
    await api.gql(
      'mutation($i: TrialFailInput!) { trialFail(input: $i) { trial { state } } }',
      { i: { trialId: fail.trial.id, leaseToken: fail.leaseToken, error: 'CUDA out of memory' } },
      team.runnerAuth,
    );
    const failed = await api.gql(ATTEMPTS, { id: fail.trial.id }, team.user);
    expect(failed.trial.attempts).toMatchObject([{ attempt: 0, outcome: 'FAIL', error: 'CUDA out of memory' }]);
  });
});
