'use client';

import { useMemo } from 'react';
import { ImportanceChart, LearningCurves, type ChartObjective, type ChartTrial } from '@/charts';
import { Panel } from '@/components/panel';
import { StudyCurvesQuery, StudyImportanceQuery } from './documents.ts';
import { visibleSeries } from './curves.ts';
import { useFollowingQuery } from '../live/use-following-query.ts';

/** Curves of this many most recent trials are fetched; more lines would not be readable. */
const CURVE_TRIALS = 200;
/** Metric reports stream in during training: reload curves and importance at most this often. */
const RELOAD_INTERVAL_MS = 1_500;

export function LearningCurvesPanel({
  studyId,
  objectives,
  objectiveIndex,
  visible,
  version,
  paused,
}: {
  studyId: string;
  objectives: readonly ChartObjective[];
  objectiveIndex: number;
  visible: readonly ChartTrial[];
  version: number;
  /** True while the trial list is still arriving: the curves are read once it is whole, not in its way. */
  paused: boolean;
}) {
  const objective = objectives[objectiveIndex] ?? objectives[0];
  // The objective's own metric is the natural curve; the runner reports it under the objective's name.
  const key = objective?.name ?? '';
  const variables = useMemo(() => ({ id: studyId, key, first: CURVE_TRIALS }), [studyId, key]);
  const { data: last, fetching, error } = useFollowingQuery(StudyCurvesQuery, variables, version, RELOAD_INTERVAL_MS, paused);
  const series = useMemo(() => visibleSeries(last?.study?.trials.nodes ?? [], visible, key), [last, visible, key]);
  return (
    <Panel title={`Learning curves (${key})`} minHeight={280} loading={!last && fetching} error={error}>
      {series.length === 0 ? (
        <p className="muted">No trial has reported {key} yet.</p>
      ) : (
        <LearningCurves series={series} metricKey={key} direction={objective?.direction ?? 'MINIMIZE'} />
      )}
    </Panel>
  );
}

export function ImportancePanel({
  studyId,
  objectiveIndex,
  completeCount,
  paused,
}: {
  studyId: string;
  objectiveIndex: number;
  completeCount: number;
  /** As for the curves: importance is read once the trial list is whole. */
  paused: boolean;
}) {
  const variables = useMemo(() => ({ id: studyId, objectiveIndex }), [studyId, objectiveIndex]);
  const { data: last, fetching, error } = useFollowingQuery(StudyImportanceQuery, variables, completeCount, RELOAD_INTERVAL_MS, paused);
  const importances = last?.study?.parameterImportance ?? [];
  return (
    <Panel title="Parameter importance" minHeight={280} loading={!last && fetching} error={error}>
      {importances.length === 0 ? (
        <p className="muted">Importance needs at least two complete trials.</p>
      ) : (
        <ImportanceChart importances={importances} />
      )}
    </Panel>
  );
}
