export * from './auth';
export * from './teams';
export * from './studies';
export * from './runners';
export { float8Text } from './float8';
export * from './settings';
export * from './artifacts';
