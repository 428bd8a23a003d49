'use client';

// The trial page's live copy of its trial: read again (one request at a time, at most once a second) whenever
// an event names this trial, the study's event numbers skip, or a (re)subscription's SYNC is ahead of what the
// page read — so a running trial's curves grow while the runner reports, and a finished one shows its end.
import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { TrialPageQuery as TrialPageResult } from '@/gql/graphql';
import { coalesce, type Coalescer } from '../live/coalesce.ts';
import { useVisibleSubscription } from '../live/use-visible-subscription.ts';
import { TrialLiveEvents, TrialPageQuery } from './documents.ts';
import { readableError } from '@/lib/graphql/errors';

export type PageTrial = NonNullable<TrialPageResult['trial']>;

/** Reports arrive every epoch: reading the trial's curves more often than this shows nothing more. */
const RELOAD_MS = 1_000;

/**
 * `logVersion` counts what may have added log lines: an event naming this trial (a `TRIAL_LOGGED` one only bumps
 * it; the trial's curves are not read again for a log line), a gap, a SYNC ahead of the page, a reconnect.
 */
export function useLiveTrial(initial: PageTrial): { trial: PageTrial; error: string | null; logVersion: number } {
  const client = useClient();
  const [trial, setTrial] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [logVersion, setLogVersion] = useState(0);
  const bumpLog = () => setLogVersion((v) => v + 1);
  const seq = useRef(initial.study.eventSeq);
  const refetch = useRef<Coalescer | null>(null);

  useEffect(() => {
    setTrial(initial);
    seq.current = initial.study.eventSeq;
  }, [initial]);

  useEffect(() => {
    let live = true;
    const coalescer = coalesce(
      async () => {
        // The study's number is read before the trial, in the same request: the trial reflects every event up to it.
        const result = await client.query(TrialPageQuery, { id: initial.id }, { requestPolicy: 'network-only' }).toPromise();
        if (result.error) throw result.error;
        const next = result.data?.trial;
        if (!live || !next) return;
        seq.current = Math.max(seq.current, next.study.eventSeq);
        setTrial(next);
      },
      { minIntervalMs: RELOAD_MS },
    );
    refetch.current = coalescer;
    return () => {
      live = false;
      coalescer.dispose();
    };
  }, [client, initial.id]);

  useVisibleSubscription(
    client,
    TrialLiveEvents,
    { studyId: initial.study.id },
    (result) => {
      if (result.error) return setError(`Live updates stopped: ${readableError(result.error)}`);
      setError(null);
      const event = result.data?.studyEvents;
      if (!event) return;
      if (event.kind === 'SYNC') {
        if (event.seq !== seq.current) {
          refetch.current?.request();
          bumpLog();
        }
        seq.current = Math.max(seq.current, event.seq);
        return;
      }
      if (event.seq <= seq.current) return;
      const gap = event.seq > seq.current + 1;
      seq.current = event.seq;
      const mine = event.trial?.id === initial.id;
      if (gap || mine) bumpLog();
      if (gap || (mine && event.kind !== 'TRIAL_LOGGED')) refetch.current?.request();
    },
    () => {
      refetch.current?.request();
      bumpLog();
    },
  );

  return { trial, error, logVersion };
}
