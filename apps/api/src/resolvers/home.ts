// The home page's reads: the caller's recent studies and finished trials across their teams, and each study's
// best value so far. Lists are bounded by LIST_MAX.recent; rows are read only from the teams the caller may
// read (in the statement's WHERE) and each row still passes `authorize` with its own team before it is shown.
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { project, study, trial } from '@tuneboard/db';
import { authorize, teamsAllowed } from '../auth/authorize.ts';
import type { Resolvers } from '../generated/graphql.ts';
import type { StudyRow, TrialRow } from '../mappers.ts';
import { LIST_MAX, boundedInt } from './list-limits.ts';

const FINISHED_STATES = ['COMPLETE', 'PRUNED', 'FAIL'] as const;

export const homeResolvers: Resolvers = {
  Viewer: {
    recentStudies: async (viewer, args, ctx) => {
      const first = boundedInt('recentStudies(first:)', args.first ?? 10, 0, LIST_MAX.recent);
      const teams = teamsAllowed(viewer, 'read');
      if (first === 0 || teams.length === 0) return [];
      const rows = await ctx.db
        .select({ study, teamId: project.teamId })
        .from(study)
        .innerJoin(project, eq(project.id, study.projectId))
        .where(inArray(project.teamId, teams))
        // Running and paused studies first (what is going on now), then the newest.
        .orderBy(
          sql`case when ${study.status} in ('RUNNING', 'PAUSED') then 0 else 1 end`,
          desc(study.createdAt),
          desc(study.id),
        )
        .limit(first);
      return rows.map((row): StudyRow => {
        authorize(ctx.viewer, row.teamId, 'read', 'The study');
        return { ...row.study, teamId: row.teamId };
      });
    },
    recentTrials: async (viewer, args, ctx) => {
      const first = boundedInt('recentTrials(first:)', args.first ?? 10, 0, LIST_MAX.recent);
      const teams = teamsAllowed(viewer, 'read');
      if (first === 0 || teams.length === 0) return [];
      const rows = await ctx.db
        .select({ trial, teamId: project.teamId })
        .from(trial)
        .innerJoin(study, eq(study.id, trial.studyId))
        .innerJoin(project, eq(project.id, study.projectId))
        .where(
          and(
            inArray(project.teamId, teams),
            inArray(trial.state, [...FINISHED_STATES]),
            isNotNull(trial.finishedAt),
          ),
        )
        .orderBy(desc(trial.finishedAt), desc(trial.id))
        .limit(first);
      return rows.map((row): TrialRow => {
        authorize(ctx.viewer, row.teamId, 'read', 'The trial');
        return row.trial;
      });
    },
  },
  Study: {
    createdByName: async (row, _args, ctx) =>
      row.createdById ? ((await ctx.loaders.user.load(row.createdById))?.name ?? null) : null,
    bestSoFar: async (row, args, ctx) => {
      const maxPoints = boundedInt('bestSoFar(maxPoints:)', args.maxPoints ?? 50, 0, LIST_MAX.default);
      if (maxPoints === 0) return [];
      const maximize = row.objectives[0]?.direction === 'maximize';
      // Only the trials that improved on every earlier one come back: a few dozen rows for thousands of trials.
      const previous = maximize
        ? sql`max(${trial.values}[1]) over (order by ${trial.number} rows between unbounded preceding and 1 preceding)`
        : sql`min(${trial.values}[1]) over (order by ${trial.number} rows between unbounded preceding and 1 preceding)`;
      const improves = maximize ? sql`ranked.value > ranked.previous` : sql`ranked.value < ranked.previous`;
      const ranked = ctx.db
        .select({
          number: trial.number,
          finishedAt: trial.finishedAt,
          value: sql<string>`${trial.values}[1]::text`.as('value_text'),
          raw: sql`${trial.values}[1]`.as('value'),
          previous: sql`${previous}`.as('previous'),
        })
        .from(trial)
        .where(
          and(eq(trial.studyId, row.id), eq(trial.state, 'COMPLETE'), sql`${trial.values}[1] is not null`),
        )
        .as('ranked');
      const rows = await ctx.db
        .select({ number: ranked.number, value: ranked.value, finishedAt: ranked.finishedAt })
        .from(ranked)
        .where(sql`ranked.previous is null or ${improves}`)
        .orderBy(desc(ranked.number))
        .limit(maxPoints);
      return rows.reverse().map((r) => ({ trialNumber: r.number, value: Number(r.value), finishedAt: r.finishedAt }));
    },
  },
};
