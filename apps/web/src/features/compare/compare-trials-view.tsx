'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { OverlayChart } from '@/charts';
import { Panel } from '@/components/panel';
import { StateBadge } from '@/components/state-badge';
import type { CompareTrialsQuery } from '@/gql/graphql';
import { hrefFor } from '@/lib/route-id';
import {
  curvesByMetric,
  finalValueRows,
  paramRows,
  singleValueRows,
  trialLabels,
  type ParamRow,
} from './transform.ts';

type Trial = CompareTrialsQuery['compareTrials'][number];

function Rows({ rows, label }: { rows: readonly ParamRow[]; label: string }) {
  return (
    <>
      {rows.map((row) => (
        <tr
          key={`${label}:${row.name}`}
          data-differs={row.differs || undefined}
          style={
            row.differs ? { background: 'color-mix(in srgb, var(--accent) 12%, transparent)' } : undefined
          }
        >
          <th scope="row">
            {row.name}
            {row.differs && <span className="sr-only"> (differs)</span>}
          </th>
          {row.cells.map((c, i) => (
            <td key={i} className="num">
              {c}
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

/** Chosen trials side by side: parameters (differences highlighted), final values, and learning curves per metric. */
export function CompareTrialsView({ trials }: { trials: readonly Trial[] }) {
  const labels = useMemo(() => trialLabels(trials), [trials]);
  const params = useMemo(() => paramRows(trials), [trials]);
  const values = useMemo(() => finalValueRows(trials), [trials]);
  const curves = useMemo(() => curvesByMetric(trials), [trials]);
  const figures = useMemo(() => singleValueRows(trials), [trials]);
  const differing = params.filter((p) => p.differs).length;
  return (
    <>
      <h1>Compare {trials.length} trials</h1>
      <Panel title="Parameters and results" minHeight={120}>
        <p className="muted">
          {differing === 0
            ? 'Every parameter is the same.'
            : `${differing} of ${params.length} parameters differ (highlighted, listed first).`}
        </p>
        <div style={{ overflowX: 'auto' }}>
          <table className="data" data-testid="compare-params">
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                {trials.map((t, i) => (
                  <th key={t.id} scope="col">
                    <Link href={hrefFor('trials', t.id)}>{labels[i]}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <Rows rows={params} label="param" />
              <tr>
                <th scope="row">state</th>
                {trials.map((t) => (
                  <td key={t.id}>
                    <StateBadge state={t.state} />
                  </td>
                ))}
              </tr>
              <Rows rows={values} label="value" />
              <Rows rows={figures} label="metric" />
            </tbody>
          </table>
        </div>
      </Panel>
      {curves.length === 0 ? (
        <Panel title="Learning curves" minHeight={80}>
          <p className="muted">
            {figures.length > 0
              ? 'No metric was reported at several steps: the figures are in the table.'
              : 'None of these trials reported a metric yet.'}
          </p>
        </Panel>
      ) : (
        curves.map((c) => (
          <Panel key={c.key} title={`Learning curves: ${c.key}`} minHeight={300}>
            <OverlayChart
              series={c.series}
              xLabel="step"
              yLabel={c.key}
              emptyText={`No finite ${c.key} values.`}
            />
          </Panel>
        ))
      )}
    </>
  );
}
