import { describe, expect, it } from 'vitest';
import { afterSignIn, invitationParam, invitationPath, signInToAccept } from './invitation-links.ts';

describe('invitation links', () => {
  it('keeps the token through sign-in and back to the invitation page', () => {
    const token = invitationParam(signInToAccept('abc_123').split('=')[1]);
    expect(signInToAccept('abc_123')).toBe('/sign-in?invitation=abc_123');
    expect(afterSignIn(token)).toBe('/invite/abc_123');
  });

  it('escapes a token so it stays inside the invitation path', () => {
    expect(invitationPath('../teams?x=1')).toBe('/invite/..%2Fteams%3Fx%3D1');
    expect(signInToAccept('a&b')).toBe('/sign-in?invitation=a%26b');
  });

  it('signs in to the home page without an invitation', () => {
    expect(invitationParam(undefined)).toBeUndefined();
    expect(invitationParam(['  ', 'x'])).toBeUndefined();
    expect(invitationParam([' tok ', 'x'])).toBe('tok');
    expect(afterSignIn(undefined)).toBe('/?from=sign-in');
  });
});
