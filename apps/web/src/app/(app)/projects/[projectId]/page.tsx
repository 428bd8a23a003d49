import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Panel } from '@/components/panel';
import { OptunaImportButton } from '@/features/import/optuna-upload-dialog';
import { StateBadge } from '@/components/state-badge';
import { graphql } from '@/gql';
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
        studies {
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
        {project.studies.length === 0 ? (
          <p className="muted">No studies yet.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Study</th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col">Best value</th>
                <th scope="col">Sampler</th>
                <th scope="col">Lineage</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {project.studies.map((study) => {
                const objective = study.objectives[0];
                const best = study.bestTrial?.values?.[0];
                return (
                  <tr key={study.id}>
                    <td>
                      <Link href={hrefFor('studies', study.id)}>{study.name}</Link>
                    </td>
                    <td>
                      <StateBadge state={study.status} />
                    </td>
                    <td className="num">
                      {study.progress !== null && (
                        <span className="progress" aria-hidden="true">
                          <span style={{ width: formatProgress(study.progress) }} />
                        </span>
                      )}
                      {progressLabel(study.counts.complete + study.counts.pruned + study.counts.fail, study.budget.maxTrials)}
                      {study.counts.running > 0 && <span className="muted"> ({study.counts.running} running)</span>}
                    </td>
                    <td className="num">
                      {study.bestTrial ? (
                        <>
                          {formatMetric(best)}{' '}
                          <span className="muted">
                            {objective
                              ? `${objective.name} ${objective.direction === 'MINIMIZE' ? '↓' : '↑'}`
                              : ''}{' '}
                            #{study.bestTrial.number}
                          </span>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{samplerLabel(study.sampler)}</td>
                    <td>
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
                    </td>
                    <td className="muted">{relativeTime(study.createdAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Panel>
    </>
  );
}
