import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@tuneboard/db';
import { runAdmin } from './admin.ts';
import { sha256 } from './auth/secrets.ts';
import { verifyPassword } from './auth/passwords.ts';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'tuneboard-admin-'));
const dataDir = path.join(base, 'pglite');
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

async function admin(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  await runAdmin(argv, (line) => lines.push(line), { dataDir });
  return lines;
}

describe('the admin CLI [pglite]', () => {
  it('creates a user, a team, a project and a token whose secret is printed once and stored hashed', async () => {
    const [, passwordLine] = await admin('user', 'create', '--email', 'Ada@Example.test', '--name', 'Ada');
    const password = passwordLine!.replace('password (shown once): ', '');
    await admin('team', 'create', '--slug', 'lab', '--name', 'Lab', '--owner', 'ada@example.test');
    expect(await admin('project', 'create', '--team', 'lab', '--slug', 'mnist', '--name', 'MNIST')).toEqual([
      'created project lab/mnist',
    ]);
    const tokenLines = await admin('token', 'create', '--team', 'lab', '--name', 'gpu-box', '--scope', 'runner');
    const secret = tokenLines[1]!.replace('secret (shown once): ', '');
    expect(secret).toMatch(/^tb_/);

    const handle = await createDb({ dataDir });
    try {
      const [user] = await handle.query<{ password_hash: string }>('select password_hash from "user"');
      expect(await verifyPassword(password, user!.password_hash)).toBe(true);
      const tokens = await handle.query<{ token_hash: string; scope: string }>('select token_hash, scope from api_token');
      expect(tokens).toEqual([{ token_hash: sha256(secret), scope: 'RUNNER' }]);
      const members = await handle.query<{ role: string }>('select role from membership');
      expect(members).toEqual([{ role: 'OWNER' }]);
    } finally {
      await handle.close();
    }
  });

  it('names the flag and the value it refuses', async () => {
    await expect(admin('token', 'create', '--team', 'lab', '--name', 'x', '--scope', 'god')).rejects.toThrow(
      '--scope must be one of RUNNER, READ, WRITE, got "god"',
    );
    await expect(admin('team', 'create', '--slug', 'Bad Slug', '--name', 'x', '--owner', 'ada@example.test')).rejects.toThrow(
      /--slug must be lower-case/,
    );
    await expect(admin('user', 'create', '--name', 'x')).rejects.toThrow('--email is required');
  });
});
