import type { EvaluationFieldsFragment } from '@/gql/graphql';

/** The `test_*` figures shown, in this order first; others an evaluation reports follow by name. */
const KNOWN = ['test_accuracy', 'test_loss'];

/** Whether a trial's study trains a template (mlp/cnn on a dataset): only those models are evaluated on the test split. */
export function isTemplateStudy(objective: unknown): boolean {
  return typeof objective === 'object' && objective !== null && (objective as { kind?: unknown }).kind === 'template';
}

/** Whether the trial kept its saved model (a READY `model/model.json`). */
export function hasModel(trial: Pick<EvaluationFieldsFragment, 'artifacts'>): boolean {
  return trial.artifacts.some((a) => a.kind === 'MODEL' && a.name === 'model/model.json' && a.state === 'READY');
}

/** The figure columns for a list of trials: the known ones, then any other key, once each. */
export function figureKeys(trials: readonly Pick<EvaluationFieldsFragment, 'evaluation'>[]): string[] {
  const keys = new Set<string>();
  for (const trial of trials) for (const metric of trial.evaluation?.metrics ?? []) keys.add(metric.key);
  return [...KNOWN.filter((k) => keys.has(k)), ...[...keys].filter((k) => !KNOWN.includes(k)).sort()];
}

/** Why the button is disabled, or null when it can be pressed. */
export function evaluateBlocker(trial: EvaluationFieldsFragment, readOnlyReason: string | null): string | null {
  if (readOnlyReason) return readOnlyReason;
  if (!isTemplateStudy(trial.study.objective)) return "Only a template study's models (mlp or cnn on a dataset) can be evaluated on the test split.";
  if (!hasModel(trial)) return "This trial has no saved model (the study keeps its best trials' models only).";
  const state = trial.evaluation?.state;
  if (state === 'QUEUED' || state === 'RUNNING') return 'An evaluation of this model is under way.';
  return null;
}

/** The job's state in words, for the table. */
export function stateLabel(evaluation: EvaluationFieldsFragment['evaluation']): string {
  switch (evaluation?.state) {
    case undefined:
      return 'not evaluated';
    case 'QUEUED':
      return 'queued';
    case 'RUNNING':
      return 'running';
    case 'DONE':
      return 'done';
    case 'FAILED':
      return 'failed';
  }
}
