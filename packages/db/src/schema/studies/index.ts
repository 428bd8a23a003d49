export * from './constants.ts';
export * from './types.ts';
export * from './study.ts';
export * from './trial.ts';
export * from './metric.ts';
export * from './trial-log.ts';
export * from './trial-attempt.ts';
