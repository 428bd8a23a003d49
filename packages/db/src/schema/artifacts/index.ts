export * from './constants.ts';
export * from './artifact.ts';
export * from './evaluation.ts';
