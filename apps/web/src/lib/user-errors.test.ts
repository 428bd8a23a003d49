import { describe, expect, it } from 'vitest';
import { errorsFor, fieldKey, groupUserErrors, unclaimedErrors } from './user-errors.ts';

const errors = groupUserErrors([
  { field: ['input', 'space', 'lr'], message: 'parameter "lr": low <= high', code: 'INVALID' },
  {
    field: ['input', 'budget', 'maxTrials'],
    message: 'maxTrials must be 1 to 1000000, got 0',
    code: 'INVALID',
  },
  { field: ['input', 'name'], message: 'name "a" is taken', code: 'TAKEN' },
  { field: ['input', 'name'], message: 'name is too short', code: 'INVALID' },
  { field: [], message: 'the project is archived', code: 'INVALID' },
]);

describe('mapping userErrors to form fields', () => {
  it('drops the leading input of a field path', () => {
    expect(fieldKey(['input', 'space', 'lr', 'low'])).toBe('space.lr.low');
    expect(fieldKey(['objectives', '0'])).toBe('objectives.0');
  });

  it('keeps every message of a field in order', () => {
    expect(errorsFor(errors, 'name')).toEqual(['name "a" is taken', 'name is too short']);
  });

  it('shows errors inside a document on the input that edits the whole document', () => {
    expect(errorsFor(errors, 'space')).toEqual(['parameter "lr": low <= high']);
    expect(errorsFor(errors, 'space.lr')).toEqual(['parameter "lr": low <= high']);
    expect(errorsFor(errors, 'space.units')).toEqual([]);
  });

  it('does not confuse a field with another that shares its prefix', () => {
    const grouped = groupUserErrors([{ field: ['input', 'namespace'], message: 'bad', code: 'INVALID' }]);
    expect(errorsFor(grouped, 'name')).toEqual([]);
  });

  it('collects what no input claims for the top of the form', () => {
    expect(unclaimedErrors(errors, ['name', 'space'])).toEqual([
      'maxTrials must be 1 to 1000000, got 0',
      'the project is archived',
    ]);
  });
});
