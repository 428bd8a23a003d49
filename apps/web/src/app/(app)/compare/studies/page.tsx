import type { Metadata } from 'next';
import { CompareStudiesQuery } from '@/features/compare/documents';
import { CompareStudiesView } from '@/features/compare/compare-studies-view';
import { CompareRefusal } from '@/features/compare/refusal';
import { parseCompareIds } from '@/features/compare/transform';
import { GraphqlRequestError } from '@/lib/graphql/errors';
import { serverQuery } from '@/lib/graphql/server';

export const metadata: Metadata = { title: 'Compare studies' };

export default async function CompareStudiesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { ids, error } = parseCompareIds((await searchParams).ids, 'studies');
  if (error) return <CompareRefusal kind="studies" message={error} />;
  try {
    const { compareStudies } = await serverQuery(CompareStudiesQuery, { ids });
    return <CompareStudiesView studies={compareStudies} />;
  } catch (failure) {
    if (failure instanceof GraphqlRequestError && failure.has('BAD_USER_INPUT'))
      return <CompareRefusal kind="studies" message={failure.message} />;
    throw failure;
  }
}
