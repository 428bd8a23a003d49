import type { Metadata } from 'next';
import { Panel } from '@/components/panel';
import { SearchStudiesQuery, SearchTeamsQuery, SearchTrialsQuery } from '@/features/search/documents';
import { SearchForm } from '@/features/search/search-form';
import { readSearch, studyFilter, trialFilter, type SearchParams } from '@/features/search/search-params';
import { StudyResults, TrialResults } from '@/features/search/search-results';
import { GraphqlRequestError } from '@/lib/graphql/errors';
import { serverQuery } from '@/lib/graphql/server';

export const metadata: Metadata = { title: 'Search' };

const PAGE = 20;

/** The API refuses a filter with a message naming the field and the value: show it instead of an error page. */
async function orRefusal<T>(request: () => Promise<T>): Promise<{ data: T | null; error: string | null }> {
  try {
    return { data: await request(), error: null };
  } catch (error) {
    if (error instanceof GraphqlRequestError && error.has('BAD_USER_INPUT'))
      return { data: null, error: error.message };
    throw error;
  }
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const asked = readSearch(await searchParams);
  const { viewer } = await serverQuery(SearchTeamsQuery, {});
  const teams = viewer?.teams ?? [];
  const team = teams.find((t) => t.id === asked.team) ?? teams[0];
  if (!team) {
    return (
      <>
        <h1>Search</h1>
        <p className="muted">
          Join or create a team first: search looks through a team&apos;s studies and trials.
        </p>
      </>
    );
  }
  const state = { ...asked, team: team.id };
  const after = state.after || null;
  let body;
  if (state.kind === 'studies') {
    const { filter, errors } = studyFilter(state, viewer?.user?.id ?? null);
    const result = errors.length
      ? { data: null, error: errors.join('; ') }
      : await orRefusal(() => serverQuery(SearchStudiesQuery, { team: team.id, filter, first: PAGE, after }));
    body = result.data ? (
      <StudyResults state={state} page={result.data.searchStudies} />
    ) : (
      <p role="alert" className="error-text">
        {result.error}
      </p>
    );
  } else {
    const { filter, errors } = trialFilter(state);
    const result = errors.length
      ? { data: null, error: errors.join('; ') }
      : await orRefusal(() => serverQuery(SearchTrialsQuery, { team: team.id, filter, first: 50, after }));
    body = result.data ? (
      <TrialResults state={state} page={result.data.searchTrials} />
    ) : (
      <p role="alert" className="error-text">
        {result.error}
      </p>
    );
  }
  return (
    <>
      <h1>Search {state.kind}</h1>
      <Panel minHeight={80}>
        <SearchForm state={state} teams={teams} team={team} />
      </Panel>
      <Panel title="Results" minHeight={120}>
        {body}
      </Panel>
    </>
  );
}
