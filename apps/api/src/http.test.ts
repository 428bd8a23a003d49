import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@tuneboard/db';
import { startTestApi, type TestApi } from './testing/harness.ts';

describe('GraphQL over HTTP [pglite]', () => {
  let handle: DbHandle;
  let api: TestApi;
  let production: TestApi;
  beforeAll(async () => {
    handle = await createDb({ dataDir: 'memory://' });
    await handle.migrate();
    api = await startTestApi(handle);
    production = await startTestApi(handle, { NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await api.close();
    await production.close();
    await handle.close();
  });

  it('answers a query sent with GET, and refuses a mutation sent with GET', async () => {
    const query = new URL(api.server.url);
    query.searchParams.set('query', '{ viewer { teams { id } } }');
    const ok = await fetch(query, { headers: { 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/application\/(graphql-response\+)?json/);
    expect(await ok.json()).toEqual({ data: { viewer: null } });

    const mutation = new URL(api.server.url);
    mutation.searchParams.set('query', 'mutation { signOut { signedOut } }');
    const refused = await fetch(mutation, { headers: { 'apollo-require-preflight': 'true' } });
    expect(refused.status).toBe(405);
  });

  it('refuses a GET without a preflight header (CSRF prevention)', async () => {
    const query = new URL(api.server.url);
    query.searchParams.set('query', '{ viewer { teams { id } } }');
    const response = await fetch(query);
    expect(response.status).toBe(400);
  });

  it('answers a syntax error with 400 and a body over the cap with 413', async () => {
    const bad = await fetch(api.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { ' }),
    });
    expect(bad.status).toBe(400);
    const huge = await fetch(api.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { teams { id } } }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } }),
    });
    expect(huge.status).toBe(413);
  });

  it('turns introspection off and hides field suggestions in production', async () => {
    expect((await api.post('{ __schema { queryType { name } } }')).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    const result = await production.post('{ __schema { queryType { name } } }');
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
  });
});

describe('the API process', () => {
  it('stops on SIGTERM: finishes, closes the database and exits 0', async () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: { PORT: '0', TUNEBOARD_DATA_DIR: 'memory://', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    await expect.poll(() => /"url":"([^"]+)"/.exec(output)?.[1], { timeout: 60_000 }).toBeDefined();
    const url = /"url":"([^"]+)"/.exec(output)![1]!;
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { teams { id } } }' }),
    });
    expect(answer.status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  });
});
