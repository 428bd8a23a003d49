import type { Metadata } from 'next';
import Link from 'next/link';
import { Panel } from '@/components/panel';
import { StateBadge } from '@/components/state-badge';
import { graphql } from '@/gql';
import { relativeTime } from '@/lib/format';
import { serverQuery } from '@/lib/graphql/server';
import { hrefFor } from '@/lib/route-id';
import { describeCapabilities, describeCommands } from '@/lib/runner-capabilities';

export const metadata: Metadata = { title: 'Runners' };

const RunnersPage = graphql(`
  query RunnersPage {
    viewer {
      teams {
        id
        name
        runners {
          id
          name
          host
          online
          lastSeenAt
          capabilities
          acceptsCommands
          allowedPrograms
          runningTrials {
            id
            number
            study {
              id
              name
            }
          }
        }
      }
    }
  }
`);

// Who is online changes by the minute; the page is read fresh on every visit.
export const dynamic = 'force-dynamic';

export default async function Runners() {
  const { viewer } = await serverQuery(RunnersPage, {});
  const teams = viewer?.teams ?? [];
  return (
    <>
      <h1>Runners</h1>
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
                  <th scope="col">Last seen</th>
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
                        <StateBadge state={runner.online ? 'online' : 'offline'} />
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
                      <td className="muted">{relativeTime(runner.lastSeenAt)}</td>
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
