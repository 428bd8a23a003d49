'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useClient } from 'urql';
import {
  filterByBrush,
  HistoryChart,
  ParallelCoordinates,
  ParetoChart,
  SliceChart,
  TrialTable,
  type AxisKey,
  type Brush,
  type ChartObjective,
  type ChartParam,
  type ChartTrial,
} from '@/charts';
import { Panel } from '@/components/panel';
import { StateBadge } from '@/components/state-badge';
import type { StudyPageQuery as StudyPageResult, StudySummaryFieldsFragment } from '@/gql/graphql';
import { formatMetric, formatProgress } from '@/lib/format';
import { formatSampler } from './format-sampler';
import { hrefFor } from '@/lib/route-id';
import { LiveTrialQuery, StudyEventsSubscription, StudySummaryQuery } from './documents';
import { initialLive, liveReducer } from './live';
import { StudyControls } from './study-controls';
import { ImportancePanel, LearningCurvesPanel } from './analysis-panels';
import { Lineage } from './lineage';
import { RefineDialog } from './refine-dialog';
import styles from './study.module.css';

export interface StudyViewProps {
  study: NonNullable<StudyPageResult['study']>;
  params: ChartParam[];
  objectives: ChartObjective[];
  trials: ChartTrial[];
  /** More trials exist than the page loads. */
  truncated: boolean;
}

/** Summary counts change with every finished trial: reload them at most this often. */
const SUMMARY_DEBOUNCE_MS = 600;

export function StudyView({ study, params, objectives, trials: initialTrials, truncated }: StudyViewProps) {
  const client = useClient();
  const router = useRouter();
  const [live, dispatch] = useReducer(liveReducer, initialTrials, initialLive);
  const [summary, setSummary] = useState<StudySummaryFieldsFragment>(study);
  const [brush, setBrush] = useState<Brush>({});
  const [hiddenAxes, setHiddenAxes] = useState<AxisKey[]>([]);
  const [order, setOrder] = useState<AxisKey[] | undefined>(undefined);
  const [objectiveIndex, setObjectiveIndex] = useState(0);
  const [liveError, setLiveError] = useState<string | null>(null);
  const [refining, setRefining] = useState(false);

  // A new study id (navigating parent → child) starts from that page's server data.
  useEffect(() => {
    dispatch({ type: 'reset', trials: initialTrials });
    setSummary(study);
    setBrush({});
    setRefining(false);
  }, [initialTrials, study]);

  useEffect(() => {
    const { unsubscribe } = client.subscription(StudyEventsSubscription, { studyId: study.id }).subscribe((result) => {
      if (result.error) {
        setLiveError(`Live updates stopped: ${result.error.message}`);
        return;
      }
      setLiveError(null);
      const event = result.data?.studyEvents;
      if (!event) return;
      dispatch({ type: 'event', event: { kind: event.kind, trial: event.trial ?? null } });
    });
    return unsubscribe;
  }, [client, study.id]);

  // Events that name a trial without carrying it, and finished trials: fetch each once (the set skips ids whose
  // request is still in flight when another id joins the list).
  const inFlight = useRef(new Set<string>());
  useEffect(() => {
    for (const id of live.stale) {
      if (inFlight.current.has(id)) continue;
      inFlight.current.add(id);
      void client
        .query(LiveTrialQuery, { id }, { requestPolicy: 'network-only' })
        .toPromise()
        .then((result) => {
          inFlight.current.delete(id);
          if (result.data?.trial) dispatch({ type: 'refetched', trial: result.data.trial });
          else dispatch({ type: 'refetch-failed', trialId: id });
        });
    }
  }, [client, live.stale]);

  useEffect(() => {
    if (live.statusVersion === 0) return;
    const timer = setTimeout(() => {
      void client
        .query(StudySummaryQuery, { id: study.id }, { requestPolicy: 'network-only' })
        .toPromise()
        .then((result) => {
          if (result.data?.study) setSummary(result.data.study);
        });
    }, SUMMARY_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [client, study.id, live.statusVersion]);

  const trials = live.trials;
  const visible = useMemo(() => filterByBrush(trials, brush), [trials, brush]);
  const completeCount = useMemo(() => trials.filter((t) => t.state === 'COMPLETE').length, [trials]);
  const finishedCount = summary.counts.complete + summary.counts.pruned + summary.counts.fail + summary.counts.cancelled;
  const openTrial = useCallback((id: string) => router.push(hrefFor('trials', id)), [router]);
  const objective = objectives[objectiveIndex] ?? objectives[0];
  const brushed = Object.keys(brush).length > 0;

  return (
    <div className={styles.page}>
      <p className="muted">
        <Link href={hrefFor('projects', study.project.id)}>{study.project.name}</Link> /
      </p>
      <h1>{study.name}</h1>
      {study.description && <p className="muted">{study.description}</p>}
      <Lineage study={study} />

      <Panel
        title="Summary"
        minHeight={96}
        actions={
          <button type="button" className="button" onClick={() => setRefining(true)} disabled={completeCount === 0}>
            Refine…
          </button>
        }
      >
        <dl className={styles.summary}>
          <div>
            <dt>Status</dt>
            <dd>
              <StateBadge state={summary.status} />
            </dd>
          </div>
          <div>
            <dt>Progress</dt>
            <dd>
              {formatProgress(summary.progress)} ({summary.counts.complete + summary.counts.pruned + summary.counts.fail} of{' '}
              {study.budget.maxTrials ?? '∞'})
            </dd>
          </div>
          <div>
            <dt>Trials</dt>
            <dd>
              {summary.counts.running} running, {summary.counts.pending} pending, {summary.counts.complete} complete,{' '}
              {summary.counts.pruned} pruned, {summary.counts.fail} failed
            </dd>
          </div>
          <div>
            <dt>Best {objectives[0]?.name}</dt>
            <dd>
              {summary.bestTrial ? (
                <Link href={hrefFor('trials', summary.bestTrial.id)}>
                  {formatMetric(summary.bestTrial.values?.[0])} (#{summary.bestTrial.number})
                </Link>
              ) : (
                '—'
              )}
            </dd>
          </div>
          <div>
            <dt>Sampler</dt>
            <dd>
              <code>{formatSampler(study.sampler)}</code>
            </dd>
          </div>
        </dl>
        {summary.status === 'FAILED' && summary.failureReason && (
          <p role="status" className="error-text">
            The study failed: {summary.failureReason}
          </p>
        )}
        <StudyControls studyId={study.id} status={summary.status} params={params} trials={trials} onChange={setSummary} />
        {liveError && (
          <p role="alert" className="error-text">
            {liveError}
          </p>
        )}
      </Panel>

      {objectives.length > 1 && (
        <label className={styles.objectivePicker}>
          Objective for the charts{' '}
          <select value={objectiveIndex} onChange={(e) => setObjectiveIndex(Number(e.target.value))}>
            {objectives.map((o, i) => (
              <option key={o.name} value={i}>
                {o.name} ({o.direction.toLowerCase()})
              </option>
            ))}
          </select>
        </label>
      )}

      <Panel
        title="Parallel coordinates"
        minHeight={360}
        actions={
          brushed ? (
            <button type="button" className="button button-secondary" onClick={() => setBrush({})}>
              Clear brush ({visible.length} of {trials.length})
            </button>
          ) : undefined
        }
      >
        <ParallelCoordinates
          trials={trials}
          params={params}
          objectives={objectives}
          brush={brush}
          onBrushChange={setBrush}
          hiddenAxes={hiddenAxes}
          onHiddenAxesChange={setHiddenAxes}
          order={order}
          onOrderChange={setOrder}
          colorObjective={objectiveIndex}
        />
      </Panel>

      <Panel title={`Trials (${visible.length}${brushed ? ` of ${trials.length}` : ''})`} minHeight={360}>
        {truncated && <p className="muted">Showing the first {trials.length} trials of {summary.counts.total}.</p>}
        <TrialTable trials={visible} params={params} objectives={objectives} onRowClick={(t) => openTrial(t.id)} />
      </Panel>

      <div className={styles.grid}>
        <Panel title={`History of ${objective?.name ?? 'the objective'}`} minHeight={280}>
          <HistoryChart trials={visible} objectives={objectives} objectiveIndex={objectiveIndex} />
        </Panel>
        <LearningCurvesPanel
          studyId={study.id}
          objectives={objectives}
          objectiveIndex={objectiveIndex}
          visible={visible}
          // Metric reports, and finished trials (a trial's last points may land with its finish).
          version={live.metricsVersion + finishedCount}
        />
        <ImportancePanel
          studyId={study.id}
          objectiveIndex={objectiveIndex}
          // The summary's counts come from their own query: importance follows them even if an event was missed.
          completeCount={Math.max(completeCount, summary.counts.complete)}
        />
        <Panel title="Slices" minHeight={280}>
          <SliceChart trials={visible} params={params} objectives={objectives} objectiveIndex={objectiveIndex} />
        </Panel>
        {objectives.length > 1 && (
          <Panel title="Pareto front" minHeight={280}>
            <ParetoChart trials={visible} objectives={objectives} onSelectTrial={openTrial} />
          </Panel>
        )}
      </div>

      {refining && (
        <RefineDialog
          study={study}
          params={params}
          brush={brush}
          onClose={() => setRefining(false)}
          onLaunched={(childId) => {
            setRefining(false);
            router.push(hrefFor('studies', childId));
          }}
        />
      )}
    </div>
  );
}
