export * from './constants.ts';
export * from './team.ts';
export * from './membership.ts';
export * from './project.ts';
export * from './validation.ts';
