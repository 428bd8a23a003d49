import type { DbHandle } from '@tuneboard/db';
import type { Logger } from 'pino';
import type { ApiEnv } from '../env.ts';
import type { EventQueue } from '../events.ts';
import { startReaper, type Reaper } from './reaper.ts';
import { ReportTurns } from './report.ts';
import { RunnerTeams } from './runner-teams.ts';
import { defaultSamplerWorkers, SamplerPool } from './sampler-pool.ts';
import { Scheduler } from './scheduler.ts';

export interface LifecycleOptions {
  handle: DbHandle;
  events: EventQueue;
  env: Pick<ApiEnv, 'REAPER_INTERVAL_MS' | 'TUNEBOARD_MAX_CONSECUTIVE_FAILURES' | 'TUNEBOARD_SAMPLER_WORKERS'>;
  log: Logger;
  /** The server's other housekeeping, run on the reaper's sweep ticks (./reaper.ts). */
  sweeps?: readonly (() => Promise<unknown>)[];
}

/**
 * The trial lifecycle's long-lived parts of one API server, made in one place and closed together: the
 * scheduler (top-ups, with its sampler pool and the studies' parsed plans), the claim's runner → team cache, the
 * reports' turns per trial (./report.ts: the metric-key limit), and the lease reaper with the sweeps. Nothing of it is a process global, so two servers in one process (tests,
 * replicas) share no state but the database.
 */
export interface Lifecycle {
  scheduler: Scheduler;
  runnerTeams: RunnerTeams;
  reportTurns: ReportTurns;
  reaper: Reaper;
  /** Stops the reaper (waiting for its tick in flight), then ends the sampler threads and forgets the caches. */
  close(): Promise<void>;
}

export function createLifecycle({ handle, events, env, log, sweeps }: LifecycleOptions): Lifecycle {
  // The samplers' asks run in this many worker threads (0: inline); see ./sampler-pool.ts.
  const scheduler = new Scheduler(new SamplerPool(env.TUNEBOARD_SAMPLER_WORKERS ?? defaultSamplerWorkers()));
  const runnerTeams = new RunnerTeams();
  const reportTurns = new ReportTurns();
  const reaper = startReaper({
    handle,
    events,
    scheduler,
    log,
    intervalMs: env.REAPER_INTERVAL_MS,
    maxConsecutiveFailures: env.TUNEBOARD_MAX_CONSECUTIVE_FAILURES,
    sweeps,
  });
  return {
    scheduler,
    runnerTeams,
    reportTurns,
    reaper,
    async close() {
      await reaper.stop();
      runnerTeams.clear();
      await scheduler.close();
    },
  };
}
