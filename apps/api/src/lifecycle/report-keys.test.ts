import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { rawId } from '../ids.ts';
import { CLAIM, createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';
import { ReportTurns, reportMetrics, type StoredReport } from './report.ts';

const noEvents = { queueStudyEvent: () => undefined, queueAvailable: () => undefined };
const settings = { leaseSeconds: 60 };
/** A small key limit, so that each report below brings 8 new keys and two of them do not fit. */
const MAX_KEYS = 10;

describe('ReportTurns', () => {
  it('runs the reports of one trial one after another, those of other trials at once, and forgets a trial when its reports end', async () => {
    const turns = new ReportTurns();
    const log: string[] = [];
    const gates = new Map<string, () => void>();
    const report = (name: string, fail = false) => () => {
      log.push(`start ${name}`);
      return new Promise<string>((resolve, reject) => gates.set(name, () => (fail ? reject(new Error(name)) : resolve(name))));
    };
    const a1 = turns.run(1, report('a1', true));
    const a2 = turns.run(1, report('a2'));
    const b1 = turns.run(2, report('b1'));
    await Promise.resolve();
    expect(log).toEqual(['start a1', 'start b1']);
    expect(turns.size).toBe(2);
    gates.get('a1')!();
    await expect(a1).rejects.toThrow('a1');
    await new Promise((resolve) => setImmediate(resolve));
    // A report that failed does not stop the next one of its trial.
    expect(log).toEqual(['start a1', 'start b1', 'start a2']);
    gates.get('a2')!();
    gates.get('b1')!();
    expect(await Promise.all([a2, b1])).toEqual(['a2', 'b1']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(turns.size).toBe(0);
  });
});

/**
 * Postgres only: reports that overlap in time need connections of their own (PGlite has one session, where
 * statements never overlap). A transaction holds the trial row's lock while the reports begin, so every one of
 * them takes its snapshot before any of them stores a point.
 */
describe.each(testDatabases.filter((target) => target.name === 'postgres'))('the metric-key limit under reports at once [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Awaited<ReturnType<typeof setupTeam>>;
  let runnerId: string;
  let teamId: string;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'overlap');
    runnerId = await team.register('overlapper');
    teamId = rawId(team.teamId, 'Team')!;
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  /**
   * Holds trial `trialId`'s row lock until `count` statements wait for it, sends `reports` meanwhile, and answers
   * them with the distinct keys stored at the end.
   */
  const overlapping = async (trialId: number, count: number, reports: () => Promise<StoredReport | undefined>[]) => {
    let sent: Promise<StoredReport | undefined>[] = [];
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select id from trial where id = ${trialId} for update`);
      sent = reports();
      for (let waiting = 0; waiting < count; ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const [row] = await handle.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%with recursive renewed as%'`);
        waiting = Number(row!.n);
      }
    });
    const answers = await Promise.all(sent);
    const [row] = await handle.query<{ keys: number }>('select count(distinct key)::int as keys from metric where trial_id = $1', [trialId]);
    return { answers, keys: Number(row!.keys) };
  };

  const leasedTrial = async () => {
    const study = await createStudy(api, team, { budget: { maxTrials: 2, maxParallel: 1 } });
    const [lease] = (await api.gql(CLAIM, { i: { runnerId, studyId: study.id } }, team.runnerAuth)).trialClaim.leases;
    const trialId = Number(rawId(lease.trial.id, 'Trial'));
    const batch = (i: number) => {
      const keys = Array.from({ length: 8 }, (_, j) => `k${i}_${j}`);
      return { trialId, leaseToken: lease.leaseToken as string, teams: [teamId], keys, steps: keys.map(() => 0), values: keys.map(() => 1) };
    };
    const send = (turns: ReportTurns | undefined, i: number) => {
      const report = () => reportMetrics(handle.protocolDb, noEvents, settings, batch(i), MAX_KEYS);
      return turns ? turns.run(trialId, report) : report();
    };
    return { trialId, send };
  };

  it('holds a trial to the limit exactly on one server: its reports of one trial take turns, each counting what the last stored', async () => {
    const { trialId, send } = await leasedTrial();
    const turns = new ReportTurns();
    // One statement waits on the lock; the other reports wait for their turn on this server.
    const { answers, keys } = await overlapping(trialId, 1, () => [0, 1, 2, 3].map((i) => send(turns, i)));
    expect(answers.map((answer) => answer!.accepted)).toEqual([8, 0, 0, 0]);
    expect(answers.slice(1).map((answer) => answer!.keyLimit)).toEqual(Array(3).fill({ held: 8, added: 8, limit: MAX_KEYS }));
    expect(keys).toBe(8);
  });

  it('lets r servers reporting one trial at the same instant pass the limit by at most (r − 1) reports, as documented', async () => {
    const { trialId, send } = await leasedTrial();
    const servers = [new ReportTurns(), new ReportTurns()];
    // Each server's first report waits on the lock with a snapshot that holds no key: both fit in the same room.
    const { answers, keys } = await overlapping(trialId, 2, () => [0, 1, 2, 3].map((i) => send(servers[i % 2], i)));
    expect(answers.map((answer) => answer!.accepted)).toEqual([8, 8, 0, 0]);
    expect(keys).toBe(16);
    expect(keys).toBeLessThanOrEqual(MAX_KEYS + (servers.length - 1) * 8);
  });
});
