'use client';

import Link from 'next/link';
import { Panel } from '@/components/panel';
import { StateBadge } from '@/components/state-badge';
import { relativeTime } from '@/lib/format';
import { hrefFor } from '@/lib/route-id';
import { describeCapabilities, describeCommands } from '@/lib/runner-capabilities';
import { useLiveRunners, type RunnerTeams } from './use-live-runners';

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
          {team.runners.length === 0 ? (
            <p className="muted">
              No runner has registered yet. Create a RUNNER token on <Link href="/tokens">API tokens</Link>{' '}
              and start one with <code>npm run start -w @tuneboard/runner</code>.
            </p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Runner</th>
                  <th scope="col">Status</th>
                  <th scope="col">Backend</th>
                  <th scope="col">Device</th>
                  <th
                    scope="col"
                    title="Command objectives run only on runners started with --allow-commands"
                  >
                    Commands
                  </th>
                  <th scope="col">Current trials</th>
                  <th scope="col">Last heartbeat</th>
                </tr>
              </thead>
              <tbody>
                {team.runners.map((runner) => {
                  const caps = describeCapabilities(runner.capabilities);
                  return (
                    <tr key={runner.id}>
                      <td>
                        {runner.name}
                        <div className="muted">{runner.host}</div>
                      </td>
                      <td>
                        <StateBadge state={runnerState(runner)} />
                      </td>
                      <td>{caps.backend}</td>
                      <td>{caps.device}</td>
                      <td className={runner.acceptsCommands ? undefined : 'muted'}>
                        {describeCommands(runner.acceptsCommands, runner.allowedPrograms)}
                      </td>
                      <td>
                        {runner.runningTrials.length === 0 ? (
                          <span className="muted">idle</span>
                        ) : (
                          runner.runningTrials.map((trial) => (
                            <div key={trial.id}>
                              <Link href={hrefFor('trials', trial.id)}>
                                {trial.study.name} #{trial.number}
                              </Link>
                            </div>
                          ))
                        )}
                      </td>
                      <td className="muted"><time dateTime={runner.lastHeartbeatAt} title={runner.lastHeartbeatAt}>
                          {relativeTime(runner.lastHeartbeatAt)}
                        </time></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </Panel>
      ))}
    </>
  );
}
