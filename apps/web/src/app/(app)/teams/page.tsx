import type { Metadata } from 'next';
import Link from 'next/link';
import { Panel } from '@/components/panel';
import { graphql } from '@/gql';
import { serverQuery } from '@/lib/graphql/server';
import { InvitationAcceptButton } from '@/components/invitation-accept-button';
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
      invitations {
        id
        teamName
        role
        invitedByName
        expiresAt
      }
    }
  }
`);

export default async function Teams() {
  const { viewer } = await serverQuery(TeamsPage, {});
  const teams = viewer?.teams ?? [];
  const invitations = viewer?.invitations ?? [];
  return (
    <>
      <h1>Teams</h1>
      {invitations.length > 0 && (
        <Panel title="Invitations" minHeight={80}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Role</th>
                <th scope="col">Invited by</th>
                <th scope="col">Expires</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.teamName}</td>
                  <td>{invitation.role}</td>
                  <td>{invitation.invitedByName ?? '—'}</td>
                  <td className="muted">{new Date(invitation.expiresAt).toLocaleDateString()}</td>
                  <td>
                    <InvitationAcceptButton input={{ id: invitation.id }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
      )}
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
