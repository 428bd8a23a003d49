import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './create-db.ts';
import { violatedConstraint } from './errors.ts';
import { membership, metric, study, trial, user } from './schema/index.ts';
import {
  createMembership,
  createMetric,
  createStudy,
  createTeam,
  createTrial,
  createUser,
  testDatabases,
} from './testing/index.ts';

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to be refused');
}

describe.each(testDatabases)('keys and constraints [$name]', (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.create();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('refuses a second trial with the same number in one study, allows it in another', async () => {
    const first = await createStudy({}, handle.db);
    const second = await createStudy({}, handle.db);
    await createTrial({ studyId: first.id, number: 0 }, handle.db);
    const error = await rejectionOf(createTrial({ studyId: first.id, number: 0 }, handle.db));
    expect(violatedConstraint(error)).toBe('trial_study_number_key');
    const other = await createTrial({ studyId: second.id, number: 0 }, handle.db);
    expect(other.number).toBe(0);
  });

  it('refuses a duplicate metric point and makes a re-sent batch a no-op with ON CONFLICT DO NOTHING', async () => {
    const parent = await createTrial({}, handle.db);
    const point = { trialId: parent.id, attempt: 0, key: 'val_loss', step: 3, value: 0.4 };
    await createMetric(point, handle.db);
    const error = await rejectionOf(createMetric({ ...point, value: 0.9 }, handle.db));
    expect(violatedConstraint(error)).toBe('metric_trial_id_attempt_key_step_pk');

    const batch = [point, { ...point, step: 4, value: 0.3 }];
    await handle.db.insert(metric).values(batch).onConflictDoNothing();
    await handle.db.insert(metric).values(batch).onConflictDoNothing();
    const rows = await handle.db.select().from(metric).where(eq(metric.trialId, parent.id)).orderBy(metric.step);
    expect(rows.map((row) => [row.step, row.value])).toEqual([
      [3, 0.4],
      [4, 0.3],
    ]);
  });

  it('keeps the points of two attempts of one trial apart', async () => {
    const parent = await createTrial({}, handle.db);
    await createMetric({ trialId: parent.id, attempt: 0, key: 'loss', step: 1, value: 1 }, handle.db);
    await createMetric({ trialId: parent.id, attempt: 1, key: 'loss', step: 1, value: 2 }, handle.db);
    const rows = await handle.db.select().from(metric).where(eq(metric.trialId, parent.id));
    expect(rows.map((row) => [row.attempt, row.value]).sort()).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('treats e-mail addresses as unique whatever their case', async () => {
    await createUser({ email: 'Ada@Example.test' }, handle.db);
    const error = await rejectionOf(createUser({ email: 'ada@example.TEST' }, handle.db));
    expect(violatedConstraint(error)).toBe('user_email_key');
  });

  it('allows one membership per user and team, with a role from the enum', async () => {
    const member = await createMembership({ role: 'ADMIN' }, handle.db);
    const error = await rejectionOf(createMembership({ teamId: member.teamId, userId: member.userId }, handle.db));
    expect(violatedConstraint(error)).toBe('membership_team_id_user_id_pk');
    await expect(
      handle.query(`insert into membership (team_id, user_id, role) values ($1, $2, 'KING')`, [
        (await createTeam({}, handle.db)).id,
        member.userId,
      ]),
    ).rejects.toThrow(/invalid input value for enum membership_role/);
  });

  it('deletes a study’s trials and their metrics with the study', async () => {
    const parent = await createStudy({}, handle.db);
    const child = await createTrial({ studyId: parent.id }, handle.db);
    await createMetric({ trialId: child.id }, handle.db);
    await handle.db.delete(study).where(eq(study.id, parent.id));
    const left = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(metric)
      .where(eq(metric.trialId, child.id));
    expect(left[0]?.n).toBe(0);
    expect(await handle.db.select().from(trial).where(eq(trial.id, child.id))).toEqual([]);
  });

  it('deletes a trial’s points with the trial, and only its own (statement trigger, no per-row foreign key)', async () => {
    const gone = await createTrial({}, handle.db);
    const kept = await createTrial({ studyId: gone.studyId, number: gone.number + 1 }, handle.db);
    await createMetric({ trialId: gone.id, attempt: 0, step: 1 }, handle.db);
    await createMetric({ trialId: gone.id, attempt: 1, step: 1 }, handle.db);
    await createMetric({ trialId: kept.id, step: 1 }, handle.db);
    await handle.db.delete(trial).where(eq(trial.id, gone.id));
    const left = await handle.db.select({ trialId: metric.trialId }).from(metric).where(sql`${metric.trialId} in (${gone.id}, ${kept.id})`);
    expect(left.map((row) => row.trialId)).toEqual([kept.id]);
  });

  it('deleting a user keeps the team but removes the membership', async () => {
    const member = await createMembership({}, handle.db);
    await handle.db.delete(user).where(eq(user.id, member.userId));
    expect(await handle.db.select().from(membership).where(eq(membership.userId, member.userId))).toEqual([]);
  });
});
