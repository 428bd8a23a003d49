// The API as a child process and its throw-away Postgres database: what bench:api, bench:abuse and
// bench:runner-overhead start the same way.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export interface ApiProcess {
  /** `http://host:port/graphql`, as the API logs it when ready. */
  url: string;
  pid: number;
  /** SIGTERM and wait for the exit; idempotent: a second call (a `finally` after a normal stop) returns at once. */
  stop(): Promise<void>;
}

/**
 * Starts `apps/api/src/main.ts` under tsx with exactly `env` (callers pass the inherited environment when they
 * want it) and resolves once it logs "Tuneboard API ready"; rejects if it exits first.
 */
export function startApiProcess(env: Record<string, string | undefined>, nodeArgs: string[] = []): Promise<ApiProcess> {
  const main = fileURLToPath(new URL('../../apps/api/src/main.ts', import.meta.url));
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', main], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += String(chunk);
      const match = /"url":"([^"]+)","msg":"Tuneboard API ready"/.exec(buffer);
      if (match) {
        resolve({
          url: match[1]!,
          pid: child.pid!,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`the API exited with ${code} before it was ready`)));
  });
}

/** A fresh database name with `prefix` and its URL on the server of `adminUrl` (create and drop it there). */
export function throwAwayDatabase(adminUrl: string, prefix: string): { name: string; url: string } {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}
