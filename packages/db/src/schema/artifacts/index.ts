export * from './constants.ts';
export * from './artifact.ts';
