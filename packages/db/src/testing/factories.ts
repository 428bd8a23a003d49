import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../create-db.ts';
import {
  apiToken,
  membership,
  metric,
  project,
  runner,
  session,
  study,
  team,
  trial,
  user,
} from '../schema/index.ts';

// Test factories: each inserts one row with sensible defaults, creating the parents it needs unless given,
// and returns the row. Overrides win over defaults: `createStudy({ name: 'x' }, db)`.

let sequence = 0;
const next = (): number => (sequence += 1);

type Insert<T extends { $inferInsert: unknown }> = Partial<T['$inferInsert']>;

export async function createUser(overrides: Insert<typeof user>, db: Database) {
  const n = next();
  const [row] = await db
    .insert(user)
    .values({ email: `user${n}@example.test`, name: `User ${n}`, ...overrides })
    .returning();
  return row!;
}

export async function createSession(overrides: Insert<typeof session>, db: Database) {
  const userId = overrides.userId ?? (await createUser({}, db)).id;
  const [row] = await db
    .insert(session)
    .values({
      tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
      expiresAt: new Date(Date.now() + 86_400_000),
      ...overrides,
      userId,
    })
    .returning();
  return row!;
}

export async function createTeam(overrides: Insert<typeof team>, db: Database) {
  const n = next();
  const [row] = await db
    .insert(team)
    .values({ name: `Team ${n}`, slug: `team-${n}-${randomBytes(3).toString('hex')}`, ...overrides })
    .returning();
  return row!;
}

export async function createMembership(overrides: Insert<typeof membership>, db: Database) {
  const teamId = overrides.teamId ?? (await createTeam({}, db)).id;
  const userId = overrides.userId ?? (await createUser({}, db)).id;
  const [row] = await db
    .insert(membership)
    .values({ role: 'MEMBER', ...overrides, teamId, userId })
    .returning();
  return row!;
}

export async function createApiToken(overrides: Insert<typeof apiToken>, db: Database) {
  const teamId = overrides.teamId ?? (await createTeam({}, db)).id;
  const secret = `tb_${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(apiToken)
    .values({
      name: 'test token',
      prefix: secret.slice(0, 10),
      tokenHash: createHash('sha256').update(secret).digest('hex'),
      scope: 'RUNNER',
      ...overrides,
      teamId,
    })
    .returning();
  return { ...row!, secret };
}

export async function createProject(overrides: Insert<typeof project>, db: Database) {
  const teamId = overrides.teamId ?? (await createTeam({}, db)).id;
  const n = next();
  const [row] = await db
    .insert(project)
    .values({ name: `Project ${n}`, slug: `project-${n}`, ...overrides, teamId })
    .returning();
  return row!;
}

export async function createStudy(overrides: Insert<typeof study>, db: Database) {
  const projectId = overrides.projectId ?? (await createProject({}, db)).id;
  const n = next();
  const [row] = await db
    .insert(study)
    .values({
      name: `Study ${n}`,
      objectives: [{ name: 'val_loss', direction: 'minimize' }],
      space: { lr: { type: 'float', low: 1e-5, high: 0.1, log: true } },
      sampler: { kind: 'random', seed: 1 },
      pruner: { kind: 'none' },
      objective: { kind: 'template', template: 'mlp', dataset: 'digits', metric: 'val_loss' },
      maxTrials: 10,
      ...overrides,
      projectId,
    })
    .returning();
  return row!;
}

export async function createTrial(overrides: Insert<typeof trial>, db: Database) {
  const studyId = overrides.studyId ?? (await createStudy({}, db)).id;
  const [row] = await db
    .insert(trial)
    .values({ number: next(), params: { lr: 0.01 }, ...overrides, studyId })
    .returning();
  return row!;
}

export async function createMetric(overrides: Insert<typeof metric>, db: Database) {
  const trialId = overrides.trialId ?? (await createTrial({}, db)).id;
  const [row] = await db
    .insert(metric)
    .values({ attempt: 0, key: 'val_loss', step: next(), value: 0.5, ...overrides, trialId })
    .returning();
  return row!;
}

export async function createRunner(overrides: Insert<typeof runner>, db: Database) {
  const teamId = overrides.teamId ?? (await createTeam({}, db)).id;
  const n = next();
  const [row] = await db
    .insert(runner)
    .values({
      name: `runner-${n}`,
      host: 'localhost',
      capabilities: { backend: 'cpu', gpus: 0, labels: [] },
      ...overrides,
      teamId,
    })
    .returning();
  return row!;
}
