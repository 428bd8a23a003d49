import type { Metadata } from 'next';
import Link from 'next/link';
import { Panel } from '@/components/panel';
import { graphql } from '@/gql';
import { serverQuery } from '@/lib/graphql/server';
import { TeamCreateForm } from './team-create-form';

export const metadata: Metadata = { title: 'Teams' };

const TeamsPage = graphql(`
  query TeamsPage {
    viewer {
      teams {
        id
        name
        slug
        viewerRole
        projects {
          id
          name
        }
      }
    }
  }
`);

export default async function Teams() {
  const { viewer } = await serverQuery(TeamsPage, {});
  const teams = viewer?.teams ?? [];
  return (
    <>
      <h1>Teams</h1>
      <Panel title="Your teams" minHeight={80}>
        {teams.length === 0 ? (
          <p className="muted">You are not in a team yet. Create one below.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Slug</th>
                <th scope="col">Your role</th>
                <th scope="col">Projects</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.id}>
                  <td>
                    <Link href={`/teams/${encodeURIComponent(team.id)}`}>{team.name}</Link>
                  </td>
                  <td className="muted">{team.slug}</td>
                  <td>{team.viewerRole ?? '—'}</td>
                  <td>
                    {team.projects.length === 0
                      ? '—'
                      : team.projects.map((project, i) => (
                          <span key={project.id}>
                            {i > 0 && ', '}
                            <Link href={`/projects/${encodeURIComponent(project.id)}`}>{project.name}</Link>
                          </span>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel title="Create a team" minHeight={80}>
        <TeamCreateForm />
      </Panel>
    </>
  );
}
