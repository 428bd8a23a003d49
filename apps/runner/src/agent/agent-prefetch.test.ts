// The runner against the real API: leases claimed ahead of time, held, and given back.
import { describe, expect, it } from 'vitest';
import { testDatabases } from '@tuneboard/db/testing';
import { fakeTraining, runnerFixture, until } from './agent-fixture.ts';

describe.each(testDatabases)('the runner claiming ahead [$name]', (target) => {
  const h = runnerFixture(target);
  const { startAgent, trials, finished, trainingStudy } = h;

  it('claims the next trial while the current one ends, one slot never holding more than two leases', async () => {
    const { id } = await trainingStudy(`ahead-${Date.now()}`, 10, { maxTrials: 4, maxParallel: 2 });
    const active = { now: 0, max: 0 };
    // Any ETA counts as "about to end": the next trial is claimed at the first epoch of each one.
    const agent = await startAgent(id, h.api.server.url, [], 1, { runObjective: fakeTraining(40, active), prefetchLeadMs: 3_600_000 });
    const nodes = await finished(id, 4);
    expect(nodes.map((t) => t.state)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE']);
    // A lease was claimed ahead (two held), never more than slots + 1, and the slot trained one trial at a time.
    expect(agent.maxLeasesHeld).toBe(2);
    expect(active.max).toBe(1);
    // The API can count the fourth COMPLETE before the runner has read the reply to its trialComplete.
    await until('the runner to record four outcomes', async () => (agent.outcomes.length >= 4 ? true : undefined));
    expect(agent.outcomes.map((o) => o.outcome.kind)).toEqual(['finished', 'finished', 'finished', 'finished']);
    await agent.stop();
  }, 90_000);

  it('claims ahead for every trial, also when the next one is sampled only after the current one started', async () => {
    // maxParallel 2 on one slot: trial 2 is pending when trial 1 is about to end, but trial 3 is sampled only
    // once trial 1 completes, after trial 2 has started and said it is about to end. The runner asks again
    // (when trial 1's end is acknowledged, or on the top-up's "trials available" event), so trials 2, 3 and 4
    // all wait claimed for the slot: none starts after an idle claim round trip.
    const { id } = await trainingStudy(`ahead-every-${Date.now()}`, 40, { maxTrials: 4, maxParallel: 2 });
    const agent = await startAgent(id, h.api.server.url, [], 1, { runObjective: fakeTraining(50), prefetchLeadMs: 3_600_000 });
    const nodes = await finished(id, 4);
    expect(nodes.map((t) => t.state)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE']);
    expect(agent.claimedAhead).toBe(3);
    expect(agent.maxLeasesHeld).toBe(2);
    await agent.stop();
  }, 90_000);

  it('gives a lease claimed ahead back to the queue on shutdown, with the running trial', async () => {
    const { id } = await trainingStudy(`ahead-stop-${Date.now()}`, 1_000, { maxTrials: 4, maxParallel: 2 });
    const agent = await startAgent(id, h.api.server.url, [], 1, { runObjective: fakeTraining(50), prefetchLeadMs: 3_600_000 });
    await until('a lease claimed ahead', async () => ((await trials(id)).counts.running === 2 ? true : undefined));
    await agent.stop();
    const row = await trials(id);
    expect(row.counts).toMatchObject({ running: 0, pending: 2 });
    expect(row.trials.nodes.every((t) => t.state === 'PENDING' && t.attempt === 1)).toBe(true);
  }, 90_000);

  it('releases a lease claimed ahead that waited longer than its hold', async () => {
    const { id } = await trainingStudy(`ahead-hold-${Date.now()}`, 1_000, { maxTrials: 4, maxParallel: 2 });
    const lines: string[] = [];
    const agent = await startAgent(id, h.api.server.url, lines, 1, {
      runObjective: fakeTraining(50),
      prefetchLeadMs: 3_600_000,
      prefetchHoldMs: 300,
    });
    await until('the held lease given back', async () => (lines.some((line) => line.includes('claimed ahead waited')) ? true : undefined));
    const row = await trials(id);
    expect(row.counts).toMatchObject({ running: 1, pending: 1 });
    expect(agent.runningTrials).toBe(1);
    await agent.stop();
  }, 90_000);

});
