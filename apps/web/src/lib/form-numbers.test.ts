import { describe, expect, it } from 'vitest';
import { checkBudget, wholeNumber } from './form-numbers.ts';

describe('whole numbers typed into forms', () => {
  it('refuses "ten" naming the field and the value instead of sending null (a token that never expires)', () => {
    expect(wholeNumber('expiresInDays', 'ten', 1, 3650)).toEqual({
      error: 'expiresInDays must be a whole number from 1 to 3650, got "ten"',
    });
  });

  it.each(['1.5', '1e3', '0x10', '12 days', 'NaN', 'Infinity', '0', '3651', '-4'])('refuses %s', (text) => {
    expect(wholeNumber('expiresInDays', text, 1, 3650).error).toBe(
      `expiresInDays must be a whole number from 1 to 3650, got ${JSON.stringify(text)}`,
    );
  });

  it('reads empty as null (the default: never, no limit) and whole numbers in range as themselves', () => {
    expect(wholeNumber('maxTrials', '  ', 1, 1_000_000)).toEqual({ value: null });
    expect(wholeNumber('maxTrials', ' 20 ', 1, 1_000_000)).toEqual({ value: 20 });
    expect(wholeNumber('expiresInDays', '3650', 1, 3650)).toEqual({ value: 3650 });
  });
});

describe("the new-study form's budget", () => {
  it('refuses every field that is not a whole number in its bounds at once, instead of sending null ("no limit")', () => {
    expect(checkBudget({ maxTrials: 'twenty', maxParallel: '0', maxFailures: '3' })).toEqual({
      budget: { maxTrials: null, maxParallel: null, maxFailures: 3 },
      errors: {
        'budget.maxTrials': ['maxTrials must be a whole number from 1 to 1000000, got "twenty"'],
        'budget.maxParallel': ['maxParallel must be a whole number from 1 to 1024, got "0"'],
      },
    });
  });

  it('sends empty fields as null and numbers as numbers', () => {
    expect(checkBudget({ maxTrials: '', maxParallel: '4', maxFailures: '' })).toEqual({
      budget: { maxTrials: null, maxParallel: 4, maxFailures: null },
      errors: {},
    });
  });
});
