import { describe, expect, it } from 'vitest';
import { createDb } from './create-db.ts';
import { testDatabases } from './testing/index.ts';

describe.each(testDatabases)('LISTEN/NOTIFY [$name]', (target) => {
  it('delivers a payload to a listener and stops after unlisten', async () => {
    const handle = await target.create();
    try {
      const received: string[] = [];
      const stop = await handle.listen('tb_events', (payload) => received.push(payload));
      await handle.notify('tb_events', '{"n":1}');
      await expect.poll(() => received).toEqual(['{"n":1}']);
      await stop();
      await handle.notify('tb_events', '{"n":2}');
      await handle.query('select 1');
      expect(received).toEqual(['{"n":1}']);
    } finally {
      await handle.close();
    }
  });
});

const postgres = testDatabases.find((target) => target.name === 'postgres');
if (postgres) {
  describe('LISTEN/NOTIFY across processes [postgres]', () => {
    it('delivers a payload sent through one handle to a listener on another, after its connection is killed', async () => {
      const empty = await postgres.createEmpty();
      const sender = await createDb({ url: empty.url, poolSize: 1 });
      const receiver = await createDb({ url: empty.url, poolSize: 1, onError: () => {} });
      try {
        const received: string[] = [];
        await receiver.listen('tb_events', (payload) => received.push(payload));
        await sender.notify('tb_events', 'first');
        await expect.poll(() => received).toEqual(['first']);
        await sender.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
           where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%'`,
        );
        await expect
          .poll(
            async () => {
              await sender.notify('tb_events', 'again');
              return received.includes('again');
            },
            { timeout: 15_000, interval: 300 },
          )
          .toBe(true);
      } finally {
        await sender.close();
        await receiver.close();
        await empty.drop();
      }
    });
  });
}
