'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { EdfChart, ImportanceChart, OverlayChart } from '@/charts';
import { Panel } from '@/components/panel';
import { StateBadge } from '@/components/state-badge';
import type { CompareStudiesQuery } from '@/gql/graphql';
import { formatMetric } from '@/lib/format';
import { hrefFor } from '@/lib/route-id';
import { bestSoFarSeries, objectiveCharts, paramRows, sharedObjective } from './transform.ts';

type Study = CompareStudiesQuery['compareStudies'][number];

/** Several studies together: best-so-far histories, importance side by side, best trials, and the objective's EDF. */
export function CompareStudiesView({ studies }: { studies: readonly Study[] }) {
  const byNumber = useMemo(() => bestSoFarSeries(studies, 'number'), [studies]);
  const byTime = useMemo(() => bestSoFarSeries(studies, 'time'), [studies]);
  const shared = sharedObjective(studies);
  const charts = useMemo(() => objectiveCharts(studies), [studies]);
  const best = useMemo(
    () => paramRows(studies.map((s) => ({ params: s.bestTrial?.params ?? {} }))),
    [studies],
  );
  const { yLabel } = charts;
  return (
    <>
      <h1>Compare {studies.length} studies</h1>
      {!shared && (
        <p role="note" className="muted">
          These studies do not share their first objective (name and direction): each line shows its own
          study&apos;s first objective.
        </p>
      )}
      <Panel title="Best so far by trial number" minHeight={300}>
        <OverlayChart
          series={byNumber}
          step
          xLabel="trial number"
          yLabel={yLabel}
          emptyText="No study has a complete trial yet."
        />
      </Panel>
      <Panel title="Best so far by wall time" minHeight={300}>
        <OverlayChart
          series={byTime}
          step
          xLabel="minutes since the study was created"
          yLabel={yLabel}
          emptyText="No study has a finished trial yet."
        />
      </Panel>
      <Panel title="Best trial of each study" minHeight={120}>
        <div style={{ overflowX: 'auto' }}>
          <table className="data" data-testid="compare-best">
            <thead>
              <tr>
                <th scope="col">Study</th>
                {studies.map((s) => (
                  <th key={s.id} scope="col">
                    <Link href={hrefFor('studies', s.id)}>{s.name}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">status</th>
                {studies.map((s) => (
                  <td key={s.id}>
                    <StateBadge state={s.status} />{' '}
                    <span className="muted">{s.counts.complete} complete</span>
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">best trial</th>
                {studies.map((s) => (
                  <td key={s.id} className="num">
                    {s.bestTrial ? (
                      <Link href={hrefFor('trials', s.bestTrial.id)}>
                        #{s.bestTrial.number}: {s.objectives[0]?.name} {formatMetric(s.bestTrial.values?.[0])}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                ))}
              </tr>
              {best.map((row) => (
                <tr key={row.name} data-differs={row.differs || undefined}>
                  <th scope="row">{row.name}</th>
                  {row.cells.map((c, i) => (
                    <td key={i} className="num">
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
      <Panel title={charts.edfTitle} minHeight={300}>
        {charts.edfs.length === 1 ? (
          <EdfChart series={charts.edfs[0]!.series} objective={charts.edfs[0]!.objective} />
        ) : (
          <div
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: 16 }}
          >
            {charts.edfs.map((edf, i) => (
              <figure key={i} style={{ margin: 0 }}>
                <figcaption>{edf.caption}</figcaption>
                <EdfChart series={edf.series} objective={edf.objective} height={220} />
              </figure>
            ))}
          </div>
        )}
      </Panel>
      <Panel title="Parameter importance" minHeight={300}>
        <div
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: 16 }}
        >
          {studies.map((s) => (
            <figure key={s.id} style={{ margin: 0 }}>
              <figcaption>{s.name}</figcaption>
              {s.parameterImportance.length === 0 ? (
                <p className="muted">Needs at least two complete trials.</p>
              ) : (
                <ImportanceChart importances={s.parameterImportance} height={200} />
              )}
            </figure>
          ))}
        </div>
      </Panel>
    </>
  );
}
