import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { pino } from 'pino';
import { rawId } from '../ids.ts';
import { CLAIM, REPORT, createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';
import { startMetricsServer, type MetricsServer } from './metrics-server.ts';
import { readiness } from './readiness.ts';

/** The value of one series of a Prometheus text exposition (0 when absent). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe.each(testDatabases)('health, readiness and metrics [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let metrics: MetricsServer;
  const token = 'scrape-token-0123456789';
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    metrics = await startMetricsServer(handle, {
      port: 0,
      host: '127.0.0.1',
      token,
      maxStudies: 1,
      log: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await metrics.close();
    await api.close();
    await handle.close();
  });
  const base = () => api.server.url.replace(/\/graphql$/, '');
  const scrape = (auth = `Bearer ${token}`) => fetch(metrics.url, { headers: { authorization: auth } });

  it('answers /healthz and /readyz on the API port, and /readyz says 503 while a migration is missing', async () => {
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });

    const [last] = await handle.query<{ id: number; hash: string; created_at: string }>(
      'select id, hash, created_at from drizzle.__drizzle_migrations order by id desc limit 1',
    );
    await handle.query('delete from drizzle.__drizzle_migrations where id = $1', [last!.id]);
    try {
      const missing = await fetch(`${base()}/readyz`);
      expect(missing.status).toBe(503);
      expect(await missing.json()).toEqual({ ready: false, reason: '1 migration(s) not applied' });
    } finally {
      await handle.query(
        'insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)',
        [last!.id, last!.hash, last!.created_at],
      );
    }
    expect((await fetch(`${base()}/readyz`)).status).toBe(200);
  });

  it('is not ready when the database does not answer or fails', async () => {
    const hangs = { pendingMigrations: () => new Promise<string[]>(() => {}) };
    expect(await readiness(hangs, 50)).toEqual({
      ready: false,
      reason: 'the database did not answer within 50 ms',
    });
    const fails = {
      pendingMigrations: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432 user=tuneboard')),
    };
    expect(await readiness(fails)).toEqual({ ready: false, reason: 'the database is unreachable' });
  });

  it('serves no /metrics on the public API port', async () => {
    expect((await fetch(`${base()}/metrics`)).status).toBe(404);
  });

  it('asks for the bearer token on the metrics port', async () => {
    expect((await fetch(metrics.url)).status).toBe(401);
    expect((await scrape('Bearer wrong-token-0123456789')).status).toBe(401);
    expect((await scrape()).status).toBe(200);
    expect(
      (
        await fetch(metrics.url.replace('/metrics', '/other'), {
          headers: { authorization: `Bearer ${token}` },
        })
      ).status,
    ).toBe(404);
  });

  it('counts claims, reports and points, and gauges trials per running study by id only, for the busiest studies', async () => {
    const before = await (await scrape()).text();
    const team = await setupTeam(api, 'metrics');
    const runnerId = await team.register('metrics-runner');
    const quiet = await createStudy(api, team, {
      name: 'quiet-secret-study',
      budget: { maxTrials: 4, maxParallel: 1 },
    });
    const busy = await createStudy(api, team, {
      name: 'busy-secret-study',
      budget: { maxTrials: 6, maxParallel: 3 },
    });
    const { trialClaim } = await api.gql(
      CLAIM,
      { i: { runnerId, studyId: busy.id, limit: 2 } },
      team.runnerAuth,
    );
    expect(trialClaim.leases).toHaveLength(2);
    const lease = trialClaim.leases[0];
    const points = [0, 1, 2].map((step) => ({ key: 'val_loss', step, value: 1 / (step + 1) }));
    const { trialReport } = await api.gql(
      REPORT,
      { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, points } },
      team.runnerAuth,
    );
    expect(trialReport.accepted).toBe(3);

    const after = await (await scrape()).text();
    expect(
      sample(after, 'tuneboard_trials_claimed_total') - sample(before, 'tuneboard_trials_claimed_total'),
    ).toBe(2);
    expect(
      sample(after, 'tuneboard_trial_reports_total') - sample(before, 'tuneboard_trial_reports_total'),
    ).toBe(1);
    expect(
      sample(after, 'tuneboard_metric_points_total') - sample(before, 'tuneboard_metric_points_total'),
    ).toBe(3);
    expect(sample(after, 'tuneboard_claim_duration_seconds_count')).toBeGreaterThan(
      sample(before, 'tuneboard_claim_duration_seconds_count'),
    );
    const busyId = rawId(busy.id, 'Study')!;
    const quietId = rawId(quiet.id, 'Study')!;
    // maxStudies 1: only the busier study has series of its own; the totals count both.
    expect(sample(after, `tuneboard_study_trials{study="${busyId}",state="RUNNING"}`)).toBe(2);
    expect(sample(after, `tuneboard_study_trials{study="${busyId}",state="PENDING"}`)).toBe(1);
    expect(after).not.toContain(quietId);
    expect(sample(after, 'tuneboard_trials{state="RUNNING"}')).toBe(2);
    expect(sample(after, 'tuneboard_trials{state="PENDING"}')).toBe(2);
    expect(after).not.toContain('secret-study');
    expect(after).toContain('nodejs_eventloop_lag_seconds');
    expect(sample(after, 'tuneboard_database_up')).toBe(1);
  });

  it('counts expired leases as they are taken back', async () => {
    const shortLeases = await startTestApi(handle, { LEASE_SECONDS: '1' });
    try {
      const before = sample(
        await (await scrape()).text(),
        'tuneboard_lease_expiries_total{outcome="requeued"}',
      );
      const team = await setupTeam(shortLeases, 'expiry');
      const runnerId = await team.register('expiry-runner');
      const study = await createStudy(shortLeases, team, { budget: { maxTrials: 2, maxParallel: 1 } });
      const { trialClaim } = await shortLeases.gql(
        CLAIM,
        { i: { runnerId, studyId: study.id, limit: 1 } },
        team.runnerAuth,
      );
      expect(trialClaim.leases).toHaveLength(1);
      await expect
        .poll(
          async () =>
            sample(await (await scrape()).text(), 'tuneboard_lease_expiries_total{outcome="requeued"}'),
          { timeout: 10_000, interval: 200 },
        )
        .toBeGreaterThanOrEqual(before + 1);
    } finally {
      await shortLeases.close();
    }
  });
});

const postgres = testDatabases.find((target) => target.name === 'postgres');
if (postgres) {
  describe('pool metrics [postgres]', () => {
    it('reports the connections of each pool of a Postgres handle', async () => {
      const empty = await postgres.createEmpty();
      const handle = await createDb({ url: empty.url, poolSize: 3 });
      try {
        await handle.query('select 1');
        const server = await startMetricsServer(handle, {
          port: 0,
          host: '127.0.0.1',
          maxStudies: 5,
          log: pino({ level: 'silent' }),
        });
        try {
          const text = await (await fetch(server.url)).text();
          expect(sample(text, 'tuneboard_db_pool_connections{pool="reads",state="max"}')).toBe(3);
          expect(
            sample(text, 'tuneboard_db_pool_connections{pool="reads",state="total"}'),
          ).toBeGreaterThanOrEqual(1);
          expect(text).toContain('tuneboard_db_pool_connections{pool="protocol",state="max"}');
          // Not migrated: the trial counts cannot be read; the rest is still served.
          expect(sample(text, 'tuneboard_database_up')).toBe(0);
        } finally {
          await server.close();
        }
      } finally {
        await handle.close();
        await empty.drop();
      }
    });
  });
}
