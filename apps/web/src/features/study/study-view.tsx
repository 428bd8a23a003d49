'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
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
} from '@/charts';
import { Panel } from '@/components/panel';
import { ExportJsonlButton } from './export-jsonl-button.tsx';
import { StateBadge } from '@/components/state-badge';
import type { StudyPageQuery as StudyPageResult } from '@/gql/graphql';
import { formatMetric, progressLabel } from '@/lib/format';
import { formatSampler } from './format-sampler.ts';
import { hrefFor } from '@/lib/route-id';
import type { LiveTrial, Snapshot } from '../live/study-store.ts';
import { summarize } from '../live/summary.ts';
import { useStudyLive } from '../live/use-study-live.ts';
import { StudyControls } from './study-controls.tsx';
import { useStudyViewState } from './use-view-state.ts';
import { csvFileName } from './view-state.ts';
import { READ_ONLY_REASON, canWrite } from '@/lib/roles';
import { ImportancePanel, LearningCurvesPanel } from './analysis-panels.tsx';
import { ContourPanel, EdfPanel } from './distribution-panels.tsx';
import { isRefinedFromDescription } from './lineage-text.ts';
import { Lineage } from './lineage.tsx';
import { Deferred } from './deferred.tsx';
import { RefineDialog } from './refine-dialog.tsx';
import styles from './study.module.css';
import { NotesPanel } from '@/features/notes/notes-panel';
import { MarkdownNote } from '@/features/notes/markdown-note';
import { BestModelsPanel } from '@/features/evaluation/best-models-panel';
import { CompareLink, toggled } from '@/features/compare/compare-link';

export interface StudyViewProps {
  study: NonNullable<StudyPageResult['study']>;
  params: ChartParam[];
  objectives: ChartObjective[];
  trials: LiveTrial[];
  /** `trials` are the study's first only: the browser reads the rest (live/snapshot.ts) and shows them as they come. */
  partial: boolean;
  /** More trials exist than the page loads. */
  truncated: boolean;
}

export function StudyView({ study, params, objectives, trials: initialTrials, partial, truncated }: StudyViewProps) {
  const router = useRouter();
  const initial = useMemo<Snapshot>(
    () => ({ seq: study.eventSeq, status: study.status, failureReason: study.failureReason ?? null, trials: initialTrials, partial, total: study.counts.total }),
    [study.eventSeq, study.status, study.failureReason, initialTrials, partial, study.counts.total],
  );
  // One store for every panel: summary, table, charts and CSV export all read `store.trials`.
  const { store, error: liveError } = useStudyLive(study.id, initial);
  // Brushes, filter, sort, axes and objective live in the URL: Back and a pasted link show the same view. A new
  // study id (parent → child) arrives with its own URL, so it starts from its own view.
  const [view, updateView, viewQuery] = useStudyViewState();
  const { brush, hidden: hiddenAxes } = view;
  const order = view.order ?? undefined;
  const objectiveIndex = view.objective < objectives.length ? view.objective : 0;
  const setBrush = useCallback((next: Brush) => updateView({ brush: next }), [updateView]);
  const setHiddenAxes = useCallback((next: AxisKey[]) => updateView({ hidden: next }), [updateView]);
  const setOrder = useCallback((next: AxisKey[] | undefined) => updateView({ order: next ?? null }), [updateView]);
  const setObjectiveIndex = (next: number) => updateView({ objective: next });
  const [refining, setRefining] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const readOnly = !canWrite(study.project.team.viewerRole);

  useEffect(() => {
    setRefining(false);
    setChosen(new Set());
  }, [study.id]);

  const trials = store.trials;
  const visible = useMemo(() => filterByBrush(trials, brush), [trials, brush]);
  const derived = useMemo(() => summarize(trials, study.budget.maxTrials ?? null, objectives), [trials, study.budget.maxTrials, objectives]);
  // Past MAX_TRIALS, or while the rest of a big study is read, the page holds only the first trials: the
  // server's counts and best trial are the only whole ones.
  const loading = store.partial;
  const counts = truncated || loading ? study.counts : derived.counts;
  const best = loading ? (study.bestTrial ?? null) : derived.best;
  const completeCount = derived.counts.complete;
  // The trial page links back to this very view.
  const openTrial = useCallback(
    (id: string) => router.push(hrefFor('trials', id, viewQuery ? `?${new URLSearchParams({ back: viewQuery })}` : '')),
    [router, viewQuery],
  );
  const objective = objectives[objectiveIndex] ?? objectives[0];
  const brushed = Object.keys(brush).length > 0;

  return (
    <div className={styles.page}>
      <p className="muted">
        <Link href={hrefFor('projects', study.project.id)}>{study.project.name}</Link> /
      </p>
      <h1>{study.name}</h1>
      {study.description && !isRefinedFromDescription(study.description, study.parent) && (
        <div className="muted">
          <MarkdownNote text={study.description} />
        </div>
      )}
      <Lineage study={study} />

      <Panel
        title="Summary"
        minHeight={96}
        actions={
          <button
            type="button"
            className="button"
            onClick={() => setRefining(true)}
            disabled={completeCount === 0 || readOnly}
            title={readOnly ? READ_ONLY_REASON : undefined}
          >
            Refine…
          </button>
        }
      >
        <dl className={styles.summary}>
          <div>
            <dt>Status</dt>
            <dd>
              <StateBadge state={store.status} />
            </dd>
          </div>
          <div>
            <dt>Progress</dt>
            <dd>
              {progressLabel(counts.complete + counts.pruned + counts.fail, study.budget.maxTrials)}
            </dd>
          </div>
          <div>
            <dt>Trials</dt>
            <dd>
              {counts.running} running, {counts.pending} pending, {counts.complete} complete, {counts.pruned} pruned,{' '}
              {counts.fail} failed
            </dd>
          </div>
          <div>
            <dt>Best {objectives[0]?.name}</dt>
            <dd>
              {best ? (
                <Link href={hrefFor('trials', best.id)}>
                  {formatMetric(best.values?.[0])} (#{best.number})
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
        {store.status === 'FAILED' && store.failureReason && (
          <p role="status" className="error-text">
            The study failed: {store.failureReason}
          </p>
        )}
        <StudyControls studyId={study.id} status={store.status} params={params} trials={trials} readOnly={readOnly} />
        {readOnly && (
          <p className="muted" data-testid="read-only-reason">
            {READ_ONLY_REASON}
          </p>
        )}
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

      <NotesPanel target={{ kind: 'study', id: study.id }} readOnly={readOnly} />

      {objectives[0] && <BestModelsPanel key={study.id} studyId={study.id} objective={objectives[0]} readOnly={readOnly} />}

      {/* The chart's own toolbar shows how many trials the brush keeps, and clears it. */}
      <Panel title="Parallel coordinates" minHeight={360}>
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

      <Panel title={`Trials (${visible.length}${brushed ? ` of ${trials.length}` : ''})`} minHeight={360} actions={<CompareLink ids={chosen} />}>
        {loading && (
          <p className="muted" role="status" data-testid="trials-loading">
            Loading trials: {trials.length} of {study.counts.total} shown…
          </p>
        )}
        {truncated && !loading && <p className="muted">Showing the first {trials.length} trials of {study.counts.total}.</p>}
        <TrialTable
          trials={visible}
          params={params}
          objectives={objectives}
          onRowClick={(t) => openTrial(t.id)}
          selectedIds={chosen}
          onToggleSelected={(t) => setChosen((c) => toggled(c, t.id))}
          exportActions={<ExportJsonlButton studyId={study.id} studyName={study.name} />}
          sort={view.sort}
          onSortChange={(sort) => updateView({ sort })}
          filter={view.filter}
          onFilterChange={(filter) => updateView({ filter })}
          csvFileName={csvFileName(study.name, view)}
        />
      </Panel>

      {/* Below the fold: each chart renders once it nears the viewport and pauses while scrolled away (deferred.tsx). */}
      <div className={styles.grid}>
        <Panel title={`History of ${objective?.name ?? 'the objective'}`} minHeight={280}>
          <Deferred minHeight={260}>
            <HistoryChart trials={visible} objectives={objectives} objectiveIndex={objectiveIndex} />
          </Deferred>
        </Panel>
        <Deferred minHeight={320} placeholder={<Panel title="Learning curves" minHeight={280} loading />}>
          <LearningCurvesPanel
            studyId={study.id}
            objectives={objectives}
            objectiveIndex={objectiveIndex}
            visible={visible}
            // Metric reports, and finished trials (a trial's last points may land with its finish).
            version={store.metricsVersion}
            paused={loading}
          />
        </Deferred>
        <Deferred minHeight={320} placeholder={<Panel title="Parameter importance" minHeight={280} loading />}>
          <ImportancePanel studyId={study.id} objectiveIndex={objectiveIndex} completeCount={completeCount} paused={loading} />
        </Deferred>
        <Panel title="Slices" minHeight={280}>
          <Deferred minHeight={260}>
            <SliceChart trials={visible} params={params} objectives={objectives} objectiveIndex={objectiveIndex} />
          </Deferred>
        </Panel>
        <ContourPanel trials={visible} params={params} objectives={objectives} objectiveIndex={objectiveIndex} />
        <EdfPanel trials={visible} objectives={objectives} objectiveIndex={objectiveIndex} />
        {objectives.length > 1 && (
          <Panel title="Pareto front" minHeight={280}>
            <Deferred minHeight={280}>
              <ParetoChart trials={visible} objectives={objectives} onSelectTrial={openTrial} />
            </Deferred>
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
