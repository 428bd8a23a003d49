import { builtinDatasetNames, prunerKinds, samplerKinds, templateNames } from '@tuneboard/contract';
import { describe, expect, it } from 'vitest';
import { checkNewStudy, initialNewStudy, newStudyReducer, type NewStudyAction, type NewStudyState } from './new-study-state.ts';
import { emptyRow } from './space-editor.ts';

const apply = (actions: NewStudyAction[], state: NewStudyState = initialNewStudy()) => actions.reduce(newStudyReducer, state);
const row = (patch: Partial<ReturnType<typeof emptyRow>>) => ({ ...emptyRow(), ...patch });

describe('the new-study form’s reducer', () => {
  it('starts from the contract’s first sampler, pruner, template and dataset', () => {
    const state = initialNewStudy();
    expect(state.strategy.samplerKind).toBe(samplerKinds[0]!.kind);
    expect(state.strategy.prunerKind).toBe(prunerKinds[0]!.kind);
    expect(state.objective).toMatchObject({ template: templateNames[0], dataset: builtinDatasetNames[0] });
  });

  it('keeps the rows and the text in step, both ways', () => {
    const fromRows = apply([{ type: 'space/rows', rows: [row({ name: 'x', type: 'int', low: '1', high: '3' })] }]);
    expect(JSON.parse(fromRows.space.text)).toEqual({ x: { type: 'int', low: 1, high: 3 } });
    const fromText = apply([{ type: 'space/text', text: '{"y": {"type": "categorical", "choices": ["a", "b"]}}' }], fromRows);
    expect(fromText.space.rows).toEqual([row({ name: 'y', type: 'categorical', choices: 'a, b' })]);
    expect(fromText.space.textError).toBeNull();
    const yaml = apply([{ type: 'space/format', format: 'yaml' }], fromText);
    expect(yaml.space.text).toContain('choices:');
  });

  it('starts a new sampler kind from its defaults', () => {
    const state = apply([
      { type: 'strategy/values', which: 'sampler', values: { seed: '7' } },
      { type: 'strategy/kind', which: 'sampler', kind: 'cmaes' },
    ]);
    expect(state.strategy).toMatchObject({ samplerKind: 'cmaes', samplerValues: {} });
  });
});

describe('checking the new-study form before sending', () => {
  it('shows every problem at once, each on its own field: a name used twice, bounds on their Low/High cells, options and budget', () => {
    const state = apply([
      {
        type: 'space/rows',
        rows: [
          row({ name: 'lr', low: 'ten', high: '0.1' }),
          row({ name: 'units', type: 'int', low: '16', high: 'many' }),
          row({ name: 'lr', type: 'categorical', choices: 'a' }),
        ],
      },
      { type: 'strategy/values', which: 'sampler', values: { nStartupTrials: '2.5', priorWeight: 'heavy' } },
      { type: 'budget', patch: { maxTrials: 'ten' } },
      { type: 'objective', patch: { kind: 'command', command: '  ' } },
    ]);
    const { errors, input } = checkNewStudy(state, 'p1');
    expect(input).toBeUndefined();
    const twice = 'parameter name "lr" is used by rows 1 and 3; each parameter needs its own name';
    expect(errors).toEqual({
      'space.#0.low': ['parameter "lr": low must be a number, got "ten"'],
      'space.#1.high': ['parameter "units": high must be a number, got "many"'],
      'space.#0.name': [twice],
      'space.#2.name': [twice],
      'sampler.nStartupTrials': ['nStartupTrials must be a whole number, got "2.5"'],
      'sampler.priorWeight': ['priorWeight must be a number, got "heavy"'],
      'objective.command': ['command must name a program to run, got nothing'],
      'budget.maxTrials': ['maxTrials must be a whole number from 1 to 1000000, got "ten"'],
    });
  });

  it('refuses space text that does not parse on the space, alongside the other fields’ errors', () => {
    const state = apply([
      { type: 'space/text', text: '{"lr": {"type": "float"}, "lr": {"type": "int"}}' },
      { type: 'budget', patch: { maxParallel: '0' } },
    ]);
    expect(checkNewStudy(state, 'p1').errors).toEqual({
      space: ['space is not valid JSON: the key "lr" appears twice'],
      'budget.maxParallel': ['maxParallel must be a whole number from 1 to 1024, got "0"'],
    });
  });

  it('builds the studyCreate input from a valid form', () => {
    const state = apply([
      { type: 'details', patch: { name: 'digits' } },
      { type: 'space/rows', rows: [row({ name: 'lr', low: '0.001', high: '0.1', log: true })] },
      { type: 'strategy/kind', which: 'pruner', kind: 'median' },
      { type: 'strategy/values', which: 'pruner', values: { warmupSteps: '2' } },
    ]);
    const { input, errors } = checkNewStudy(state, 'p1');
    expect(errors).toBeUndefined();
    expect(input).toMatchObject({
      projectId: 'p1',
      name: 'digits',
      space: { lr: { type: 'float', low: 0.001, high: 0.1, log: true } },
      sampler: { kind: 'auto' },
      pruner: { kind: 'median', warmupSteps: 2 },
      objective: { kind: 'template', template: 'mlp', dataset: 'digits' },
      budget: { maxTrials: 20, maxParallel: 4, maxFailures: 3 },
    });
  });

  it('sends keepModels of a template study (the contract\'s default, or as typed) and refuses one outside 0 to 100 on its field', () => {
    const named = apply([{ type: 'details', patch: { name: 'x' } }]);
    expect(checkNewStudy(named, 'p1').input?.keepModels).toBe(3);
    expect(checkNewStudy(apply([{ type: 'objective', patch: { keepModels: '10' } }], named), 'p1').input?.keepModels).toBe(10);
    expect(checkNewStudy(apply([{ type: 'objective', patch: { keepModels: '' } }], named), 'p1').input).not.toHaveProperty('keepModels');
    expect(checkNewStudy(apply([{ type: 'objective', patch: { keepModels: '101' } }], named), 'p1').errors).toEqual({
      keepModels: ['keepModels must be a whole number from 0 to 100, got "101"'],
    });
    // A command saves no models: the field is neither checked nor sent.
    const command = apply([{ type: 'objective', patch: { kind: 'command', command: 'python train.py', keepModels: 'x' } }], named);
    expect(checkNewStudy(command, 'p1').input).not.toHaveProperty('keepModels');
  });
});
