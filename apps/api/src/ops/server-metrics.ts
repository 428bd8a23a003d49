import { Gauge, Registry } from 'prom-client';
import type { DbHandle } from '@tuneboard/db';

/** PENDING and RUNNING trials of running studies, per study: one grouped read at scrape time. */
const STUDY_TRIALS_SQL = `
  select t.study_id::text as study, t.state::text as state, count(*)::int as n
  from trial t join study s on s.id = t.study_id
  where s.status = 'RUNNING' and t.state in ('PENDING', 'RUNNING')
  group by 1, 2`;

/**
 * The gauges read from the database and the pools when Prometheus scrapes, for one database handle.
 * Per-study series carry only the study's id (a UUID: no name, project or team), for at most `maxStudies`
 * running studies (the busiest), so the label set stays bounded however many studies a deployment holds;
 * `tuneboard_trials` has the totals over every running study.
 */
export function serverMetrics(
  handle: Pick<DbHandle, 'query' | 'poolStats'>,
  maxStudies: number,
): { metrics(): Promise<string> } {
  const registry = new Registry();
  // One read feeds the gauges of a scrape (collected concurrently); each scrape reads afresh. A failed read (the
  // database down) leaves them out and sets tuneboard_database_up to 0: the process's own metrics are still served.
  type Row = { study: string; state: string; n: number };
  let read: Promise<Row[] | undefined> | undefined;
  const rows = () => (read ??= handle.query<Row>(STUDY_TRIALS_SQL).catch(() => undefined));
  new Gauge({
    name: 'tuneboard_db_pool_connections',
    help: 'Connections of each database pool: open (total), idle, callers waiting for one (waiting), and the pool size (max).',
    labelNames: ['pool', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const pool of handle.poolStats()) {
        for (const state of ['total', 'idle', 'waiting', 'max'] as const)
          this.set({ pool: pool.pool, state }, pool[state]);
      }
    },
  });
  new Gauge({
    name: 'tuneboard_study_trials',
    help: `PENDING and RUNNING trials per running study (label study: its id), for the ${maxStudies} busiest running studies.`,
    labelNames: ['study', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const perStudy = new Map<string, { PENDING: number; RUNNING: number }>();
      for (const row of (await rows()) ?? []) {
        const entry = perStudy.get(row.study) ?? { PENDING: 0, RUNNING: 0 };
        entry[row.state as 'PENDING' | 'RUNNING'] = row.n;
        perStudy.set(row.study, entry);
      }
      const load = (counts: { PENDING: number; RUNNING: number }) => counts.PENDING + counts.RUNNING;
      const busiest = [...perStudy].sort((a, b) => load(b[1]) - load(a[1]) || a[0].localeCompare(b[0]));
      for (const [study, counts] of busiest.slice(0, maxStudies)) {
        this.set({ study, state: 'PENDING' }, counts.PENDING);
        this.set({ study, state: 'RUNNING' }, counts.RUNNING);
      }
    },
  });
  new Gauge({
    name: 'tuneboard_trials',
    help: 'PENDING and RUNNING trials over every running study.',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const read = await rows();
      if (!read) return;
      const sum = { PENDING: 0, RUNNING: 0 };
      for (const row of read) sum[row.state as 'PENDING' | 'RUNNING'] += row.n;
      this.set({ state: 'PENDING' }, sum.PENDING);
      this.set({ state: 'RUNNING' }, sum.RUNNING);
    },
  });
  new Gauge({
    name: 'tuneboard_running_studies',
    help: 'Studies in state RUNNING that have a pending or running trial.',
    registers: [registry],
    async collect() {
      this.reset();
      const read = await rows();
      if (read) this.set(new Set(read.map((row) => row.study)).size);
    },
  });
  new Gauge({
    name: 'tuneboard_database_up',
    help: '1 when the scrape could read the trial counts from the database, else 0.',
    registers: [registry],
    async collect() {
      this.set((await rows()) ? 1 : 0);
    },
  });
  return {
    metrics() {
      read = undefined;
      return registry.metrics();
    },
  };
}
