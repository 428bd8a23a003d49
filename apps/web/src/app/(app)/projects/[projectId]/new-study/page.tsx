import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { graphql } from '@/gql';
import { serverQuery } from '@/lib/graphql/server';
import { hrefFor, routeId } from '@/lib/route-id';
import { NewStudyForm } from './new-study-form.tsx';

export const metadata: Metadata = { title: 'New study' };

const NewStudyPage = graphql(`
  query NewStudyPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Project {
        id
        name
        team {
          id
          name
        }
      }
    }
  }
`);

export default async function NewStudy({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { node } = await serverQuery(NewStudyPage, { id: routeId(projectId) });
  if (node?.__typename !== 'Project') notFound();
  return (
    <>
      <p className="muted">
        <Link href={hrefFor('teams', node.team.id)}>{node.team.name}</Link> /{' '}
        <Link href={hrefFor('projects', node.id)}>{node.name}</Link> /
      </p>
      <h1>New study</h1>
      <NewStudyForm projectId={node.id} />
    </>
  );
}
