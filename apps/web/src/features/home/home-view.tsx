'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { hrefFor } from '@/lib/route-id';
import { HomePageQuery, HomeStudyEventsSubscription } from './documents.ts';
import { FinishedTrialsPanel, RunnersPanel, StudiesPanel } from './home-panels.tsx';
import { demoStudy, liveStudyIds, newStudyProjectId, type HomeData } from './pick.ts';
import styles from './home.module.css';

/** Trial events arrive per epoch and per trial: the page reloads at most this often after one. */
const EVENT_RELOAD_MS = 1_000;
/** Runners come and go, and other people start studies, without an event this page hears: reload this often. */
const POLL_MS = 15_000;

/**
 * The home page, live: it listens to the study events of every running or paused study it shows (the study
 * page's subscription) and reloads its one query after them, every POLL_MS, on reconnect, and when the page
 * comes back from the back/forward cache; so it never shows a mix of old and new.
 */
export function HomeView({ initial, userName }: { initial: HomeData; userName: string }) {
  const client = useClient();
  const [data, setData] = useState(initial);
  const [liveError, setLiveError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reloadRef = useRef<() => void>(() => {});

  reloadRef.current = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void client
        .query(HomePageQuery, {}, { requestPolicy: 'network-only' })
        .toPromise()
        .then((result) => {
          if (result.data?.viewer) {
            setData(result.data.viewer);
            setLiveError(null);
          } else if (result.error) {
            setLiveError(`Live updates stopped: ${result.error.message}`);
          }
        });
    }, EVENT_RELOAD_MS);
  };

  const liveKey = liveStudyIds(data.recentStudies).join(' ');
  useEffect(() => {
    const ids = liveKey ? liveKey.split(' ') : [];
    const subscriptions = ids.map((studyId) =>
      client.subscription(HomeStudyEventsSubscription, { studyId }).subscribe((result) => {
        if (result.error) {
          setLiveError(`Live updates stopped: ${result.error.message}`);
          return;
        }
        // Metric reports change nothing this page shows; claims, finished trials and status changes do.
        if (result.data && result.data.studyEvents.kind !== 'TRIAL_REPORTED') reloadRef.current();
      }),
    );
    return () => subscriptions.forEach((s) => s.unsubscribe());
  }, [client, liveKey]);

  useEffect(() => {
    const reload = () => reloadRef.current();
    const interval = setInterval(reload, POLL_MS);
    const onPageShow = (event: PageTransitionEvent) => event.persisted && reload();
    const onVisible = () => document.visibilityState === 'visible' && reload();
    window.addEventListener('pageshow', onPageShow);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(interval);
      window.removeEventListener('pageshow', onPageShow);
      document.removeEventListener('visibilitychange', onVisible);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, []);

  const demo = demoStudy(data.recentStudies);
  const projectId = newStudyProjectId(data.teams);
  return (
    <div className={styles.page}>
      <div className={styles.heading}>
        <h1>Welcome back, {userName}</h1>
        <div className={styles.actions}>
          {projectId ? (
            <Link className="button" href={hrefFor('projects', projectId, '/new-study')}>
              New study
            </Link>
          ) : (
            <Link className="button" href="/teams">
              Create a team
            </Link>
          )}
          {demo && (
            <Link className="button button-secondary" href={hrefFor('studies', demo.id)}>
              Open the demo
            </Link>
          )}
        </div>
      </div>
      {liveError && (
        <p role="alert" className="error-text">
          {liveError}
        </p>
      )}
      <StudiesPanel studies={data.recentStudies} />
      <div className={styles.grid}>
        <RunnersPanel teams={data.teams} />
        <FinishedTrialsPanel trials={data.recentTrials} />
      </div>
    </div>
  );
}
