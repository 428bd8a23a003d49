import { TrialLogTextQuery } from '@/features/trial/documents';
import { serverQuery } from '@/lib/graphql/server';
import { routeId } from '@/lib/route-id';

/** A file name from a study name: letters, digits, dot, dash and underscore. */
function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'study';
}

/** The trial's kept log (the last 1 MiB) as a text file, read through the API as the signed-in person. */
export async function GET(_request: Request, { params }: { params: Promise<{ trialId: string }> }) {
  const { trialId } = await params;
  const { trial } = await serverQuery(TrialLogTextQuery, { id: routeId(trialId) });
  if (!trial) return new Response('No such trial.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(trial.log.text, {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="${safe(trial.study.name)}-trial-${trial.number}.log"`,
      'cache-control': 'no-store',
    },
  });
}
