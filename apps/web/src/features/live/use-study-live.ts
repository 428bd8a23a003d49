'use client';

// The study page's live store as a hook: subscribed while the page is visible, events batched to animation
// frames (spaced by what the renders cost: pace.ts), a whole snapshot read again (one at a time) whenever the store turns stale — a gap in the numbers, a
// SYNC after a (re)subscription that is ahead of the store, a page restored from the back/forward cache.
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { useClient } from 'urql';
import { coalesce, type Coalescer } from './coalesce.ts';
import { createPacer } from './pace.ts';
import { StudyLiveEvents } from './documents.ts';
import { fetchSnapshot, toLiveTrial } from './snapshot.ts';
import { fromSnapshot, storeReducer, type LiveEvent, type Snapshot, type StudyStore } from './study-store.ts';
import { useVisibleSubscription } from './use-visible-subscription.ts';
import { readableError } from '@/lib/graphql/errors';

export interface StudyLive {
  store: StudyStore;
  /** Why live updates are not arriving, if they are not. */
  error: string | null;
}

export function useStudyLive(studyId: string, initial: Snapshot): StudyLive {
  const client = useClient();
  const [store, dispatch] = useReducer(storeReducer, initial, fromSnapshot);
  const [error, setError] = useState<string | null>(null);

  // New server data: another study (parent → child) starts from it; for the same study it is one more snapshot
  // (ignored when older than the store).
  const shown = useRef({ studyId, initial });
  useEffect(() => {
    if (shown.current.initial === initial) return;
    const sameStudy = shown.current.studyId === studyId;
    shown.current = { studyId, initial };
    dispatch(sameStudy ? { type: 'snapshot', snapshot: initial } : { type: 'reset', snapshot: initial });
  }, [studyId, initial]);

  // What the next read starts from: a partial store (the server's first trials, events held since their number) is
  // completed by the ranges after them; any other is read whole. The count plans the ranges to read at once.
  const latest = useRef({ store, total: initial.total ?? 0 });
  latest.current = { store, total: Math.max(initial.total ?? 0, store.trials.length) };
  const refetch = useRef<Coalescer | null>(null);
  useEffect(() => {
    let live = true;
    const coalescer = coalesce(async () => {
      const { store: now, total } = latest.current;
      const snapshot = await fetchSnapshot(client, studyId, total, now.partial ? now : undefined);
      if (live && snapshot) dispatch({ type: 'snapshot', snapshot });
    });
    refetch.current = coalescer;
    return () => {
      live = false;
      coalescer.dispose();
      refetch.current = null;
    };
  }, [client, studyId]);

  useEffect(() => {
    if (store.stale) refetch.current?.request();
  }, [store.stale, store.seq, store.asks]);

  // Events of one frame are one dispatch (and one render), however many arrive.
  const batch = useRef<LiveEvent[]>([]);
  const frame = useRef<number | null>(null);
  const lastFlush = useRef(Number.NEGATIVE_INFINITY);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const trialCount = useRef(store.trials.length);
  trialCount.current = store.trials.length;
  // What a batch's render costs, measured from its dispatch to the layout effects of its commit (this hook's
  // layout effect runs after those of every panel below it, canvases included).
  const pacer = useRef(createPacer());
  const dispatchedAt = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (dispatchedAt.current === null) return;
    pacer.current.record(performance.now() - dispatchedAt.current);
    dispatchedAt.current = null;
  }, [store]);
  useVisibleSubscription(
    client,
    StudyLiveEvents,
    { studyId },
    (result) => {
      if (result.error) {
        setError(`Live updates stopped: ${readableError(result.error)}`);
        return;
      }
      setError(null);
      const event = result.data?.studyEvents;
      if (!event) return;
      batch.current.push({
        kind: event.kind,
        seq: event.seq,
        status: event.study.status,
        failureReason: event.study.failureReason,
        trial: event.trial ? toLiveTrial(event.trial) : null,
      });
      if (frame.current !== null) return;
      // A big study's render (summary, table, 100,000 canvas lines) is costly: its batches are spaced out.
      const wait = Math.max(0, lastFlush.current + pacer.current.interval(trialCount.current) - performance.now());
      const flush = () => {
        frame.current = requestAnimationFrame(() => {
          frame.current = null;
          lastFlush.current = performance.now();
          const events = batch.current;
          batch.current = [];
          dispatchedAt.current = lastFlush.current;
          dispatch({ type: 'events', events });
        });
      };
      if (wait <= 0) flush();
      else {
        frame.current = -1;
        timer.current = setTimeout(flush, wait);
      }
    },
    // Back from the back/forward cache: whatever the page holds may be old, whatever the socket says.
    () => refetch.current?.request(),
  );
  useEffect(
    () => () => {
      if (frame.current !== null && frame.current >= 0) cancelAnimationFrame(frame.current);
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  return { store, error };
}
