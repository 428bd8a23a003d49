import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Panel } from '@/components/panel';
import { graphql } from '@/gql';
import { relativeTime } from '@/lib/format';
import { serverQuery } from '@/lib/graphql/server';
import { hrefFor, routeId } from '@/lib/route-id';
import { MemberActions } from './member-actions';
import { MemberAddForm } from './member-add-form';
import { ProjectCreateForm } from './project-create-form';

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
          studies {
            id
          }
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
        {team.projects.length === 0 ? (
          <p className="muted">No projects yet.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Description</th>
                <th scope="col">Studies</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {team.projects.map((project) => (
                <tr key={project.id}>
                  <td>
                    <Link href={hrefFor('projects', project.id)}>{project.name}</Link>
                  </td>
                  <td>{project.description || <span className="muted">—</span>}</td>
                  <td className="num">{project.studies.length}</td>
                  <td className="muted">{relativeTime(project.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      {canCreate && (
        <Panel title="Create a project" minHeight={80}>
          <ProjectCreateForm teamId={team.id} />
        </Panel>
      )}
      <Panel title="Members" minHeight={80}>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
            </tr>
          </thead>
          <tbody>
            {team.memberships.map((m) => (
              <tr key={m.user.id}>
                <td>{m.user.name}</td>
                <td>{m.user.email}</td>
                <td>{canManage ? <MemberActions teamId={team.id} userId={m.user.id} role={m.role} /> : m.role}</td>
                <td className="muted">{relativeTime(m.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
