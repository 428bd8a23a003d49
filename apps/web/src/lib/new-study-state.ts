// The new-study form's state as one reducer with a section per part of a study (details, objectives, space,
// strategy, objective function, budget), and the check that turns it into a `studyCreate` input or into every
// error the form can tell at once, each keyed by the field it belongs to. Pure, so its tests need no browser.
import {
  DEFAULT_KEEP_MODELS,
  DEFAULT_MAX_FAILURES,
  DEFAULT_MAX_PARALLEL,
  KEEP_MODELS_BOUNDS,
  buildConfig,
  builtinDatasetNames,
  kindSpec,
  prunerKinds,
  samplerKinds,
  templateNames,
  type KindSpec,
  type OptionValues,
} from '@tuneboard/contract';
import type { Direction, StudyCreateInput } from '@/gql/graphql';
import { checkBudget, wholeNumber, type BudgetFields } from './form-numbers.ts';
import { checkRows } from './space-checks.ts';
import { emptyRow, rowsToSpace, spaceToRows, spaceToText, textToSpace, type ParamRow, type SpaceFormat } from './space-editor.ts';
import type { FieldErrors } from './user-errors.ts';

export interface ObjectiveRow {
  name: string;
  direction: Direction;
}

/** What a runner executes per trial, as typed: a template on a dataset, or a command line. */
export interface ObjectiveFunction {
  kind: 'template' | 'command';
  template: string;
  dataset: string;
  command: string;
  cwd: string;
  /** How many best trials keep their saved model (templates only), as typed; empty: the contract's default. */
  keepModels: string;
}

export interface SpaceState {
  rows: ParamRow[];
  format: SpaceFormat;
  text: string;
  /** Why the text cannot be shown as rows (it then goes to the API as it is), or null. */
  textError: string | null;
}

export interface StrategyState {
  samplerKind: string;
  samplerValues: OptionValues;
  prunerKind: string;
  prunerValues: OptionValues;
}

export interface NewStudyState {
  details: { name: string; description: string };
  objectives: ObjectiveRow[];
  space: SpaceState;
  strategy: StrategyState;
  objective: ObjectiveFunction;
  budget: BudgetFields;
  errors: FieldErrors;
}

export type NewStudyAction =
  | { type: 'details'; patch: Partial<NewStudyState['details']> }
  | { type: 'objectives'; objectives: ObjectiveRow[] }
  | { type: 'space/rows'; rows: ParamRow[] }
  | { type: 'space/text'; text: string }
  | { type: 'space/format'; format: SpaceFormat }
  | { type: 'strategy/kind'; which: 'sampler' | 'pruner'; kind: string }
  | { type: 'strategy/values'; which: 'sampler' | 'pruner'; values: OptionValues }
  | { type: 'objective'; patch: Partial<ObjectiveFunction> }
  | { type: 'budget'; patch: Partial<BudgetFields> }
  | { type: 'errors'; errors: FieldErrors };

const initialRows: ParamRow[] = [
  { ...emptyRow(), name: 'learningRate', type: 'float', low: '0.0001', high: '0.1', log: true },
  { ...emptyRow(), name: 'units', type: 'int', low: '16', high: '256', log: true },
  { ...emptyRow(), name: 'optimizer', type: 'categorical', choices: 'adam, sgd' },
];

/** A fresh form: the contract's first sampler and pruner kinds, template and dataset, and budget defaults. */
export function initialNewStudy(): NewStudyState {
  return {
    details: { name: '', description: '' },
    objectives: [{ name: 'val_accuracy', direction: 'MAXIMIZE' }],
    space: { rows: initialRows, format: 'json', text: spaceToText(rowsToSpace(initialRows), 'json'), textError: null },
    strategy: {
      samplerKind: samplerKinds[0]!.kind,
      samplerValues: {},
      prunerKind: prunerKinds[0]!.kind,
      prunerValues: {},
    },
    objective: { kind: 'template', template: templateNames[0], dataset: builtinDatasetNames[0], command: '', cwd: '', keepModels: String(DEFAULT_KEEP_MODELS) },
    budget: { maxTrials: '20', maxParallel: String(DEFAULT_MAX_PARALLEL), maxFailures: String(DEFAULT_MAX_FAILURES) },
    errors: {},
  };
}

/** The rows and the text kept in step: editing one rewrites the other. */
function spaceReducer(space: SpaceState, action: NewStudyAction): SpaceState {
  switch (action.type) {
    case 'space/rows':
      return { ...space, rows: action.rows, text: spaceToText(rowsToSpace(action.rows), space.format), textError: null };
    case 'space/text': {
      const parsed = textToSpace(action.text, space.format);
      if (parsed.error) return { ...space, text: action.text, textError: parsed.error };
      try {
        return { ...space, text: action.text, rows: spaceToRows(parsed.space), textError: null };
      } catch (error) {
        // Valid text the form cannot show (e.g. an unknown type): the text still goes to the API, which explains.
        return { ...space, text: action.text, textError: error instanceof Error ? error.message : String(error) };
      }
    }
    case 'space/format': {
      const parsed = textToSpace(space.text, space.format);
      const text = parsed.error ? space.text : spaceToText((parsed.space ?? {}) as Record<string, Record<string, unknown>>, action.format);
      return { ...space, format: action.format, text };
    }
    default:
      return space;
  }
}

export function newStudyReducer(state: NewStudyState, action: NewStudyAction): NewStudyState {
  switch (action.type) {
    case 'details':
      return { ...state, details: { ...state.details, ...action.patch } };
    case 'objectives':
      return { ...state, objectives: action.objectives };
    case 'space/rows':
    case 'space/text':
    case 'space/format':
      return { ...state, space: spaceReducer(state.space, action) };
    case 'strategy/kind':
      // Options belong to a kind: a new kind starts from its defaults.
      return {
        ...state,
        strategy: { ...state.strategy, [`${action.which}Kind`]: action.kind, [`${action.which}Values`]: {} },
      };
    case 'strategy/values':
      return { ...state, strategy: { ...state.strategy, [`${action.which}Values`]: action.values } };
    case 'objective':
      return { ...state, objective: { ...state.objective, ...action.patch } };
    case 'budget':
      return { ...state, budget: { ...state.budget, ...action.patch } };
    case 'errors':
      return { ...state, errors: action.errors };
  }
}

/** Numeric options typed as something that is not a number, on `<which>.<option>` (the API would name them too). */
function optionErrors(which: 'sampler' | 'pruner', spec: KindSpec, values: OptionValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const option of spec.options) {
    const raw = values[option.name]?.trim() ?? '';
    if (raw === '' || (option.type !== 'int' && option.type !== 'number')) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || (option.type === 'int' && !Number.isInteger(n))) {
      const what = option.type === 'int' ? 'a whole number' : 'a number';
      errors[`${which}.${option.name}`] = [`${option.name} must be ${what}, got ${JSON.stringify(raw)}`];
    }
  }
  return errors;
}

/** The objective function as the API's objective spec document. */
function objectiveSpec(objective: ObjectiveFunction): Record<string, unknown> {
  if (objective.kind === 'template') return { kind: 'template', template: objective.template, dataset: objective.dataset };
  return {
    kind: 'command',
    command: objective.command.split(/\s+/).filter(Boolean),
    ...(objective.cwd.trim() ? { cwd: objective.cwd.trim() } : {}),
  };
}

/**
 * Everything the form can tell before sending, every problem at once on its field (space text that does not
 * parse, parameter rows, options, the command, the budget); or the `studyCreate` input when there is none.
 */
export function checkNewStudy(
  state: NewStudyState,
  projectId: string,
): { errors: FieldErrors; input?: undefined } | { errors?: undefined; input: StudyCreateInput } {
  const { space, strategy, objective } = state;
  const parsed = textToSpace(space.text, space.format);
  const sampler = kindSpec(samplerKinds, strategy.samplerKind);
  const pruner = kindSpec(prunerKinds, strategy.prunerKind);
  const budget = checkBudget(state.budget);
  // Only templates save models; a command's files are kept until deleted.
  const keepModels =
    objective.kind === 'template' ? wholeNumber('keepModels', objective.keepModels, KEEP_MODELS_BOUNDS.min, KEEP_MODELS_BOUNDS.max) : { value: null };
  const errors: FieldErrors = {
    ...(parsed.error ? { space: [parsed.error] } : {}),
    // The rows are the space only when the text could be shown as rows; otherwise the text goes as it is.
    ...(parsed.error || space.textError ? {} : checkRows(space.rows)),
    ...optionErrors('sampler', sampler, strategy.samplerValues),
    ...optionErrors('pruner', pruner, strategy.prunerValues),
    ...(objective.kind === 'command' && objective.command.trim() === ''
      ? { 'objective.command': ['command must name a program to run, got nothing'] }
      : {}),
    ...budget.errors,
    ...(keepModels.error !== undefined ? { keepModels: [keepModels.error] } : {}),
  };
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      projectId,
      name: state.details.name,
      description: state.details.description,
      objectives: state.objectives,
      space: parsed.space,
      sampler: buildConfig(sampler, strategy.samplerValues),
      pruner: buildConfig(pruner, strategy.prunerValues),
      objective: objectiveSpec(objective),
      budget: budget.budget,
      ...(keepModels.value != null ? { keepModels: keepModels.value } : {}),
    },
  };
}
