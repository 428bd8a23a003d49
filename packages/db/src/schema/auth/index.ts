export * from './constants.ts';
export * from './user.ts';
export * from './session.ts';
export * from './api-token.ts';
export * from './invitation.ts';
export * from './auth-attempt.ts';
export * from './validation.ts';
