import { describe, expect, it } from 'vitest';
import { objectiveDirections, objectiveMetrics, objectiveSpecSchema, parseObjectiveSpec } from './objective-spec.ts';

describe('objective spec', () => {
  it('fills defaults for a template spec', () => {
    const spec = parseObjectiveSpec({ kind: 'template', template: 'cnn', dataset: 'mnist' });
    expect(objectiveMetrics(spec)).toEqual(['val_accuracy']);
    expect(objectiveDirections(spec)).toEqual(['maximize']);
  });

  it('infers directions by name unless given', () => {
    const spec = parseObjectiveSpec({ kind: 'command', command: ['python3', 'train.py'], metric: ['val_loss', 'f1'] });
    expect(objectiveDirections(spec)).toEqual(['minimize', 'maximize']);
    const given = parseObjectiveSpec({ kind: 'command', command: ['x'], metric: 'reward', direction: 'maximize' });
    expect(objectiveDirections(given)).toEqual(['maximize']);
    expect(given.kind === 'command' && given.killGraceSeconds).toBe(5);
  });

  it('never accepts a test metric as a template objective', () => {
    expect(objectiveSpecSchema.safeParse({ kind: 'template', template: 'mlp', dataset: 'iris', metric: 'test_accuracy' }).success).toBe(false);
  });

  it('lists every problem with its path', () => {
    expect(() =>
      parseObjectiveSpec({ kind: 'template', template: 'mlp', dataset: 'iris', csv: { path: 'a.csv', label: 'y' }, split: { validation: 0.5, test: 0.5 } }),
    ).toThrow('invalid objective spec: split: validation + test must be < 1, leaving rows to train on; dataset: give exactly one of `dataset` and `csv`');
    expect(() => parseObjectiveSpec({ kind: 'command', command: [], metric: ['a', 'b'], direction: ['minimize'] })).toThrow(/command: .*; direction: one direction per metric: got 1 directions for 2 metrics/);
  });
});
