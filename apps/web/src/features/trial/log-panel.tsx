'use client';

import { useEffect, useRef } from 'react';
import { Panel } from '@/components/panel';
import { hrefFor } from '@/lib/route-id';
import { useLiveLog } from './use-live-log.ts';
import styles from './trial.module.css';

/** The trial's log, following the runner while the trial runs; the whole kept log downloads as text. */
export function LogPanel({ trialId, version }: { trialId: string; version: number }) {
  const { lines, truncated, error } = useLiveLog(trialId, version);
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);

  // Stay at the bottom while the reader is there; leave them where they scrolled to otherwise.
  useEffect(() => {
    const node = scroller.current;
    if (node && pinned.current) node.scrollTop = node.scrollHeight;
  }, [lines]);

  return (
    <Panel
      title="Log"
      minHeight={120}
      actions={
        <a className="button button-secondary" href={hrefFor('trials', trialId, '/log')} download>
          Download log
        </a>
      }
    >
      {truncated && <p className="muted">Older lines are not shown here; the download has the last 1 MiB the API keeps.</p>}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {lines.length === 0 ? (
        <p className="muted">No log lines yet.</p>
      ) : (
        <div
          ref={scroller}
          className={styles.log}
          data-testid="trial-log"
          data-line-count={lines.length}
          tabIndex={0}
          onScroll={(e) => {
            const node = e.currentTarget;
            pinned.current = node.scrollHeight - node.scrollTop - node.clientHeight < 24;
          }}
        >
          {lines.map((line) => (
            <div key={line.offset} className={line.stream === 'STDERR' ? styles.stderr : undefined}>
              <span className={styles.logMeta}>
                {line.attempt > 0 ? `#${line.attempt} ` : ''}
                {line.stream === 'RUNNER' ? 'runner' : line.stream.toLowerCase()}
              </span>{' '}
              {line.text}
            </div>
          ))}
        </div>
      )}
    </Panel>
  );
}
