export * from './constants';
export * from './types';
export * from './study';
export * from './trial';
export * from './metric';
export * from './trial-log';
export * from './trial-attempt';
