'use client';

import { LearningCurves, type TrialSeries, type TrialState } from '@/charts';
import { Panel } from '@/components/panel';
import { metricNumber, type WireMetric } from '@/features/study/to-chart';
import { formatMetric } from '@/lib/format';
import styles from './trial.module.css';

/** Keys that grow better as they rise; everything else (losses, errors) is treated as smaller-is-better. */
function directionOf(key: string, objectives: readonly { name: string; direction: 'MINIMIZE' | 'MAXIMIZE' }[]) {
  const objective = objectives.find((o) => o.name === key);
  if (objective) return objective.direction;
  return /acc|auc|f1|precision|recall|score/i.test(key) ? 'MAXIMIZE' : 'MINIMIZE';
}

/**
 * Every metric the trial reported: a curve (two or more steps) as a chart, a single value (`test_accuracy`,
 * `train_seconds`: reported once, at the end) as a number.
 */
export function MetricCharts({
  trial,
  objectives,
}: {
  trial: { id: string; number: number; state: TrialState; metrics: readonly { key: string; points: readonly { step: number; value: WireMetric }[] }[] };
  objectives: readonly { name: string; direction: 'MINIMIZE' | 'MAXIMIZE' }[];
}) {
  if (trial.metrics.length === 0) return <p className="muted">No metrics reported.</p>;
  const curves = trial.metrics.filter((m) => m.points.length > 1);
  const scalars = trial.metrics.filter((m) => m.points.length === 1);
  return (
    <>
      {scalars.length > 0 && (
        <Panel title="Final and test metrics" minHeight={60}>
          <dl className={styles.scalars} data-testid="scalar-metrics">
            {scalars.map((m) => (
              <div key={m.key}>
                <dt>{m.key}</dt>
                <dd>{formatMetric(metricNumber(m.points[0]!.value))}</dd>
              </div>
            ))}
          </dl>
        </Panel>
      )}
      {curves.map((metric) => {
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
