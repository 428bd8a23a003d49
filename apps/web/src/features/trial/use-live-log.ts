'use client';

// The trial page's copy of the trial's log: the tail first, then only what came after the newest line held,
// read again (one request at a time, at most twice a second) whenever `version` moves.
import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { readableError } from '@/lib/graphql/errors';
import { coalesce, type Coalescer } from '../live/coalesce.ts';
import { TrialLogQuery } from './documents.ts';
import { SHOWN_LINES, mergeLines, type LogLine } from './log-lines.ts';

/** Lines per request (the API's most is 1,000). */
const PAGE = 1_000;
const RELOAD_MS = 500;


export function useLiveLog(trialId: string, version: number): { lines: LogLine[]; truncated: boolean; error: string | null } {
  const client = useClient();
  const [lines, setLines] = useState<LogLine[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const held = useRef<LogLine[]>([]);
  const refetch = useRef<Coalescer | null>(null);

  useEffect(() => {
    let live = true;
    held.current = [];
    setLines([]);
    const coalescer = coalesce(
      async () => {
        // Pages until caught up: a burst of output is read in a few requests, not one line per event.
        for (let page = 0; page < SHOWN_LINES / PAGE; page += 1) {
          const after = held.current.at(-1)?.offset ?? null;
          const result = await client.query(TrialLogQuery, { id: trialId, after, first: PAGE }, { requestPolicy: 'network-only' }).toPromise();
          if (!live) return;
          if (result.error) {
            setError(`The log could not be read: ${readableError(result.error)}`);
            throw result.error;
          }
          setError(null);
          const log = result.data?.trial?.log;
          if (!log) return;
          held.current = mergeLines(held.current, log.lines);
          setLines(held.current);
          setTruncated(log.truncated || held.current.length >= SHOWN_LINES);
          if (log.lines.length < PAGE || (held.current.at(-1)?.offset ?? 0) >= log.endOffset) return;
        }
      },
      { minIntervalMs: RELOAD_MS },
    );
    refetch.current = coalescer;
    coalescer.request();
    return () => {
      live = false;
      coalescer.dispose();
    };
  }, [client, trialId]);

  useEffect(() => {
    if (version > 0) refetch.current?.request();
  }, [version]);

  return { lines, truncated, error };
}
