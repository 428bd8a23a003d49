export * from './auth/index.ts';
export * from './teams/index.ts';
export * from './studies/index.ts';
export * from './runners/index.ts';
export { float8Text } from './float8.ts';
export * from './settings/index.ts';
export * from './artifacts/index.ts';
