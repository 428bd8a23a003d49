import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePorts } from '@tuneboard/start/ports';
import { env } from './env.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const launcherMain = path.join(repoRoot, 'apps', 'start', 'src', 'main.ts');
const tsx = createRequire(path.join(repoRoot, 'package.json')).resolve('tsx');

/** A running `npm start` (apps/start): its process, its API's address and what it has printed so far. */
export interface Launched {
  child: ChildProcess;
  apiUrl: string;
  output: () => string;
  exited: Promise<number | null>;
  /** The first match of `pattern` in the output, waiting for it; throws when the launcher exits first. */
  waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
  /**
   * Stops it with SIGINT, not SIGKILL (the launcher's servers run in their own process groups and only it stops
   * them); resolves to its exit code.
   */
  stop: () => Promise<number | null>;
}

/**
 * `npm start` on free ports and the data folder given, serving the dashboard build the global setup made (the
 * launcher reuses it), as the specs of the first-run journey start it.
 */
export async function launchStart(dataDir: string): Promise<Launched> {
  const [apiPort, webPort] = (await freePorts(2)) as [number, number];
  const child = spawn(
    process.execPath,
    [
      '--import',
      tsx,
      launcherMain,
      '--data-dir',
      dataDir,
      '--api-port',
      String(apiPort),
      '--web-port',
      String(webPort),
    ],
    {
      cwd: repoRoot,
      env: { ...env.base, TUNEBOARD_WEB_DIST_DIR: env.distDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  const take = (chunk: string) => {
    text += chunk;
    if (env.verbose) process.stdout.write(chunk);
  };
  child.stdout.setEncoding('utf8').on('data', take);
  child.stderr.setEncoding('utf8').on('data', take);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp): Promise<RegExpMatchArray> => {
    for (;;) {
      const match = text.match(pattern);
      if (match) return match;
      if (child.exitCode !== null) throw new Error(`the launcher exited (${child.exitCode}):\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  const stop = () => {
    child.kill('SIGINT');
    return exited;
  };
  return { child, apiUrl: `http://127.0.0.1:${apiPort}/graphql`, output: () => text, exited, waitFor, stop };
}

/** What a first run prints for a newcomer: the admin's email and password, the demo study's and the sign-in page's addresses. */
export async function firstRunLines(
  launched: Launched,
): Promise<{ email: string; password: string; studyUrl: string; signInUrl: string }> {
  const [, email, password] = (await launched.waitFor(/email {6}(\S+)\n password {3}(\S+)/)) as unknown as [
    string,
    string,
    string,
  ];
  const studyUrl = (await launched.waitFor(/demo study (http\S+)/))[1]!;
  const signInUrl = (await launched.waitFor(/sign in at (http\S+)/))[1]!;
  return { email, password, studyUrl, signInUrl };
}
