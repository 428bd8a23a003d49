import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import {
  CLAIM,
  COMPLETE,
  createStudy,
  setupTeam,
  startTestApi,
  type Auth,
  type GraphQLResult,
  type TestApi,
} from '../testing/harness.ts';

/**
 * Issue #23: the home page's reads across the caller's teams (`viewer.recentStudies`, `viewer.recentTrials`,
 * `Study.bestSoFar`) show only the caller's teams, whoever asks (session or API token), and refuse oversized
 * lists with BAD_USER_INPUT naming the argument and the value.
 */

const HOME = `query($studies: Int, $trials: Int, $points: Int) { viewer {
  recentStudies(first: $studies) { id name status createdByName project { team { id } } bestSoFar(maxPoints: $points) { trialNumber value } }
  recentTrials(first: $trials) { id number state values study { id } } } }`;

type Team = Awaited<ReturnType<typeof setupTeam>>;

/** Claims every pending trial of the study and completes them with `values`, in trial-number order. */
async function completeWith(api: TestApi, team: Team, studyId: string, values: number[]) {
  const runnerId = await team.register(`runner-${Math.random().toString(36).slice(2, 8)}`);
  const { trialClaim } = await api.gql(
    CLAIM,
    { i: { runnerId, studyId, limit: values.length } },
    team.runnerAuth,
  );
  const leases = [...trialClaim.leases].sort((a, b) => a.trial.number - b.trial.number);
  expect(leases).toHaveLength(values.length);
  for (const [i, lease] of leases.entries()) {
    await api.gql(
      COMPLETE,
      { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [values[i]] } },
      team.runnerAuth,
    );
  }
}

function refusal(result: GraphQLResult) {
  expect(result.data?.viewer ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  return { code: result.errors![0]!.extensions?.code, message: result.errors![0]!.message };
}

describe.each(testDatabases)('abuse: the home page across teams [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let alice: Team;
  let mallory: Team;
  let aliceStudy: string;
  let malloryStudy: string;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    alice = await setupTeam(api, 'alice');
    mallory = await setupTeam(api, 'mallory');
    aliceStudy = (await createStudy(api, alice, { budget: { maxTrials: 5, maxParallel: 5 } })).id;
    malloryStudy = (await createStudy(api, mallory, { budget: { maxTrials: 3, maxParallel: 3 } })).id;
    // Minimising: 5, 7, 3, 4, 1 improves at trials 0, 2 and 4.
    await completeWith(api, alice, aliceStudy, [5, 7, 3, 4, 1]);
    await completeWith(api, mallory, malloryStudy, [9, 8, 7]);
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  async function home(auth: Auth, variables: Record<string, number> = {}) {
    return (await api.gql(HOME, variables, auth)).viewer as {
      recentStudies: {
        id: string;
        name: string;
        createdByName: string | null;
        project: { team: { id: string } };
        bestSoFar: { trialNumber: number; value: number }[];
      }[];
      recentTrials: { id: string; number: number; state: string; values: number[]; study: { id: string } }[];
    };
  }

  it("never lists another team's studies or trials, for a session or an API token", async () => {
    for (const [team, own, other] of [
      [alice, aliceStudy, malloryStudy],
      [mallory, malloryStudy, aliceStudy],
    ] as const) {
      for (const auth of [team.user, team.runnerAuth]) {
        const viewer = await home(auth, { studies: 50, trials: 50 });
        expect(viewer.recentStudies.map((s) => s.id)).toEqual([own]);
        expect(viewer.recentStudies.every((s) => s.project.team.id === team.teamId)).toBe(true);
        expect(new Set(viewer.recentTrials.map((t) => t.study.id))).toEqual(new Set([own]));
        expect(JSON.stringify(viewer)).not.toContain(other);
      }
    }
  });

  it('answers the best value so far at each improvement, who created the study, and the newest finished trials first', async () => {
    const viewer = await home(alice.user, { trials: 2 });
    const [study] = viewer.recentStudies;
    expect(study!.createdByName).toBe('alice');
    expect(study!.bestSoFar).toEqual([
      { trialNumber: 0, value: 5 },
      { trialNumber: 2, value: 3 },
      { trialNumber: 4, value: 1 },
    ]);
    expect(viewer.recentTrials.map((t) => t.number)).toEqual([4, 3]);
    expect(
      (await home(alice.user, { points: 2 })).recentStudies[0]!.bestSoFar.map((p) => p.trialNumber),
    ).toEqual([2, 4]);
  });

  it('refuses recentStudies(first: 51), recentTrials(first: 1000) and bestSoFar(maxPoints: 501) naming the argument and value', async () => {
    expect(refusal(await api.post(HOME, { studies: 51 }, alice.user))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'recentStudies(first:) must be between 0 and 50, got 51',
    });
    expect(refusal(await api.post(HOME, { trials: 1000 }, alice.user))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'recentTrials(first:) must be between 0 and 50, got 1000',
    });
    expect(refusal(await api.post(HOME, { points: 501 }, alice.user)).message).toBe(
      'bestSoFar(maxPoints:) must be between 0 and 500, got 501',
    );
    expect(refusal(await api.post(HOME, { studies: -1 }, alice.user)).code).toBe('BAD_USER_INPUT');
  });

  it('answers no viewer to an anonymous caller', async () => {
    expect((await api.gql(HOME, {}, undefined)).viewer).toBeNull();
  });
});
