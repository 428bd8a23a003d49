'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseViewState, viewStateQuery, type StudyViewState } from './view-state.ts';

/** A brush drag changes the view many times a second; the URL follows once the reader pauses. */
const URL_DEBOUNCE_MS = 300;

/**
 * The study page's view (brushes, filter, sort, axes, objective) mirrored in its query string. Written with
 * `history.replaceState`, which Next.js folds into its router (`useSearchParams` follows) without asking the server
 * for the page again, and which adds no history entry: Back leaves the study page, it does not undo brush moves.
 * A URL that changes from outside (Back, Forward, a link to another view) replaces the state.
 */
export function useStudyViewState(): [StudyViewState, (patch: Partial<StudyViewState>) => void, string] {
  const searchParams = useSearchParams();
  const [state, setState] = useState(() => parseViewState(searchParams));
  const written = useRef(searchParams.toString());

  useEffect(() => {
    const query = searchParams.toString();
    if (query === written.current) return;
    written.current = query;
    setState(parseViewState(searchParams));
  }, [searchParams]);

  const query = viewStateQuery(state);
  useEffect(() => {
    if (query === written.current) return;
    const timer = setTimeout(() => {
      written.current = query;
      window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
    }, URL_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const update = useCallback((patch: Partial<StudyViewState>) => setState((current) => ({ ...current, ...patch })), []);
  return [state, update, query];
}
