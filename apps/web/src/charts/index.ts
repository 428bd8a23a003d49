// The dashboard's charts: pure, props-driven client components plus the shared types and brush helpers.
export * from './types';
export * from './brush';
export { ParallelCoordinates } from './parallel-coordinates/parallel-coordinates';
export type { ParallelCoordinatesProps } from './parallel-coordinates/parallel-coordinates';
export { HistoryChart } from './history-chart/history-chart';
export type { HistoryChartProps } from './history-chart/history-chart';
export { LearningCurves } from './learning-curves/learning-curves';
export type { LearningCurvesProps } from './learning-curves/learning-curves';
export { ImportanceChart } from './importance-chart/importance-chart';
export type { ImportanceChartProps } from './importance-chart/importance-chart';
export type { Importance } from './importance-chart/transform';
export { SliceChart } from './slice-chart/slice-chart';
export type { SliceChartProps } from './slice-chart/slice-chart';
export { ParetoChart } from './pareto-chart/pareto-chart';
export type { ParetoChartProps } from './pareto-chart/pareto-chart';
export { TrialTable } from './trial-table/trial-table';
export type { TrialTableProps } from './trial-table/trial-table';
export type { ExtraColumn, CellValue } from './trial-table/transform';
