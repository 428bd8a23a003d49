'use client';

import { useMemo } from 'react';
import { completeValues, ContourChart, EdfChart, type ChartObjective, type ChartParam, type ChartTrial } from '@/charts';
import { Panel } from '@/components/panel';
import { Deferred } from './deferred.tsx';

/** Contour of the objective over two chosen parameters, from the page's live (brushed) trials. */
export function ContourPanel({ trials, params, objectives, objectiveIndex }: { trials: readonly ChartTrial[]; params: readonly ChartParam[]; objectives: readonly ChartObjective[]; objectiveIndex: number }) {
  return (
    <Panel title="Contour" minHeight={320}>
      <Deferred minHeight={300}>
        <ContourChart trials={trials} params={params} objectives={objectives} objectiveIndex={objectiveIndex} />
      </Deferred>
    </Panel>
  );
}

/** Empirical distribution of the objective over the page's live (brushed) complete trials. */
export function EdfPanel({ trials, objectives, objectiveIndex }: { trials: readonly ChartTrial[]; objectives: readonly ChartObjective[]; objectiveIndex: number }) {
  const objective = objectives[objectiveIndex] ?? objectives[0];
  return (
    <Panel title={`Distribution of ${objective?.name ?? 'the objective'}`} minHeight={280}>
      <Deferred minHeight={260}>
        <EdfSeries trials={trials} objectives={objectives} objectiveIndex={objectiveIndex} />
      </Deferred>
    </Panel>
  );
}

/** The EDF's values, computed only while the panel is shown (inside Deferred). */
function EdfSeries({ trials, objectives, objectiveIndex }: { trials: readonly ChartTrial[]; objectives: readonly ChartObjective[]; objectiveIndex: number }) {
  const objective = objectives[objectiveIndex] ?? objectives[0];
  const series = useMemo(() => [{ name: objective?.name ?? 'objective', values: completeValues(trials, objectiveIndex) }], [trials, objectiveIndex, objective]);
  return <EdfChart series={series} objective={objective} />;
}
