import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './create-db.ts';
import {
  createApiToken,
  createMembership,
  createMetric,
  createProject,
  createRunner,
  createSession,
  createStudy,
  createTeam,
  createTrial,
  createUser,
  testDatabases,
} from './testing/index.ts';

describe.each(testDatabases)('factories [$name]', (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.create();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('create a row of every table with its parents, and honour overrides', async () => {
    const owner = await createUser({ name: 'Grace' }, handle.db);
    expect(owner.name).toBe('Grace');
    const signedIn = await createSession({ userId: owner.id }, handle.db);
    expect(signedIn.userId).toBe(owner.id);
    const lab = await createTeam({ slug: 'lab' }, handle.db);
    const role = await createMembership({ teamId: lab.id, userId: owner.id, role: 'OWNER' }, handle.db);
    expect(role).toMatchObject({ teamId: lab.id, userId: owner.id, role: 'OWNER' });
    const token = await createApiToken({ teamId: lab.id, scope: 'READ' }, handle.db);
    expect(token.secret.startsWith(token.prefix)).toBe(true);
    expect(token.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const home = await createProject({ teamId: lab.id }, handle.db);
    const parent = await createStudy({ projectId: home.id, name: 'parent' }, handle.db);
    const child = await createStudy({ projectId: home.id, parentStudyId: parent.id }, handle.db);
    expect(child.parentStudyId).toBe(parent.id);
    expect(child).toMatchObject({ status: 'RUNNING', maxParallel: 4, maxFailures: 3, nextTrialNumber: 0 });
    const worker = await createRunner({ teamId: lab.id }, handle.db);
    const run = await createTrial({ studyId: child.id, state: 'RUNNING', leaseOwner: worker.id }, handle.db);
    expect(run).toMatchObject({ state: 'RUNNING', attempt: 0, origin: 'SAMPLER', leaseOwner: worker.id });
    const point = await createMetric({ trialId: run.id, value: 0.25 }, handle.db);
    expect(point.value).toBe(0.25);
  });
});
