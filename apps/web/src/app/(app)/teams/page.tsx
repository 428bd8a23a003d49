import type { Metadata } from 'next';
import Link from 'next/link';
import { ListTable } from '@/components/list-table';
import { Panel } from '@/components/panel';
import { graphql } from '@/gql';
import { serverQuery } from '@/lib/graphql/server';
import { InvitationAcceptButton } from '@/components/invitation-accept-button';
import { TeamCreateForm } from './team-create-form.tsx';

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
          <ListTable
            rows={invitations}
            rowKey={(invitation) => invitation.id}
            columns={[
              { header: 'Team', cell: (invitation) => invitation.teamName },
              { header: 'Role', cell: (invitation) => invitation.role },
              { header: 'Invited by', cell: (invitation) => invitation.invitedByName ?? '—' },
              { header: 'Expires', className: 'muted', cell: (invitation) => new Date(invitation.expiresAt).toLocaleDateString() },
              { header: null, cell: (invitation) => <InvitationAcceptButton input={{ id: invitation.id }} /> },
            ]}
          />
        </Panel>
      )}
      <Panel title="Your teams" minHeight={80}>
        <ListTable
          rows={teams}
          rowKey={(team) => team.id}
          empty="You are not in a team yet. Create one below."
          columns={[
            { header: 'Team', cell: (team) => <Link href={`/teams/${encodeURIComponent(team.id)}`}>{team.name}</Link> },
            { header: 'Slug', className: 'muted', cell: (team) => team.slug },
            { header: 'Your role', cell: (team) => team.viewerRole ?? '—' },
            {
              header: 'Projects',
              cell: (team) =>
                team.projects.length === 0
                  ? '—'
                  : team.projects.map((project, i) => (
                      <span key={project.id}>
                        {i > 0 && ', '}
                        <Link href={`/projects/${encodeURIComponent(project.id)}`}>{project.name}</Link>
                      </span>
                    )),
            },
          ]}
        />
      </Panel>
      <Panel title="Create a team" minHeight={80}>
        <TeamCreateForm />
      </Panel>
    </>
  );
}
