import { eq } from 'drizzle-orm';
import { study, type DbHandle } from '@tuneboard/db';
import type { Logger } from 'pino';
import type { EventQueue } from '../events.ts';
import { failStudyOnFailures } from './failures.ts';
import { reapExpiredLeases } from './reap.ts';
import type { Scheduler } from './scheduler.ts';

/** Every this many ticks, every running study is topped up and the other sweeps run. */
export const SWEEP_EVERY = 6;
/** Every this many ticks, the embedded database is vacuumed and analyzed (`DbHandle.maintain`). */
export const MAINTAIN_EVERY = 60;

export interface ReaperOptions {
  handle: DbHandle;
  events: EventQueue;
  scheduler: Scheduler;
  log: Logger;
  /** Milliseconds between ticks (`REAPER_INTERVAL_MS`). */
  intervalMs: number;
  /** A study stops as FAILED after this many failed trials in a row (`TUNEBOARD_MAX_CONSECUTIVE_FAILURES`). */
  maxConsecutiveFailures: number;
  /** Other housekeeping of the server, run on every sweep tick (expired sessions, old sign-in counts). */
  sweeps?: readonly (() => Promise<unknown>)[];
}

export interface Reaper {
  /** Runs one tick now (what the timer does); resolves when it is done. A tick already running is not doubled. */
  tick(): Promise<void>;
  /** Stops the timer and waits for a tick in flight. */
  stop(): Promise<void>;
}

/**
 * The queue's housekeeping, one tick every `intervalMs`: expired leases go back to the queue (or fail after the
 * study's attempts), the studies they touched are checked for a run of failures and topped up. Every
 * SWEEP_EVERY ticks every running study is topped up too, so a top-up that failed (or ran on a replica that
 * died) is redone, and the other sweeps run. Every MAINTAIN_EVERY ticks an embedded database is vacuumed and
 * analyzed (`DbHandle.maintain`: autovacuum's job, which nobody does in PGlite; a no-op on Postgres). Ticks
 * never overlap; a failed one is logged and the next one tries again.
 */
export function startReaper(options: ReaperOptions): Reaper {
  const { handle, events, scheduler, log } = options;
  let ticks = 0;
  let running: Promise<void> | undefined;

  const sweep = async (tick: number) => {
    // The queue's housekeeping is the runner protocol's: on its pool, never queued behind dashboard reads.
    const db = handle.protocolDb;
    const reaped = await reapExpiredLeases(db, events);
    const touched = new Set(reaped.studies);
    for (const { studyId, teamId } of reaped.failed) {
      await failStudyOnFailures(db, events, { studyId, teamId, limit: options.maxConsecutiveFailures }).catch((error: unknown) =>
        log.warn({ err: error, studyId }, 'the consecutive-failure check failed'),
      );
    }
    if (tick % SWEEP_EVERY === 0) {
      const runningStudies = await db.select({ id: study.id }).from(study).where(eq(study.status, 'RUNNING'));
      for (const row of runningStudies) touched.add(row.id);
      for (const other of options.sweeps ?? []) await other();
    }
    if (tick % MAINTAIN_EVERY === 0) {
      await handle.maintain().catch((error: unknown) => log.warn({ err: error }, 'database housekeeping (VACUUM, ANALYZE) failed'));
    }
    for (const id of touched) {
      await scheduler.topUp(db, events, id).catch((error: unknown) => log.warn({ err: error, studyId: id }, 'top-up failed'));
    }
  };

  const tick = (): Promise<void> => {
    if (running) return running;
    ticks += 1;
    running = sweep(ticks)
      .catch((error: unknown) => log.warn({ err: error }, 'lease reaper failed; will retry'))
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
