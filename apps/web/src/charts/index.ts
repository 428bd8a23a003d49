// The dashboard's charts: pure, props-driven client components plus the shared types and brush helpers.
export * from './types';
export * from './brush';
export { ParallelCoordinates } from './parallel-coordinates/parallel-coordinates';
export type { ParallelCoordinatesProps } from './parallel-coordinates/parallel-coordinates';
