export * from './constants';
export * from './types';
export * from './study';
export * from './trial';
export * from './metric';
