'use client';

import { useMemo } from 'react';
import { completeValues, ContourChart, EdfChart, type ChartObjective, type ChartParam, type ChartTrial } from '@/charts';
import { Panel } from '@/components/panel';

/** Contour of the objective over two chosen parameters, from the page's live (brushed) trials. */
export function ContourPanel({ trials, params, objectives, objectiveIndex }: { trials: readonly ChartTrial[]; params: readonly ChartParam[]; objectives: readonly ChartObjective[]; objectiveIndex: number }) {
  return (
    <Panel title="Contour" minHeight={320}>
      <ContourChart trials={trials} params={params} objectives={objectives} objectiveIndex={objectiveIndex} />
    </Panel>
  );
}

/** Empirical distribution of the objective over the page's live (brushed) complete trials. */
export function EdfPanel({ trials, objectives, objectiveIndex }: { trials: readonly ChartTrial[]; objectives: readonly ChartObjective[]; objectiveIndex: number }) {
  const objective = objectives[objectiveIndex] ?? objectives[0];
  const series = useMemo(() => [{ name: objective?.name ?? 'objective', values: completeValues(trials, objectiveIndex) }], [trials, objectiveIndex, objective]);
  return (
    <Panel title={`Distribution of ${objective?.name ?? 'the objective'}`} minHeight={280}>
      <EdfChart series={series} objective={objective} />
    </Panel>
  );
}
