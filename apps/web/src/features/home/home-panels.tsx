import Link from 'next/link';
import { Panel } from '@/components/panel';
import { StateBadge } from '@/components/state-badge';
import { formatMetric, formatProgress, progressLabel, relativeTime } from '@/lib/format';
import { hrefFor } from '@/lib/route-id';
import { describeCapabilities } from '@/lib/runner-capabilities';
import type { HomeData } from './pick.ts';
import { Sparkline } from './best-sparkline.tsx';
import styles from './home.module.css';

/** The caller's studies across their teams: running and paused first, then the newest. */
export function StudiesPanel({ studies }: { studies: HomeData['recentStudies'] }) {
  return (
    <Panel id="home-studies" title="Studies" minHeight={120}>
      {studies.length === 0 ? (
        <p className="muted">
          No study yet: create one from a project, or start Tuneboard with npm start for the demo.
        </p>
      ) : (
        <table className="data" data-testid="home-studies">
          <thead>
            <tr>
              <th scope="col">Study</th>
              <th scope="col">Status</th>
              <th scope="col">Progress</th>
              <th scope="col">Best</th>
              <th scope="col">Best so far</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {studies.map((study) => {
              const objective = study.objectives[0];
              return (
                <tr key={study.id} data-study-id={study.id}>
                  <td>
                    <Link href={hrefFor('studies', study.id)}>{study.name}</Link>
                    <div className="muted">
                      {study.project.team.name} / {study.project.name}
                    </div>
                  </td>
                  <td>
                    <StateBadge state={study.status} />
                    {study.counts.running > 0 && <div className="muted">{study.counts.running} running</div>}
                  </td>
                  <td>
                    <span className="progress" aria-hidden="true">
                      <span
                        style={{
                          width: formatProgress(study.progress) === '—' ? 0 : formatProgress(study.progress),
                        }}
                      />
                    </span>
                    {progressLabel(study.counts.complete + study.counts.pruned + study.counts.fail, study.budget.maxTrials)}
                  </td>
                  <td>
                    {study.bestTrial ? (
                      <Link href={hrefFor('trials', study.bestTrial.id)}>
                        {formatMetric(study.bestTrial.values?.[0])} (#{study.bestTrial.number})
                      </Link>
                    ) : (
                      <span className="muted">—</span>
                    )}
                    {objective && <div className="muted">{objective.name}</div>}
                  </td>
                  <td>
                    <Sparkline
                      points={study.bestSoFar}
                      lastTrial={Math.max(0, study.counts.total - 1)}
                      label={`Best ${objective?.name ?? 'value'} so far of ${study.name}`}
                    />
                  </td>
                  <td>
                    {study.createdByName ?? <span className="muted">an API token</span>}
                    <div className="muted" suppressHydrationWarning>
                      {relativeTime(study.createdAt)}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

/** Runners of the caller's teams, online first, with the trials they are training. */
export function RunnersPanel({ teams }: { teams: HomeData['teams'] }) {
  const runners = teams
    .flatMap((team) => team.runners.map((runner) => ({ ...runner, teamName: team.name })))
    .sort((a, b) => Number(b.online) - Number(a.online));
  const online = runners.filter((r) => r.online).length;
  return (
    <Panel
      id="home-runners"
      title={`Runners (${online} online)`}
      minHeight={80}
      actions={<Link href="/runners">All runners</Link>}
    >
      {runners.length === 0 ? (
        <p className="muted">
          No runner yet: create a RUNNER token on <Link href="/tokens">API tokens</Link> and start one.
        </p>
      ) : (
        <ul className={styles.list} data-testid="home-runners">
          {runners.slice(0, 10).map((runner) => {
            const caps = describeCapabilities(runner.capabilities);
            return (
              <li key={runner.id}>
                <StateBadge state={runner.online ? 'online' : 'offline'} />
                <strong>{runner.name}</strong>
                <span className="muted">
                  {runner.host} · {caps.backend} · {runner.teamName}
                </span>
                <span className={styles.grow}>
                  {runner.runningTrials.length === 0 ? (
                    <span className="muted" suppressHydrationWarning>
                      {runner.online ? 'idle' : `last seen ${relativeTime(runner.lastSeenAt)}`}
                    </span>
                  ) : (
                    runner.runningTrials.map((trial) => (
                      <Link
                        key={trial.id}
                        href={hrefFor('trials', trial.id)}
                        style={{ marginRight: '0.5rem' }}
                      >
                        {trial.study.name} #{trial.number}
                      </Link>
                    ))
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}

/** The trials that finished last across the caller's teams. */
export function FinishedTrialsPanel({ trials }: { trials: HomeData['recentTrials'] }) {
  return (
    <Panel id="home-trials" title="Last finished trials" minHeight={80}>
      {trials.length === 0 ? (
        <p className="muted">No trial has finished yet.</p>
      ) : (
        <ul className={styles.list} data-testid="home-trials">
          {trials.map((trial) => (
            <li key={trial.id}>
              <StateBadge state={trial.state} />
              <Link href={hrefFor('trials', trial.id)}>
                {trial.study.name} #{trial.number}
              </Link>
              <span className={styles.grow}>
                {trial.state === 'COMPLETE' ? formatMetric(trial.values?.[0]) : ''}
              </span>
              <span className="muted" suppressHydrationWarning>
                {relativeTime(trial.finishedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
