'use client';

import { LearningCurves, type TrialSeries, type TrialState } from '@/charts';
import { Panel } from '@/components/panel';
import { metricNumber, type WireMetric } from '@/features/study/to-chart';

/** Keys that grow better as they rise; everything else (losses, errors) is treated as smaller-is-better. */
function directionOf(key: string, objectives: readonly { name: string; direction: 'MINIMIZE' | 'MAXIMIZE' }[]) {
  const objective = objectives.find((o) => o.name === key);
  if (objective) return objective.direction;
  return /acc|auc|f1|precision|recall|score/i.test(key) ? 'MAXIMIZE' : 'MINIMIZE';
}

/** Every metric the trial reported, one chart each. */
export function MetricCharts({
  trial,
  objectives,
}: {
  trial: { id: string; number: number; state: TrialState; metrics: readonly { key: string; points: readonly { step: number; value: WireMetric }[] }[] };
  objectives: readonly { name: string; direction: 'MINIMIZE' | 'MAXIMIZE' }[];
}) {
  if (trial.metrics.length === 0) return <p className="muted">No metrics reported.</p>;
  return (
    <>
      {trial.metrics.map((metric) => {
        const points = metric.points.flatMap((p) => {
          const value = metricNumber(p.value);
          return value === null ? [] : [{ step: p.step, value }];
        });
        const series: TrialSeries[] = [{ trialId: trial.id, number: trial.number, state: trial.state, points }];
        return (
          <Panel key={metric.key} title={metric.key} minHeight={240}>
            <LearningCurves series={series} metricKey={metric.key} direction={directionOf(metric.key, objectives)} />
          </Panel>
        );
      })}
    </>
  );
}
