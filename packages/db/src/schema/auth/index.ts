export * from './constants';
export * from './user';
export * from './session';
export * from './api-token';
export * from './invitation';
export * from './auth-attempt';
export * from './validation';
