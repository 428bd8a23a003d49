'use client';

import Link from 'next/link';
import { ListTable } from '@/components/list-table';
import { Panel } from '@/components/panel';
import { StateBadge } from '@/components/state-badge';
import { RelativeTime } from '@/components/relative-time';
import { hrefFor } from '@/lib/route-id';
import { describeCapabilities, describeCommands } from '@/lib/runner-capabilities';
import { useLiveRunners, type RunnerTeams } from './use-live-runners.ts';

/**
 * Runners listed per team, and trials shown per runner: features/runners/documents.ts asks for one trial more,
 * to tell whether there are more (the operation's cost grows with both).
 */
export const RUNNERS_LISTED = 25;
export const TRIALS_LISTED = 4;

/** Offline once nothing was heard from it for a lease; otherwise busy while it holds trials, else idle. */
export function runnerState(runner: { online: boolean; runningTrials: readonly unknown[] }): 'offline' | 'busy' | 'idle' {
  if (!runner.online) return 'offline';
  return runner.runningTrials.length > 0 ? 'busy' : 'idle';
}

/** Each runner's state (online, busy or idle, offline), current trials, backend and device, last heartbeat. */
export function RunnersView({ initial }: { initial: RunnerTeams }) {
  const { teams, error } = useLiveRunners(initial);
  return (
    <>
      <h1>Runners</h1>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {teams.length === 0 && <p className="muted">Join or create a team to see its runners.</p>}
      {teams.map((team) => (
        <Panel key={team.id} id={`runners-${team.id}`} title={team.name} minHeight={60}>
          <ListTable
            rows={team.runners}
            rowKey={(runner) => runner.id}
            empty={
              <p className="muted">
                No runner has registered yet. Create a RUNNER token on <Link href="/tokens">API tokens</Link>{' '}
                and start one with <code>npm run start -w @tuneboard/runner</code>.
              </p>
            }
            columns={[
              {
                header: 'Runner',
                cell: (runner) => (
                  <>
                    {runner.name}
                    <div className="muted">{runner.host}</div>
                  </>
                ),
              },
              { header: 'Status', cell: (runner) => <StateBadge state={runnerState(runner)} /> },
              { header: 'Backend', cell: (runner) => describeCapabilities(runner.capabilities).backend },
              { header: 'Device', cell: (runner) => describeCapabilities(runner.capabilities).device },
              {
                header: 'Commands',
                title: 'Command objectives run only on runners started with --allow-commands',
                className: (runner) => (runner.acceptsCommands ? undefined : 'muted'),
                cell: (runner) => describeCommands(runner.acceptsCommands, runner.allowedPrograms),
              },
              {
                header: 'Current trials',
                cell: (runner) =>
                  runner.runningTrials.length === 0 ? (
                    <span className="muted">idle</span>
                  ) : (
                    <>
                      {runner.runningTrials.slice(0, TRIALS_LISTED).map((trial) => (
                        <div key={trial.id}>
                          <Link href={hrefFor('trials', trial.id)}>
                            {trial.study.name} #{trial.number}
                          </Link>
                        </div>
                      ))}
                      {runner.runningTrials.length > TRIALS_LISTED && <div className="muted">and more</div>}
                    </>
                  ),
              },
              {
                header: 'Last heartbeat',
                className: 'muted',
                cell: (runner) => <RelativeTime at={runner.lastHeartbeatAt} />,
              },
            ]}
          />
          {team.runners.length >= RUNNERS_LISTED && (
            <p className="muted">The {RUNNERS_LISTED} most recently seen runners of the team.</p>
          )}
        </Panel>
      ))}
    </>
  );
}
