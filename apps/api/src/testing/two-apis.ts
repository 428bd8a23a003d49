import { afterAll, beforeAll } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import type { TestDatabaseTarget } from '@tuneboard/db/testing';
import { setupTeam, startTestApi, type TestApi } from './harness.ts';

type TestEnv = Parameters<typeof startTestApi>[1];

/** What {@link useTwoApis} starts: the database, its two API processes and a team. */
export interface TwoApis {
  handle: DbHandle;
  api: TestApi;
  /** The same database behind a second API process whose leases are short, so lost trials come back quickly. */
  shortLeases: TestApi;
  team: Awaited<ReturnType<typeof setupTeam>>;
}

/**
 * Called in a `describe` block of the lifecycle tests: before its tests, a fresh database of `target` behind two
 * API processes (`api` with `env`, `shortLeases` with `env` and `shortEnv`) and a team named `teamName`, handed to
 * `started`; after them, both processes and the database closed.
 */
export function useTwoApis(
  target: TestDatabaseTarget,
  setup: { teamName: string; env?: TestEnv; shortEnv: TestEnv },
  started: (running: TwoApis) => void,
): void {
  let running: Partial<TwoApis> = {};
  beforeAll(async () => {
    const handle = await target.create();
    running = { handle };
    const api = (running.api = await startTestApi(handle, setup.env));
    const shortLeases = (running.shortLeases = await startTestApi(handle, {
      ...setup.env,
      ...setup.shortEnv,
    }));
    const team = await setupTeam(api, setup.teamName);
    started({ handle, api, shortLeases, team });
  });
  afterAll(async () => {
    await running.api?.close();
    await running.shortLeases?.close();
    await running.handle?.close();
  });
}
