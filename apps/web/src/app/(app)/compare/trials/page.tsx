import type { Metadata } from 'next';
import { CompareTrialsQuery } from '@/features/compare/documents';
import { CompareTrialsView } from '@/features/compare/compare-trials-view';
import { CompareRefusal } from '@/features/compare/refusal';
import { parseCompareIds } from '@/features/compare/transform';
import { GraphqlRequestError } from '@/lib/graphql/errors';
import { serverQuery } from '@/lib/graphql/server';

export const metadata: Metadata = { title: 'Compare trials' };

export default async function CompareTrialsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { ids, error } = parseCompareIds((await searchParams).ids, 'trials');
  if (error) return <CompareRefusal kind="trials" message={error} />;
  try {
    const { compareTrials } = await serverQuery(CompareTrialsQuery, { ids });
    return <CompareTrialsView trials={compareTrials} />;
  } catch (failure) {
    if (failure instanceof GraphqlRequestError && failure.has('BAD_USER_INPUT'))
      return <CompareRefusal kind="trials" message={failure.message} />;
    throw failure;
  }
}
