import DataLoader from 'dataloader';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@tuneboard/db';
import { apiToken, project, runner, study, team, trial, user } from '@tuneboard/db';
import type { ApiTokenRow, ProjectRow, RunnerRow, StudyRow, TeamRow, TrialRow, UserRow } from './mappers.ts';

function byId<K, V extends { id: K }>(load: (ids: K[]) => Promise<V[]>) {
  return new DataLoader<K, V | undefined>(async (ids) => {
    const rows = await load([...ids]);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id));
  });
}

/** DataLoaders, built per request so nothing is cached across callers. */
export function createLoaders(db: Database) {
  return {
    user: byId<string, UserRow>((ids) => db.select().from(user).where(inArray(user.id, ids))),
    team: byId<string, TeamRow>((ids) => db.select().from(team).where(inArray(team.id, ids))),
    project: byId<string, ProjectRow>((ids) => db.select().from(project).where(inArray(project.id, ids))),
    apiToken: byId<string, ApiTokenRow>((ids) => db.select().from(apiToken).where(inArray(apiToken.id, ids))),
    runner: byId<string, RunnerRow>((ids) => db.select().from(runner).where(inArray(runner.id, ids))),
    trial: byId<number, TrialRow>((ids) => db.select().from(trial).where(inArray(trial.id, ids))),
    /** A trial with its study (and the study's team) in one query: what every runner write needs first. */
    trialWithStudy: byId<number, TrialRow & { study: StudyRow }>(async (ids) => {
      const rows = await db
        .select({ trial, study, teamId: project.teamId })
        .from(trial)
        .innerJoin(study, eq(study.id, trial.studyId))
        .innerJoin(project, eq(project.id, study.projectId))
        .where(inArray(trial.id, ids));
      return rows.map((row) => ({ ...row.trial, study: { ...row.study, teamId: row.teamId } }));
    }),
    /** Counts of each study's trials by state: one grouped query for every study a response shows. */
    studyCounts: new DataLoader<string, Record<string, number>>(async (ids) => {
      const rows = await db
        .select({ studyId: trial.studyId, state: trial.state, n: sql<number>`count(*)::int` })
        .from(trial)
        .where(inArray(trial.studyId, [...ids]))
        .groupBy(trial.studyId, trial.state);
      const counts = new Map(ids.map((id) => [id, {} as Record<string, number>]));
      for (const row of rows) counts.get(row.studyId)![row.state] = Number(row.n);
      return ids.map((id) => counts.get(id)!);
    }),
    study: byId<string, StudyRow>(async (ids) => {
      const rows = await db
        .select({ study, teamId: project.teamId })
        .from(study)
        .innerJoin(project, eq(project.id, study.projectId))
        .where(inArray(study.id, ids));
      return rows.map((row) => ({ ...row.study, teamId: row.teamId }));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
