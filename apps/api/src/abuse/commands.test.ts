import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { CLAIM, createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';
import { MAX_TRIAL_ERROR_BYTES } from '../resolvers/trial-error.ts';

// Issue #15, item 10: a WRITE token could run any program on every runner host of the team through a
// `command` objective. Only runners started with --allow-commands are handed command trials now.

const REGISTER = `mutation($i: RunnerRegisterInput!) { runnerRegister(input: $i) {
  runner { id acceptsCommands allowedPrograms } userErrors { field message code } } }`;
const FAIL = `mutation($i: TrialFailInput!) { trialFail(input: $i) { trial { id state error } userErrors { message code } } }`;

type Team = Awaited<ReturnType<typeof setupTeam>>;
interface Lease {
  leaseToken: string;
  trial: { id: string };
}

describe.each(testDatabases)('command objectives reach only runners that accept them [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Team;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'commands');
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  const register = async (name: string, commands: Record<string, unknown>) => {
    const { runnerRegister } = await api.gql(
      REGISTER,
      { i: { name, host: 'h', capabilities: { backend: 'cpu', gpus: 0, labels: [], ...commands } } },
      team.runnerAuth,
    );
    expect(runnerRegister.userErrors).toEqual([]);
    return runnerRegister.runner as { id: string; acceptsCommands: boolean; allowedPrograms: string[] | null };
  };
  const claim = async (runnerId: string, studyId: string, limit = 1): Promise<Lease[]> => {
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId, studyId, limit } }, team.runnerAuth);
    expect(trialClaim.userErrors).toEqual([]);
    return trialClaim.leases as Lease[];
  };
  const commandStudy = (command: string[]) =>
    createStudy(api, team, {
      space: { x: { type: 'float', low: 0, high: 1 } },
      objective: { kind: 'command', command, metric: 'val_loss' },
      budget: { maxTrials: 4, maxParallel: 4 },
    });

  it('never hands a command trial to a runner without the capability, and hands it to one with it', async () => {
    const attack = await commandStudy(['sh', '-c', 'id; cat /etc/passwd >&2; exit 1']);
    const template = await createStudy(api, team, { budget: { maxTrials: 2, maxParallel: 2 } });
    // An old runner (no key) and one that says no: nothing, on the study and across the team's studies.
    const old = await team.register('old-runner');
    const refusing = await register('refusing', { acceptsCommands: false });
    expect(refusing).toMatchObject({ acceptsCommands: false, allowedPrograms: null });
    for (const runnerId of [old, refusing.id]) {
      expect(await claim(runnerId, attack.id, 4)).toEqual([]);
      // Templates still run on them: the same claim without a study takes the template trials only.
      const { trialClaim } = await api.gql(CLAIM, { i: { runnerId, limit: 64 } }, team.runnerAuth);
      const studies = await Promise.all(
        (trialClaim.leases as Lease[]).map(async (lease) => (await api.gql('query($id: ID!) { trial(id: $id) { study { id } } }', { id: lease.trial.id }, team.user)).trial.study.id),
      );
      expect(studies.every((id) => id === template.id)).toBe(true);
    }
    const pending = await api.gql('query($id: ID!) { study(id: $id) { counts { pending running } } }', { id: attack.id }, team.user);
    expect(pending.study.counts).toMatchObject({ running: 0 });
    expect(pending.study.counts.pending).toBeGreaterThan(0);

    const accepting = await register('accepting', { acceptsCommands: true, allowedPrograms: null });
    expect(accepting).toMatchObject({ acceptsCommands: true, allowedPrograms: null });
    expect(await claim(accepting.id, attack.id)).toHaveLength(1);
  });

  it('matches a runner’s allowed programs by file name: python3 alone does not get a node study', async () => {
    const study = await commandStudy(['/usr/bin/node', 'train.js']);
    const python = await register('python-only', { acceptsCommands: true, allowedPrograms: ['python3', '/opt/train.sh'] });
    expect(python.allowedPrograms).toEqual(['python3', '/opt/train.sh']);
    expect(await claim(python.id, study.id)).toEqual([]);
    const nodeByName = await register('node-by-name', { acceptsCommands: true, allowedPrograms: ['python3', 'node'] });
    expect(await claim(nodeByName.id, study.id)).toHaveLength(1);
    // Re-registering without the flag (the runner restarted without it) stops the command trials at once.
    await register('node-by-name', { acceptsCommands: false });
    expect(await claim(nodeByName.id, study.id)).toEqual([]);
  });

  it('refuses malformed command capabilities, naming the field and the value', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ acceptsCommands: 'yes' }, 'acceptsCommands', /acceptsCommands must be true or false, got "yes"/],
      [{ acceptsCommands: true, allowedPrograms: 'python3' }, 'allowedPrograms', /must be null or a list of 1 to 64 programs, got "python3"/],
      [{ acceptsCommands: true, allowedPrograms: ['./train.sh'] }, 'allowedPrograms', /names or absolute paths .*got "\.\/train\.sh"/],
      [{ acceptsCommands: true, allowedPrograms: Array.from({ length: 65 }, (_, i) => `p${i}`) }, 'allowedPrograms', /1 to 64 programs/],
    ];
    for (const [commands, field, message] of cases) {
      const { runnerRegister } = await api.gql(
        REGISTER,
        { i: { name: 'malformed', host: 'h', capabilities: { backend: 'cpu', gpus: 0, labels: [], ...commands } } },
        team.runnerAuth,
      );
      expect(runnerRegister.runner).toBeNull();
      expect(runnerRegister.userErrors).toEqual([{ field: ['input', 'capabilities', field], message: expect.stringMatching(message), code: 'INVALID' }]);
    }
    const huge = await api.gql(
      REGISTER,
      { i: { name: 'malformed', host: 'h', capabilities: { backend: 'cpu', gpus: 0, labels: [], padding: 'x'.repeat(1_500_000) } } },
      team.runnerAuth,
    );
    expect(huge.runnerRegister.runner).toBeNull();
    expect(huge.runnerRegister.userErrors[0].field).toEqual(['input', 'capabilities']);
    expect(huge.runnerRegister.userErrors[0].message).toMatch(/at most 16384 bytes of JSON, got 15000\d\d/);
    // Nothing was stored: the name is free.
    const { viewer } = await api.gql('{ viewer { teams { runners { name } } } }', {}, team.user);
    const names = (viewer.teams as { runners: { name: string }[] }[]).flatMap((t) => t.runners.map((r) => r.name));
    expect(names).toContain('refusing');
    expect(names).not.toContain('malformed');
  });

  it('stores a 1 MiB trialFail error bounded to 8 KiB, its start and end kept, and NUL bytes as U+FFFD', async () => {
    const study = await commandStudy(['python3', 'train.py']);
    const runner = await register('failing', { acceptsCommands: true });
    const [first, second] = await claim(runner.id, study.id, 2);
    const huge = `the command exited with code 1\n${'x'.repeat(1024 * 1024)}\nMemoryError: the last line`;
    const { trialFail } = await api.gql(FAIL, { i: { trialId: first!.trial.id, leaseToken: first!.leaseToken, error: huge } }, team.runnerAuth);
    expect(trialFail.userErrors).toEqual([]);
    const stored = trialFail.trial.error as string;
    expect(trialFail.trial.state).toBe('FAIL');
    expect(Buffer.byteLength(stored)).toBeLessThanOrEqual(MAX_TRIAL_ERROR_BYTES);
    expect(Buffer.byteLength(stored)).toBeGreaterThan(MAX_TRIAL_ERROR_BYTES - 100);
    expect(stored.startsWith('the command exited with code 1\n')).toBe(true);
    expect(stored.endsWith('\nMemoryError: the last line')).toBe(true);
    expect(stored).toMatch(/… \(\d+ bytes cut\) …/);
    // Read back from the database, not just the mutation's answer.
    const read = await api.gql('query($id: ID!) { trial(id: $id) { error } }', { id: first!.trial.id }, team.user);
    expect(read.trial.error).toBe(stored);

    const nul = await api.gql(FAIL, { i: { trialId: second!.trial.id, leaseToken: second!.leaseToken, error: 'bad\u0000byte é' } }, team.runnerAuth);
    expect(nul.trialFail).toMatchObject({ userErrors: [], trial: { state: 'FAIL', error: 'bad\uFFFDbyte é' } });
  });

  it('shows another team’s runner as not found, with its command settings', async () => {
    const other = await setupTeam(api, 'other');
    const mine = await register('visible', { acceptsCommands: true, allowedPrograms: ['python3'] });
    const query = 'query($id: ID!) { runner(id: $id) { acceptsCommands allowedPrograms } }';
    expect((await api.gql(query, { id: mine.id }, team.user)).runner).toEqual({ acceptsCommands: true, allowedPrograms: ['python3'] });
    expect((await api.gql(query, { id: mine.id }, other.user)).runner).toBeNull();
  });
});
