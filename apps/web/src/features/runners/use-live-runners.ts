'use client';

// The runners page, live while visible: read again every few seconds (one request at a time) and at once when
// the page becomes visible or comes back from the back/forward cache. A runner's state has no event of its own —
// a runner that vanished sends nothing — so the page asks: a vanished runner shows offline within a lease.
import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { RunnersPageQuery as RunnersPageResult } from '@/gql/graphql';
import { coalesce } from '../live/coalesce.ts';
import { RunnersPageQuery } from './documents.ts';
import { readableError } from '@/lib/graphql/errors';

export type RunnerTeams = NonNullable<RunnersPageResult['viewer']>['teams'];

/** Busy → idle shows within this long; offline within a lease (the API's LEASE_SECONDS) plus this. */
export const RUNNERS_REFRESH_MS = 3_000;

export function useLiveRunners(initial: RunnerTeams): { teams: RunnerTeams; error: string | null } {
  const client = useClient();
  const [teams, setTeams] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = coalesce(async () => {
      const result = await client.query(RunnersPageQuery, {}, { requestPolicy: 'network-only' }).toPromise();
      if (!live) return;
      setError(result.error ? `Live updates stopped: ${readableError(result.error)}` : null);
      if (result.data?.viewer) setTeams(result.data.viewer.teams);
    });
    const visible = () => document.visibilityState !== 'hidden';
    const tick = () => {
      clearTimeout(timer);
      if (!live || !visible()) return;
      refresh.request();
      timer = setTimeout(tick, RUNNERS_REFRESH_MS);
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) tick();
    };
    // The server's first paint may come from the router's cache (Back): read at once.
    tick();
    document.addEventListener('visibilitychange', tick);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      live = false;
      clearTimeout(timer);
      refresh.dispose();
      document.removeEventListener('visibilitychange', tick);
      window.removeEventListener('pageshow', onPageShow);
    };
  }, [client]);
  return { teams, error };
}
