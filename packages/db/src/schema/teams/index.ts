export * from './constants';
export * from './team';
export * from './membership';
export * from './project';
export * from './validation';
