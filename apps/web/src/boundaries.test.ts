import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's boundaries are lint rules; these tests make sure the rules really bite.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function messagesFor(relativePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, relativePath) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('architecture boundaries enforced by lint', () => {
  it('refuses an import of the database package from the dashboard', async () => {
    const messages = await messagesFor('apps/web/src/page.ts', "export { user } from '@tuneboard/db';\n");
    expect(messages.join('\n')).toMatch(/no-restricted-imports: .*apps\/web talks to apps\/api over GraphQL only/);
  });

  it('allows the same import from the API', async () => {
    const messages = await messagesFor('apps/api/src/schema.ts', "export { user } from '@tuneboard/db';\n");
    expect(messages).toEqual([]);
  });

  it('keeps process.env inside env.ts', async () => {
    const code = 'export const port = process.env.PORT;\n';
    expect((await messagesFor('apps/api/src/server.ts', code)).join('\n')).toMatch(/Read the environment only/);
    expect(await messagesFor('apps/api/src/env.ts', code)).toEqual([]);
  });

  it('refuses reaching into another package with a relative path', async () => {
    const code = "export { user } from '../../../packages/db/src/schema/index.ts';\n";
    expect((await messagesFor('apps/api/src/x/y.ts', code)).join('\n')).toMatch(/no-restricted-imports: .*not by a relative path/);
  });
});

describe('the study contract’s boundaries enforced by lint', () => {
  it('refuses an import of the runner app from the API', async () => {
    const code = "export { objectiveSpecSchema } from '@tuneboard/runner/spec';\n";
    expect((await messagesFor('apps/api/src/resolvers/x.ts', code)).join('\n')).toMatch(/apps\/api must not import the runner app/);
    expect(await messagesFor('apps/api/src/resolvers/x.ts', "export { objectiveSpecSchema } from '@tuneboard/contract';\n")).toEqual([]);
  });

  it('keeps the contract free of I/O and of the database', async () => {
    for (const code of ["export { readFileSync } from 'node:fs';\n", "export { study } from '@tuneboard/db';\n"]) {
      expect((await messagesFor('packages/contract/src/x.ts', code)).join('\n')).toMatch(/packages\/contract is pure/);
    }
    expect(await messagesFor('packages/contract/src/x.ts', "export { parseSpace } from '@tuneboard/tuning';\n")).toEqual([]);
  });

  it('refuses an import of the contract from the tuning package (it would close a circle)', async () => {
    const code = "export { checkSpace } from '@tuneboard/contract';\n";
    expect((await messagesFor('packages/tuning/src/x.ts', code)).join('\n')).toMatch(/would close a circle/);
  });
});
