// `Study.exportJsonl`: a study's trials as JSON lines, page by page, with whole curves and bounded pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metric, trial, type DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { rawId } from './ids.ts';
import { exportPage, jsonNumber } from './resolvers/export.ts';
import { createStudy, setupTeam, startTestApi, type TestApi } from './testing/harness.ts';

const PAGE = `query($id: ID!, $first: Int, $after: String) { study(id: $id) { exportJsonl(first: $first, after: $after) { lines endCursor hasNextPage } } }`;

describe('jsonNumber', () => {
  it('writes finite numbers as numbers, and NaN, ±Infinity and −0 as the strings MetricValue uses', () => {
    expect([1.5, 0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map(jsonNumber)).toEqual([1.5, 0, '-0', 'NaN', 'Infinity', '-Infinity']);
  });
});

describe.each(testDatabases)('exporting a study as JSON lines [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Awaited<ReturnType<typeof setupTeam>>;
  let studyId: string;
  let rowId: string;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'export');
    studyId = (
      await createStudy(api, team, {
        objective: { kind: 'client' },
        budget: { maxTrials: 1, maxParallel: 1 },
      })
    ).id;
    rowId = rawId(studyId, 'Study')!;
    // Trial 0 was queued by the study; 1 to 4 are written here with every state and non-finite numbers.
    const start = new Date('2026-01-02T03:04:05.000Z');
    const rows = await handle.db
      .insert(trial)
      .values([
        {
          studyId: rowId,
          number: 1,
          params: { lr: 0.01, layers: 2 },
          state: 'COMPLETE',
          values: [0.25],
          startedAt: start,
          finishedAt: new Date(start.getTime() + 1500),
          tags: ['best'],
          note: 'kept',
        },
        { studyId: rowId, number: 2, params: { lr: 0.1, layers: 1 }, state: 'PRUNED', values: null },
        {
          studyId: rowId,
          number: 3,
          params: { lr: 0.001, layers: 4 },
          state: 'COMPLETE',
          values: [Number.POSITIVE_INFINITY],
        },
        { studyId: rowId, number: 4, params: { lr: 0.05, layers: 3 }, state: 'FAIL', error: 'diverged' },
      ])
      .returning({ id: trial.id, number: trial.number });
    const byNumber = new Map(rows.map((r) => [r.number, r.id]));
    await handle.db.insert(metric).values([
      ...[0.9, 0.5, 0.25].map((value, step) => ({
        trialId: byNumber.get(1)!,
        attempt: 0,
        key: 'val_loss',
        step,
        value,
      })),
      ...[0.1, 0.2].map((value, step) => ({
        trialId: byNumber.get(1)!,
        attempt: 0,
        key: 'acc',
        step,
        value,
      })),
      { trialId: byNumber.get(2)!, attempt: 0, key: 'val_loss', step: 0, value: Number.NaN },
      // An older attempt's point is not part of the current curve.
      { trialId: byNumber.get(2)!, attempt: 1, key: 'val_loss', step: 5, value: 1 },
    ]);
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('pages through every trial with its params, values, state and whole curves', async () => {
    const lines: string[] = [];
    let after: string | null | undefined;
    let pages = 0;
    do {
      const page: { lines: string[]; endCursor: string | null; hasNextPage: boolean } = (
        (await api.gql(PAGE, { id: studyId, first: 2, after }, team.user)) as {
          study: { exportJsonl: { lines: string[]; endCursor: string | null; hasNextPage: boolean } };
        }
      ).study.exportJsonl;
      lines.push(...page.lines);
      after = page.endCursor;
      expect(page.hasNextPage).toBe(after !== null);
      pages += 1;
    } while (after !== null);
    expect(pages).toBe(3);
    const trials = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(trials.map((t) => [t.number, t.state])).toEqual([
      [0, 'PENDING'],
      [1, 'COMPLETE'],
      [2, 'PRUNED'],
      [3, 'COMPLETE'],
      [4, 'FAIL'],
    ]);
    expect(trials[1]).toEqual({
      number: 1,
      state: 'COMPLETE',
      params: { lr: 0.01, layers: 2 },
      values: [0.25],
      constraints: null,
      origin: 'SAMPLER',
      attempt: 0,
      error: null,
      startedAt: '2026-01-02T03:04:05.000Z',
      finishedAt: '2026-01-02T03:04:06.500Z',
      tags: ['best'],
      note: 'kept',
      curves: {
        acc: [
          [0, 0.1],
          [1, 0.2],
        ],
        val_loss: [
          [0, 0.9],
          [1, 0.5],
          [2, 0.25],
        ],
      },
    });
    expect(trials[2]).toMatchObject({ values: null, curves: { val_loss: [[0, 'NaN']] } });
    expect(trials[3]).toMatchObject({ values: ['Infinity'], curves: {} });
    expect(trials[4]).toMatchObject({ error: 'diverged', values: null });
  });

  it('ends a page before a trial whose points pass the page limit, and cuts a trial alone over it', async () => {
    // The same function as the resolver, with a limit of 4 points a page: trial 1 has 5 points, trial 2 one.
    const first = await exportPage(handle.db, rowId, 1, 10, 4);
    expect(first.lines.map((line) => JSON.parse(line))).toMatchObject([
      {
        number: 1,
        curvesTruncated: true,
        curves: {
          acc: [
            [0, 0.1],
            [1, 0.2],
          ],
          val_loss: [
            [0, 0.9],
            [1, 0.5],
          ],
        },
      },
    ]);
    expect(first.hasNextPage).toBe(true);
    const both = await exportPage(handle.db, rowId, 2, 10, 4);
    expect(both.lines.map((line) => JSON.parse(line).number)).toEqual([2, 3, 4]);
    expect(both.lines.some((line) => line.includes('curvesTruncated'))).toBe(false);
    expect(both).toMatchObject({ hasNextPage: false, endCursor: null });
    const split = await exportPage(handle.db, rowId, 0, 10, 5);
    // Trial 0 has no points, trial 1 fills the page's five: trial 2's one point starts the next page.
    expect(split.lines.map((line) => JSON.parse(line).number)).toEqual([0, 1]);
    expect(split.hasNextPage).toBe(true);
  });

  it('refuses pages over 200 trials and cursors it did not hand out, naming the argument', async () => {
    const big = await api.post(PAGE, { id: studyId, first: 201 }, team.user);
    expect(big.errors?.[0]).toMatchObject({
      message: 'exportJsonl(first:) must be between 1 and 200, got 201',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const cursor = await api.post(PAGE, { id: studyId, after: 'nonsense' }, team.user);
    expect(cursor.errors?.[0]?.message).toMatch(/^exportJsonl\(after:\) is not a cursor of this connection/);
  });
});
