export * from './constants';
export * from './artifact';
