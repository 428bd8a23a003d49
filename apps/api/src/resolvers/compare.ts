// Comparison views: chosen trials or studies by id (each through `authorize`), and the objective's distribution of a
// study for the overlaid EDF. Best-so-far histories and parameter importance are the study's own fields
// (home.ts, analysis.ts), asked for per study by the dashboard.
import { and, eq, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { trial } from '@tuneboard/db';
import type { Resolvers } from '../generated/graphql.ts';
import type { StudyRow, TrialRow } from '../mappers.ts';
import { rowsOf } from '../db-rows.ts';
import { badInput, loadStudy, loadTrial } from './common.ts';
import { boundedInt, shown } from './list-limits.ts';

/** Every load's result, or the error of the first id that failed in the list's order (not the first to fail in time). */
async function inOrder<T>(loads: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(loads);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
}

/** An id of the list that is not found, named by its place (`ids[3]: The study was not found.`), code kept. */
async function naming<T>(place: string, loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'NOT_FOUND') {
      throw new GraphQLError(`${place}: ${error.message}`, { extensions: error.extensions });
    }
    throw error;
  }
}

export const COMPARE_MAX = { trials: 20, studies: 10, values: 5_000 } as const;

/** 2 to `max` ids, each once; otherwise BAD_USER_INPUT naming the rule and the value. */
export function checkCompareIds(what: 'trials' | 'studies', ids: readonly string[], max: number): string[] {
  if (ids.length < 2 || ids.length > max) {
    throw badInput(`Compare 2 to ${max} ${what}: ids holds ${ids.length}`);
  }
  ids.forEach((id, i) => {
    if (id.length > 100) throw badInput(`ids[${i}] is not an id: ${shown(id)}`);
    const earlier = ids.indexOf(id);
    if (earlier !== i) throw badInput(`ids[${i}] repeats ids[${earlier}]: ${shown(id)}`);
  });
  return [...ids];
}

export const compareResolvers: Resolvers = {
  Query: {
    compareTrials: async (_parent, { ids }, ctx) => {
      const checked = checkCompareIds('trials', ids, COMPARE_MAX.trials);
      return inOrder(
        checked.map((id, i): Promise<TrialRow> => naming(`ids[${i}]`, loadTrial(ctx, id, 'read'))),
      );
    },
    compareStudies: async (_parent, { ids }, ctx) => {
      const checked = checkCompareIds('studies', ids, COMPARE_MAX.studies);
      return inOrder(
        checked.map((id, i): Promise<StudyRow> => naming(`ids[${i}]`, loadStudy(ctx, id, 'read'))),
      );
    },
  },
  Study: {
    objectiveValues: async (row, args, ctx) => {
      const index = args.objectiveIndex ?? 0;
      if (!Number.isInteger(index) || index < 0 || index >= row.objectives.length) {
        throw badInput(
          `objectiveIndex must be from 0 to ${row.objectives.length - 1} (the study's objectives), got ${shown(index)}`,
        );
      }
      const maxPoints = boundedInt(
        'objectiveValues(maxPoints:)',
        args.maxPoints ?? 1000,
        2,
        COMPARE_MAX.values,
      );
      const value = sql`${trial.values}[${sql.raw(String(index + 1))}]`;
      // Ranked in the database; with n > maxPoints only the first row of each of maxPoints - 1 equal buckets of
      // ranks and the last row come back, so a study of a million trials sends maxPoints numbers, not a million.
      const result = await ctx.db.execute(sql`
        select v::text as v from (
          select ${value} as v, row_number() over (order by ${value}) as r, count(*) over () as n
          from ${trial}
          where ${and(eq(trial.studyId, row.id), eq(trial.state, 'COMPLETE'))}
            and ${value} is not null and ${value} not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)
        ) ranked
        where n <= ${maxPoints} or r = n
          or floor((r - 1) * ${maxPoints - 1}::float8 / n) <> floor((r - 2) * ${maxPoints - 1}::float8 / n)
        order by r`);
      return rowsOf<{ v: string }>(result).map((r) => Number(r.v));
    },
  },
};
