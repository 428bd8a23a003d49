import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditServer } from 'graphql-http';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { startTestApi, type TestApi } from '../testing/harness.ts';

/** The GraphQL-over-HTTP conformance audit keeps passing with the shared pipeline (issue #15). */
describe('graphql-http audit [pglite]', () => {
  let handle: DbHandle;
  let api: TestApi;
  beforeAll(async () => {
    handle = await testDatabases[0]!.create();
    api = await startTestApi(handle, { NODE_ENV: 'development' });
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('reports no errors against the API in development mode', async () => {
    const results = await auditServer({ url: api.server.url });
    expect(results.length).toBeGreaterThan(10);
    const errors = results.filter((result) => result.status === 'error').map((result) => `${result.id} ${result.name}: ${"reason" in result ? result.reason : ""}`);
    expect(errors).toEqual([]);
  });
});
