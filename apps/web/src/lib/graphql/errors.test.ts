import { describe, expect, it } from 'vitest';
import { readableError } from './errors.ts';

describe('errors as people read them', () => {
  it('shows the API’s messages without urql’s prefixes', () => {
    expect(readableError({ message: '[GraphQL] The study was not found', graphQLErrors: [{ message: 'The study was not found' }] })).toBe(
      'The study was not found',
    );
    expect(readableError({ message: '[GraphQL] a\n[GraphQL] b', graphQLErrors: [{ message: 'a' }, { message: 'b' }] })).toBe('a; b');
    expect(readableError({ message: '[Network] Failed to fetch', networkError: new Error('Failed to fetch') })).toBe('Failed to fetch');
    expect(readableError({ message: '[Network] undefined', networkError: new Error('undefined') })).toBe(
      'The API could not be reached; retrying.',
    );
    expect(readableError({ message: '[GraphQL] odd' })).toBe('odd');
  });
});
