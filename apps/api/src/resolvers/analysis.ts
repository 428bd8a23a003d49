// Read-only analysis of a study for the dashboard: parameter importance and a dry run of `studyRefine`.
import { and, eq } from 'drizzle-orm';
import { trial } from '@tuneboard/db';
import {
  parameterImportance,
  parseSpace,
  refineSpace,
  spaceToJson,
  suggestRefinement,
  trialsInside,
  SpaceError,
  type Direction,
  type FrozenTrial,
  type RefineRange,
  type SearchSpace,
} from '@tuneboard/tuning';
import type { Resolvers } from '../generated/graphql.ts';
import type { StudyRow } from '../mappers.ts';
import { loadHistory } from '../lifecycle/history.ts';
import { badInput, userError } from './common.ts';

/** PED-ANOVA ignores it, but the signature takes one; fixed so a future seeded method stays reproducible. */
const IMPORTANCE_SEED = 0;

function directionOf(row: StudyRow, index: number): Direction {
  return (row.objectives[index]?.direction ?? 'minimize') as Direction;
}

function bestOf(trials: readonly FrozenTrial[], direction: Direction): FrozenTrial | undefined {
  const sign = direction === 'maximize' ? -1 : 1;
  let best: FrozenTrial | undefined;
  for (const t of trials) {
    const value = t.values?.[0];
    if (value === undefined || !Number.isFinite(value)) continue;
    if (!best || sign * (value - (best.values![0] as number)) < 0) best = t;
  }
  return best;
}

/**
 * The same choice `studyRefine` makes (brushed ranges win; otherwise the best fraction's region), so the preview
 * the dialog shows is the space the mutation will create.
 */
function proposeSpace(
  space: SearchSpace,
  history: readonly FrozenTrial[],
  ranges: unknown,
  topFraction: number | null | undefined,
  direction: Direction,
): { ranges: Record<string, RefineRange>; space: SearchSpace } {
  if (ranges != null) {
    const given = ranges as Record<string, RefineRange>;
    return { ranges: given, space: refineSpace(space, given) };
  }
  return suggestRefinement(space, history, { topQuantile: topFraction ?? undefined, direction });
}

export const analysisResolvers: Resolvers = {
  Study: {
    parameterImportance: async (row, { objectiveIndex }, ctx) => {
      const index = objectiveIndex ?? 0;
      if (!Number.isInteger(index) || index < 0 || index >= row.objectives.length) {
        throw badInput(
          `objectiveIndex must be from 0 to ${row.objectives.length - 1} (the study's objectives), got ${index}`,
        );
      }
      const history = await loadHistory(ctx.db, row, 'pruned');
      const complete = history.filter((t) => t.state === 'COMPLETE' && t.values?.every(Number.isFinite));
      if (complete.length < 2) return [];
      const directions = row.objectives.map((objective) => objective.direction as Direction);
      const perObjective = parameterImportance(parseSpace(row.space), complete, { directions, seed: IMPORTANCE_SEED });
      return (perObjective[index] ?? []).map((p) => ({
        name: p.name,
        importance: Number.isFinite(p.importance) ? p.importance : 0,
      }));
    },
    refinementPreview: async (row, { ranges, topFraction }, ctx) => {
      const history = await loadHistory(ctx.db, row, 'pruned');
      const completeCount = history.filter((t) => t.state === 'COMPLETE').length;
      const direction = directionOf(row, 0);
      let proposal;
      try {
        proposal = proposeSpace(parseSpace(row.space), history, ranges, topFraction, direction);
      } catch (error) {
        const field = ranges == null ? ['topFraction'] : ['ranges'];
        if (error instanceof SpaceError) {
          const path = ranges == null ? field : [...field, ...(error.param ? [error.param] : [])];
          return { ranges: null, space: null, insideCount: 0, completeCount, bestValue: null, bestTrial: null, userErrors: [userError(path, error.message)] };
        }
        if (error instanceof RangeError) {
          return { ranges: null, space: null, insideCount: 0, completeCount, bestValue: null, bestTrial: null, userErrors: [userError(field, error.message)] };
        }
        throw error;
      }
      const inside = trialsInside(proposal.space, history);
      const best = bestOf(inside, direction);
      const bestTrial = best
        ? ((await ctx.db.select().from(trial).where(and(eq(trial.studyId, row.id), eq(trial.number, best.number))))[0] ?? null)
        : null;
      return {
        ranges: proposal.ranges,
        space: spaceToJson(proposal.space),
        insideCount: inside.length,
        completeCount,
        bestValue: best?.values?.[0] ?? null,
        bestTrial,
        userErrors: [],
      };
    },
  },
};
