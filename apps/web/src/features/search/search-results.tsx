// Search results: tables inside GET forms whose checkboxes become a comparison URL (`/compare/…?ids=a&ids=b`).
import Link from 'next/link';
import type { ReactNode } from 'react';
import { StateBadge } from '@/components/state-badge';
import type { SearchStudiesQuery, SearchTrialsQuery } from '@/gql/graphql';
import { TagChips } from '@/features/notes/tag-chips';
import { formatMetric, relativeTime } from '@/lib/format';
import { hrefFor } from '@/lib/route-id';
import { COMPARE_LIMITS } from '../compare/transform.ts';
import { searchHref, studyTrialsHref, type SearchState } from './search-params.ts';

type StudyPage = SearchStudiesQuery['searchStudies'];
type TrialPage = SearchTrialsQuery['searchTrials'];

function Count({ page }: { page: { totalCount: number; totalCountIsExact: boolean } }) {
  return (
    <p className="muted" role="status">
      {page.totalCountIsExact
        ? page.totalCount.toLocaleString('en')
        : `More than ${page.totalCount.toLocaleString('en')}`}{' '}
      {page.totalCount === 1 ? 'match' : 'matches'}
    </p>
  );
}

function Pager({
  state,
  page,
}: {
  state: SearchState;
  page: { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}) {
  return (
    <p style={{ display: 'flex', gap: 16 }}>
      {state.after && <Link href={searchHref({ ...state, after: '' })}>← First page</Link>}
      {page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <Link href={searchHref({ ...state, after: page.pageInfo.endCursor })}>Next page →</Link>
      )}
    </p>
  );
}

/**
 * One page of results: the count, then a GET form to `/compare/…` whose rows' checkboxes (`name="ids"`) become the
 * comparison's URL, the compare button and the pager; or the count and `empty` when nothing matches.
 */
function ResultsForm({
  state,
  page,
  empty,
  compare,
  testId,
  columns,
  children,
}: {
  state: SearchState;
  page: StudyPage | TrialPage;
  empty: string;
  compare: { action: string; label: string; limit: number };
  testId: string;
  columns: string[];
  children: ReactNode;
}) {
  if (page.nodes.length === 0)
    return (
      <>
        <Count page={page} />
        <p className="muted">{empty}</p>
      </>
    );
  return (
    <form method="get" action={compare.action}>
      <Count page={page} />
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">Select</span>
            </th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      <p>
        <button type="submit" className="button">
          {compare.label}
        </button>{' '}
        <span className="muted">2 to {compare.limit}</span>
      </p>
      <Pager state={state} page={page} />
    </form>
  );
}

export function StudyResults({ state, page }: { state: SearchState; page: StudyPage }) {
  return (
    <ResultsForm
      state={state}
      page={page}
      empty="No study matches."
      compare={{
        action: '/compare/studies',
        label: 'Compare selected studies',
        limit: COMPARE_LIMITS.studies,
      }}
      testId="study-results"
      columns={['Study', 'Status', 'Tags', 'Project', 'Best value', 'Created']}
    >
      {page.nodes.map((study) => {
        const objective = study.objectives[0];
        // The study's trials with the same metric condition: the filter carried to where it applies.
        const trials = studyTrialsHref(state, study.id);
        return (
          <tr key={study.id}>
            <td>
              <input type="checkbox" name="ids" value={study.id} aria-label={`Select ${study.name}`} />
            </td>
            <td>
              <Link href={hrefFor('studies', study.id)}>{study.name}</Link>{' '}
              <Link href={trials} className="muted" style={{ fontSize: '0.85em' }}>
                trials…
              </Link>
            </td>
            <td>
              <StateBadge state={study.status} />
            </td>
            <td>{study.tags.length > 0 ? <TagChips tags={study.tags} /> : null}</td>
            <td>{study.project.name}</td>
            <td className="num">
              {study.bestTrial ? (
                <Link href={hrefFor('trials', study.bestTrial.id)}>
                  {formatMetric(study.bestTrial.values?.[0])}{' '}
                  <span className="muted">
                    {objective ? `${objective.name} ${objective.direction === 'MINIMIZE' ? '↓' : '↑'}` : ''} #
                    {study.bestTrial.number}
                  </span>
                </Link>
              ) : (
                '—'
              )}
            </td>
            <td>
              {relativeTime(study.createdAt)}
              {study.createdByName ? <span className="muted"> by {study.createdByName}</span> : null}
            </td>
          </tr>
        );
      })}
    </ResultsForm>
  );
}

export function TrialResults({ state, page }: { state: SearchState; page: TrialPage }) {
  return (
    <ResultsForm
      state={state}
      page={page}
      empty="No trial matches."
      compare={{ action: '/compare/trials', label: 'Compare selected trials', limit: COMPARE_LIMITS.trials }}
      testId="trial-results"
      columns={['Trial', 'Study', 'State', 'Values', 'Tags', 'Finished']}
    >
      {page.nodes.map((trial) => (
        <tr key={trial.id}>
          <td>
            <input
              type="checkbox"
              name="ids"
              value={trial.id}
              aria-label={`Select ${trial.study.name} #${trial.number}`}
            />
          </td>
          <td>
            <Link href={hrefFor('trials', trial.id)}>#{trial.number}</Link>
          </td>
          <td>
            <Link href={hrefFor('studies', trial.study.id)}>{trial.study.name}</Link>
          </td>
          <td>
            <StateBadge state={trial.state} />
          </td>
          <td className="num">
            {trial.values
              ? trial.values
                  .map((v, i) => `${trial.study.objectives[i]?.name ?? i} ${formatMetric(v)}`)
                  .join(', ')
              : '—'}
          </td>
          <td>{trial.tags.length > 0 ? <TagChips tags={trial.tags} /> : null}</td>
          <td>{trial.finishedAt ? relativeTime(trial.finishedAt) : '—'}</td>
        </tr>
      ))}
    </ResultsForm>
  );
}
