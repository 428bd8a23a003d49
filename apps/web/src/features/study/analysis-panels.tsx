'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { ImportanceChart, LearningCurves, type ChartObjective, type ChartTrial } from '@/charts';
import { Panel } from '@/components/panel';
import { StudyCurvesQuery, StudyImportanceQuery } from './documents';
import { visibleSeries } from './curves';
import { throttleDelay } from './throttle';

/** Curves of this many most recent trials are fetched; more lines would not be readable. */
const CURVE_TRIALS = 200;
/** Metric reports stream in during training: reload curves and importance at most this often. */
const RELOAD_INTERVAL_MS = 1_500;

/** A value that follows `value` at most once per `ms`, and always ends on its latest value. */
function useThrottled<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  const lastFollowedAt = useRef<number | null>(null);
  useEffect(() => {
    if (Object.is(value, current)) return;
    const timer = setTimeout(() => {
      lastFollowedAt.current = Date.now();
      setCurrent(value);
    }, throttleDelay(lastFollowedAt.current, Date.now(), ms));
    return () => clearTimeout(timer);
  }, [value, current, ms]);
  return current;
}

export function LearningCurvesPanel({
  studyId,
  objectives,
  objectiveIndex,
  visible,
  version,
}: {
  studyId: string;
  objectives: readonly ChartObjective[];
  objectiveIndex: number;
  visible: readonly ChartTrial[];
  version: number;
}) {
  const objective = objectives[objectiveIndex] ?? objectives[0];
  // The objective's own metric is the natural curve; the runner reports it under the objective's name.
  const key = objective?.name ?? '';
  const shownVersion = useThrottled(version, RELOAD_INTERVAL_MS);
  const context = useMemo(() => ({ requestPolicy: 'network-only' as const, version: shownVersion }), [shownVersion]);
  const [result] = useQuery({ query: StudyCurvesQuery, variables: { id: studyId, key, first: CURVE_TRIALS }, context });
  const [last, setLast] = useState(result.data);
  useEffect(() => {
    if (result.data) setLast(result.data);
  }, [result.data]);
  const series = useMemo(() => visibleSeries(last?.study?.trials.nodes ?? [], visible, key), [last, visible, key]);
  return (
    <Panel title={`Learning curves (${key})`} minHeight={280} loading={!last && result.fetching} error={result.error?.message}>
      {series.length === 0 ? (
        <p className="muted">No trial has reported {key} yet.</p>
      ) : (
        <LearningCurves series={series} metricKey={key} direction={objective?.direction ?? 'MINIMIZE'} />
      )}
    </Panel>
  );
}

export function ImportancePanel({ studyId, objectiveIndex, completeCount }: { studyId: string; objectiveIndex: number; completeCount: number }) {
  const shownCount = useThrottled(completeCount, RELOAD_INTERVAL_MS);
  const context = useMemo(() => ({ requestPolicy: 'network-only' as const, count: shownCount }), [shownCount]);
  const [result] = useQuery({ query: StudyImportanceQuery, variables: { id: studyId, objectiveIndex }, context });
  const [last, setLast] = useState(result.data);
  useEffect(() => {
    if (result.data) setLast(result.data);
  }, [result.data]);
  const importances = last?.study?.parameterImportance ?? [];
  return (
    <Panel title="Parameter importance" minHeight={280} loading={!last && result.fetching} error={result.error?.message}>
      {importances.length === 0 ? (
        <p className="muted">Importance needs at least two complete trials.</p>
      ) : (
        <ImportanceChart importances={importances} />
      )}
    </Panel>
  );
}
