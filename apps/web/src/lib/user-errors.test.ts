import { describe, expect, it } from 'vitest';
import {
  errorsFor,
  fieldKey,
  groupUserErrors,
  labelledMessage,
  plainMessage,
  unclaimedErrors,
} from './user-errors.ts';

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

  it('names the field by its label where a message starts with its key, and keeps the rest', () => {
    expect(
      labelledMessage(
        'maxTrials must be a whole number from 1 to 1000000, got "-5"',
        'maxTrials',
        'Max trials',
      ),
    ).toBe('Max trials must be a whole number from 1 to 1000000, got "-5"');
    expect(
      labelledMessage('expiresInDays must be 1 to 3650, got 0', 'expiresInDays', 'Expires in days'),
    ).toBe('Expires in days must be 1 to 3650, got 0');
    // Only a whole leading key: another field's name, or a longer word, stays.
    expect(labelledMessage('maxTrialsTotal must be set', 'maxTrials', 'Max trials')).toBe(
      'maxTrialsTotal must be set',
    );
    expect(labelledMessage('the project is archived', 'name', 'Study name')).toBe('the project is archived');
  });

  it('drops the code quotes around a rule', () => {
    expect(plainMessage('parameter "learningRate": `low <= high` must hold, got low=0.1, high=0.0001')).toBe(
      'parameter "learningRate": low <= high must hold, got low=0.1, high=0.0001',
    );
  });
});
