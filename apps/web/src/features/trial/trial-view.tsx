'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Panel } from '@/components/panel';
import { StateBadge } from '@/components/state-badge';
import { formatMetric, formatParam, formatUtc } from '@/lib/format';
import { hrefFor } from '@/lib/route-id';
import { canWrite } from '@/lib/roles';
import { NotesPanel } from '@/features/notes/notes-panel';
import { ArtifactsPanel } from './artifacts-panel.tsx';
import { TrialEvaluationPanel } from '@/features/evaluation/trial-evaluation-panel';
import { AttemptsPanel } from './attempts-panel.tsx';
import { LogPanel } from './log-panel.tsx';
import { MetricCharts } from './metric-charts.tsx';
import { useLiveTrial, type PageTrial } from './use-live-trial.ts';

/** A moment as UTC to the second, as the Attempts panel shows it, with the full ISO time as its tooltip. */
function Moment({ at }: { at: string | null | undefined }) {
  return at ? (
    <time dateTime={at} title={at}>
      {formatUtc(at)}
    </time>
  ) : (
    '—'
  );
}

/** `?…` of the study view to go back to, from the `back` parameter: a query string only, never another address. */
export function studyViewQuery(back: string | null): string {
  if (!back) return '';
  const query = back.startsWith('?') ? back.slice(1) : back;
  return query && !/[#/\\]/.test(query) ? `?${query}` : '';
}

/** The trial page, live: its state, values and curves follow the study's events. */
export function TrialView({ initial }: { initial: PageTrial }) {
  const { trial, error, logVersion } = useLiveTrial(initial);
  // The study view this trial was opened from (its brush, filter and sort live in its query string).
  const back = studyViewQuery(useSearchParams().get('back'));
  const objectives = trial.study.objectives;
  const rows: [string, React.ReactNode][] = [
    ['State', <StateBadge key="s" state={trial.state} />],
    [
      'Origin',
      trial.source ? (
        <span key="o">
          {trial.origin} from <Link href={hrefFor('trials', trial.source.id)}>#{trial.source.number}</Link> of{' '}
          <Link href={hrefFor('studies', trial.source.study.id)}>{trial.source.study.name}</Link>
        </span>
      ) : (
        trial.origin
      ),
    ],
    ['Attempt', trial.attempt],
    ['Runner', trial.runner ? `${trial.runner.name} (${trial.runner.host})` : '—'],
    ['Created', <Moment key="c" at={trial.createdAt} />],
    ['Started', <Moment key="s" at={trial.startedAt} />],
    ['Finished', <Moment key="f" at={trial.finishedAt} />],
    ['Duration', trial.durationSeconds == null ? '—' : `${trial.durationSeconds.toFixed(1)} s`],
  ];
  return (
    <>
      <p className="muted">
        <Link href={hrefFor('studies', trial.study.id, back)}>{trial.study.name}</Link> /
      </p>
      <h1>Trial #{trial.number}</h1>
      <NotesPanel target={{ kind: 'trial', id: trial.id, studyId: trial.study.id }} readOnly={!canWrite(trial.study.project.team.viewerRole)} />
      <Panel title="Trial" minHeight={120}>
        <table className="data">
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {trial.error && (
          <pre role="alert" className="error-text">
            {trial.error}
          </pre>
        )}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
      </Panel>
      <Panel title="Values" minHeight={60}>
        <table className="data">
          <tbody>
            {objectives.map((o, i) => (
              <tr key={o.name}>
                <th scope="row">
                  {o.name} ({o.direction.toLowerCase()})
                </th>
                <td className="num">{formatMetric(trial.values?.[i])}</td>
              </tr>
            ))}
            {trial.constraints?.map((c, i) => (
              <tr key={`c${i}`}>
                <th scope="row">constraint {i} (≤ 0 is feasible)</th>
                <td className="num">{formatMetric(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <Panel title="Parameters" minHeight={60}>
        <table className="data">
          <tbody>
            {Object.entries((trial.params ?? {}) as Record<string, unknown>).map(([name, value]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td className="num">{formatParam(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <AttemptsPanel attempts={trial.attempts} />
      <ArtifactsPanel trialId={trial.id} state={trial.state} canDelete={canWrite(trial.study.project.team.viewerRole)} />
      <TrialEvaluationPanel
        trialId={trial.id}
        studyId={trial.study.id}
        objectiveName={objectives[0]?.name ?? 'objective'}
        readOnly={!canWrite(trial.study.project.team.viewerRole)}
      />
      <h2>Metrics</h2>
      <MetricCharts trial={trial} objectives={objectives} />
      <LogPanel trialId={trial.id} version={logVersion} />
    </>
  );
}
