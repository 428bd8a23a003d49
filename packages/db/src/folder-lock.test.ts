import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from './create-db.ts';
import { DataFolderLockedError } from './folder-lock.ts';
import { finished, startFixture, waitForLine } from './testing/run-fixture.ts';

const folders: string[] = [];
function freshFolder(): string {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'tuneboard-lock-'));
  folders.push(base);
  return path.join(base, 'pglite');
}
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe('PGlite data folder lock', () => {
  it('refuses a second open of the same folder in the same process, and allows it after close', async () => {
    const folder = freshFolder();
    const first = await createDb({ dataDir: folder });
    await expect(createDb({ dataDir: folder })).rejects.toThrow(DataFolderLockedError);
    await first.close();
    const again = await createDb({ dataDir: folder });
    await again.migrate();
    await again.close();
  });

  it('refuses a folder held by another live process, naming the folder and the process', async () => {
    const folder = freshFolder();
    const holder = startFixture('hold-folder', [folder]);
    try {
      await waitForLine(holder, 'ready');
      const error = await createDb({ dataDir: folder }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataFolderLockedError);
      expect((error as Error).message).toContain(`process ${holder.pid}`);
      expect((error as Error).message).toContain(path.resolve(folder));
      expect((error as Error).message).toContain('DATABASE_URL');
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over the stale lock of a process killed with SIGKILL and keeps its data', async () => {
    const folder = freshFolder();
    const setup = await createDb({ dataDir: folder });
    await setup.migrate();
    await setup.query(`insert into team (name, slug) values ('Survivor', 'survivor')`);
    await setup.close();

    const holder = startFixture('hold-folder', [folder]);
    await waitForLine(holder, 'ready');
    const exit = finished(holder);
    holder.kill('SIGKILL');
    await exit;
    expect(fs.existsSync(`${path.resolve(folder)}.lock`)).toBe(true);

    const next = await createDb({ dataDir: folder });
    try {
      const rows = await next.query<{ slug: string }>('select slug from team');
      expect(rows.map((row) => row.slug)).toEqual(['survivor']);
    } finally {
      await next.close();
    }
    expect(fs.existsSync(`${path.resolve(folder)}.lock`)).toBe(false);
  });

  it('treats a lock file left with garbage in it as stale', async () => {
    const folder = freshFolder();
    fs.mkdirSync(path.dirname(folder), { recursive: true });
    fs.writeFileSync(`${path.resolve(folder)}.lock`, '{"pid":');
    const handle = await createDb({ dataDir: folder });
    await handle.close();
  });
});
