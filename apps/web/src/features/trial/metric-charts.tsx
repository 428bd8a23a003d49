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
  // One point while other metrics have curves (or once the trial ended) is a value reported once; while every
  // metric of a running trial has one point, they are curves at their first epoch.
  const longest = Math.max(...trial.metrics.map((m) => m.points.length));
  const ended = trial.state !== 'RUNNING' && trial.state !== 'PENDING';
  const isScalar = (m: { points: readonly unknown[] }) => m.points.length === 1 && (ended || longest > 1);
  const curves = trial.metrics.filter((m) => !isScalar(m));
  const scalars = trial.metrics.filter(isScalar);
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
            <div data-testid={`metric-${metric.key}`} data-points={points.length} hidden />
            <LearningCurves series={series} metricKey={metric.key} direction={directionOf(metric.key, objectives)} />
          </Panel>
        );
      })}
    </>
  );
}
