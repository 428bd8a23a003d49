import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ListTable } from '@/components/list-table';
import { Panel } from '@/components/panel';
import { OptunaImportButton } from '@/features/import/optuna-upload-dialog';
import { StateBadge } from '@/components/state-badge';
import { graphql } from '@/gql';
import type { ProjectPageQuery } from '@/gql/graphql';
import { formatMetric, formatProgress, progressLabel, relativeTime } from '@/lib/format';
import { serverQuery } from '@/lib/graphql/server';
import { hrefFor, routeId } from '@/lib/route-id';
import { samplerLabel } from '@/lib/study-options';
import { READ_ONLY_REASON, canWrite } from '@/lib/roles';

export const metadata: Metadata = { title: 'Project' };

const ProjectPage = graphql(`
  query ProjectPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Project {
        id
        name
        description
        team {
          id
          name
          viewerRole
        }
        studyCount
        studies(first: 100) {
          id
          name
          status
          progress
          sampler
          createdAt
          objectives {
            name
            direction
          }
          counts {
            complete
            pruned
            fail
            running
            pending
            total
          }
          budget {
            maxTrials
          }
          bestTrial {
            id
            number
            values
          }
          parent {
            id
            name
          }
          children {
            id
            name
          }
        }
      }
    }
  }
`);

export default async function Project({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { node } = await serverQuery(ProjectPage, { id: routeId(projectId) });
  if (node?.__typename !== 'Project') notFound();
  const project = node;
  return (
    <>
      <p className="muted">
        <Link href="/teams">Teams</Link> /{' '}
        <Link href={hrefFor('teams', project.team.id)}>{project.team.name}</Link> /
      </p>
      <h1>{project.name}</h1>
      {project.description && <p>{project.description}</p>}
      <Panel
        title="Studies"
        minHeight={80}
        actions={
          <>
            {canWrite(project.team.viewerRole) && <OptunaImportButton projectId={project.id} />}{' '}
            {canWrite(project.team.viewerRole) ? (
              <Link className="button" href={hrefFor('projects', project.id, '/new-study')}>
                New study
              </Link>
            ) : (
              <button type="button" className="button" disabled title={READ_ONLY_REASON}>
                New study
              </button>
            )}
          </>
        }
      >
        <ListTable
          rows={project.studies}
          rowKey={(study) => study.id}
          empty="No studies yet."
          columns={[
            { header: 'Study', cell: (study) => <Link href={hrefFor('studies', study.id)}>{study.name}</Link> },
            { header: 'Status', cell: (study) => <StateBadge state={study.status} /> },
            {
              header: 'Progress',
              className: 'num',
              cell: (study) => (
                <>
                  {study.progress !== null && (
                    <span className="progress" aria-hidden="true">
                      <span style={{ width: formatProgress(study.progress) }} />
                    </span>
                  )}
                  {progressLabel(study.counts.complete + study.counts.pruned + study.counts.fail, study.budget.maxTrials)}
                  {study.counts.running > 0 && <span className="muted"> ({study.counts.running} running)</span>}
                </>
              ),
            },
            { header: 'Best value', className: 'num', cell: (study) => <BestValue study={study} /> },
            { header: 'Sampler', cell: (study) => samplerLabel(study.sampler) },
            { header: 'Lineage', cell: (study) => <Lineage study={study} /> },
            { header: 'Created', className: 'muted', cell: (study) => relativeTime(study.createdAt) },
          ]}
        />
        {project.studyCount > project.studies.length && (
          <p className="muted" data-testid="project-studies-more">
            The newest {project.studies.length} of {project.studyCount} studies; <Link href="/search">search</Link> finds
            the others.
          </p>
        )}
      </Panel>
    </>
  );
}

type StudyItem = Extract<NonNullable<ProjectPageQuery['node']>, { __typename: 'Project' }>['studies'][number];

/** The best value of the first objective, with the objective, its direction and the trial's number. */
function BestValue({ study }: { study: StudyItem }) {
  if (!study.bestTrial) return '—';
  const objective = study.objectives[0];
  return (
    <>
      {formatMetric(study.bestTrial.values?.[0])}{' '}
      <span className="muted">
        {objective ? `${objective.name} ${objective.direction === 'MINIMIZE' ? '↓' : '↑'}` : ''} #{study.bestTrial.number}
      </span>
    </>
  );
}

/** Where a study came from and what it was refined into. */
function Lineage({ study }: { study: StudyItem }) {
  return (
    <>
      {study.parent && (
        <div>
          from <Link href={hrefFor('studies', study.parent.id)}>{study.parent.name}</Link>
        </div>
      )}
      {study.children.length > 0 && (
        <div>
          refined into{' '}
          {study.children.map((child, i) => (
            <span key={child.id}>
              {i > 0 && ', '}
              <Link href={hrefFor('studies', child.id)}>{child.name}</Link>
            </span>
          ))}
        </div>
      )}
      {!study.parent && study.children.length === 0 && <span className="muted">—</span>}
    </>
  );
}
