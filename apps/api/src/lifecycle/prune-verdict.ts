import { createPruner, parsePrunerConfig, type Direction, type FrozenTrial, type Pruner } from '@tuneboard/tuning';
import type { StudyRow } from '../mappers.ts';

/** What a report asks the study's pruner: which rule judges, on which metric, at which of the batch's steps. */
export interface PruneQuestion {
  judge: Pruner;
  /** The study's first objective: the learning curve the pruners read. */
  key: string;
  /** The batch's steps of `key`, ascending, each once. */
  steps: number[];
  direction: Direction;
}

/**
 * The question a stored batch puts to the study's pruner, or undefined when there is nothing to judge (the study
 * has no pruner, or the batch holds no point of its first objective). Pure: no database, no clock.
 */
export function pruneQuestion(
  study: Pick<StudyRow, 'objectives' | 'pruner'>,
  batch: { keys: readonly string[]; steps: readonly number[] },
): PruneQuestion | undefined {
  const key = study.objectives[0]?.name;
  const pruner = parsePrunerConfig(study.pruner);
  if (pruner.kind === 'none' || !key || !batch.keys.includes(key)) return undefined;
  return {
    judge: createPruner(pruner),
    key,
    steps: [...new Set(batch.steps.filter((_, i) => batch.keys[i] === key))].sort((a, b) => a - b),
    direction: (study.objectives[0]?.direction ?? 'minimize') as Direction,
  };
}

/**
 * The pruner's verdict on the judged trial (by number) given the study's history as the question's judge reads
 * it (`judge.reads === 'steps'`: the judged trial's whole curve and the others' values at `steps`, else every
 * curve). Pruners are stateless and judge the curve up to its last step; a batch may carry several steps (ASHA's
 * rungs could fall between them), so each new step is judged on the curve up to it: prune if any says so. A trial
 * missing from the history (cancelled meanwhile) is not pruned. Pure.
 */
export function pruneVerdict(question: PruneQuestion, judged: { number: number }, history: readonly FrozenTrial[]): boolean {
  const current = history.find((t) => t.number === judged.number);
  if (!current) return false;
  return question.steps.some((step) =>
    question.judge.shouldPrune({
      trial: { ...current, intermediate: (current.intermediate ?? []).filter((point) => point.step <= step) },
      trials: history,
      direction: question.direction,
    }),
  );
}
