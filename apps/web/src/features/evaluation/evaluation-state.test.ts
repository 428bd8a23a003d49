import { describe, expect, it } from 'vitest';
import type { EvaluationFieldsFragment } from '@/gql/graphql';
import { evaluateBlocker, figureKeys, hasModel, isTemplateStudy, stateLabel } from './evaluation-state.ts';

const model = [{ id: 'a', name: 'model/model.json', kind: 'MODEL' as const, state: 'READY' as const }];
const trial = (overrides: Partial<EvaluationFieldsFragment> = {}): EvaluationFieldsFragment => ({
  id: 't1',
  number: 1,
  state: 'COMPLETE',
  values: [0.9],
  study: { id: 's', objective: { kind: 'template', template: 'mlp', dataset: 'iris' } },
  artifacts: model,
  evaluation: null,
  ...overrides,
});

describe('evaluation state', () => {
  it('lets a writer evaluate a template trial with a saved model, once at a time', () => {
    expect(evaluateBlocker(trial(), null)).toBeNull();
    expect(evaluateBlocker(trial(), 'viewer')).toBe('viewer');
    expect(evaluateBlocker(trial({ artifacts: [] }), null)).toMatch(/no saved model/);
    expect(evaluateBlocker(trial({ artifacts: [{ ...model[0]!, state: 'UPLOADING' }] }), null)).toMatch(/no saved model/);
    expect(evaluateBlocker(trial({ study: { id: 's', objective: { kind: 'command', command: ['x'] } } }), null)).toMatch(/template/);
    const running = trial({ evaluation: { id: 'e', state: 'RUNNING', error: null, finishedAt: null, metrics: [] } });
    expect(evaluateBlocker(running, null)).toMatch(/under way/);
    const done = trial({ evaluation: { id: 'e', state: 'DONE', error: null, finishedAt: null, metrics: [] } });
    expect(evaluateBlocker(done, null)).toBeNull();
  });

  it('orders figure columns known first, then the rest by name, each once', () => {
    const metrics = (keys: string[]) => ({ id: 'e', state: 'DONE' as const, error: null, finishedAt: null, metrics: keys.map((key) => ({ key, value: 1 })) });
    expect(figureKeys([trial({ evaluation: metrics(['test_rows', 'test_loss', 'test_accuracy']) }), trial({ evaluation: metrics(['test_f1']) }), trial()])).toEqual([
      'test_accuracy',
      'test_loss',
      'test_f1',
      'test_rows',
    ]);
  });

  it('names states and reads objectives and models defensively', () => {
    expect(stateLabel(null)).toBe('not evaluated');
    expect(stateLabel({ id: 'e', state: 'FAILED', error: 'x', finishedAt: null, metrics: [] })).toBe('failed');
    expect(isTemplateStudy(null)).toBe(false);
    expect(isTemplateStudy('template')).toBe(false);
    expect(hasModel(trial({ artifacts: [{ id: 'b', name: 'model/model.json', kind: 'FILE', state: 'READY' }] }))).toBe(false);
  });
});
