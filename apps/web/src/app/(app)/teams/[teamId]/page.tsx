import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ListTable } from '@/components/list-table';
import { Panel } from '@/components/panel';
import { graphql } from '@/gql';
import { relativeTime } from '@/lib/format';
import { serverQuery } from '@/lib/graphql/server';
import { hrefFor, routeId } from '@/lib/route-id';
import { MemberActions } from './member-actions.tsx';
import { MemberAddForm } from './member-add-form.tsx';
import { ProjectCreateForm } from './project-create-form.tsx';

export const metadata: Metadata = { title: 'Team' };

const TeamPage = graphql(`
  query TeamPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Team {
        id
        name
        slug
        viewerRole
        projects {
          id
          name
          slug
          description
          createdAt
          studyCount
        }
        memberships {
          role
          createdAt
          user {
            id
            name
            email
          }
        }
      }
    }
  }
`);

const TeamInvitations = graphql(`
  query TeamInvitations($id: ID!) {
    node(id: $id) {
      ... on Team {
        invitations {
          id
          email
          role
          expiresAt
        }
      }
    }
  }
`);

export default async function Team({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { node } = await serverQuery(TeamPage, { id: routeId(teamId) });
  if (node?.__typename !== 'Team') notFound();
  const team = node;
  const canManage = team.viewerRole === 'OWNER' || team.viewerRole === 'ADMIN';
  const canCreate = canManage || team.viewerRole === 'MEMBER';
  // Pending invitations are for admins and owners only (the API refuses others).
  const invited = canManage ? await serverQuery(TeamInvitations, { id: team.id }) : undefined;
  const invitations = invited?.node && 'invitations' in invited.node ? invited.node.invitations : [];
  return (
    <>
      <p className="muted">
        <Link href="/teams">Teams</Link> /
      </p>
      <h1>{team.name}</h1>
      <Panel title="Projects" minHeight={80}>
        <ListTable
          rows={team.projects}
          rowKey={(project) => project.id}
          empty="No projects yet."
          columns={[
            { header: 'Project', cell: (project) => <Link href={hrefFor('projects', project.id)}>{project.name}</Link> },
            { header: 'Description', cell: (project) => project.description || <span className="muted">—</span> },
            { header: 'Studies', className: 'num', cell: (project) => project.studyCount },
            { header: 'Created', className: 'muted', cell: (project) => relativeTime(project.createdAt) },
          ]}
        />
      </Panel>
      {canCreate && (
        <Panel title="Create a project" minHeight={80}>
          <ProjectCreateForm teamId={team.id} />
        </Panel>
      )}
      <Panel title="Members" minHeight={80}>
        <ListTable
          rows={team.memberships}
          rowKey={(m) => m.user.id}
          columns={[
            { header: 'Name', cell: (m) => m.user.name },
            { header: 'Email', cell: (m) => m.user.email },
            {
              header: 'Role',
              cell: (m) => (canManage ? <MemberActions teamId={team.id} userId={m.user.id} role={m.role} /> : m.role),
            },
            { header: 'Joined', className: 'muted', cell: (m) => relativeTime(m.createdAt) },
          ]}
        />
        {invitations.length > 0 && (
          <p className="muted">
            Invited, not yet joined:{' '}
            {invitations.map((i) => `${i.email} (${i.role}, until ${new Date(i.expiresAt).toLocaleDateString()})`).join(', ')}
          </p>
        )}
        {canManage && <MemberAddForm teamId={team.id} />}
      </Panel>
    </>
  );
}
