import path from 'node:path';
import { parseArgs } from 'node:util';
import type { StartEnv } from './env.ts';

export const usage = `Tuneboard: one command runs the API, the dashboard and a runner, with a live demo study.

  npm start [-- --api-port N] [--web-port N] [--data-dir DIR] [--no-web]

  --api-port N     port of the GraphQL API (default 4000)          (TUNEBOARD_API_PORT)
  --web-port N     port of the dashboard (default 3000)            (TUNEBOARD_WEB_PORT)
  --data-dir DIR   state and embedded database (default ./.data)   (TUNEBOARD_START_DIR)
  --no-web         API and runner only, no dashboard               (TUNEBOARD_NO_WEB=1)

With DATABASE_URL set, the API uses that Postgres instead of the embedded PGlite folder.`;

export class StartUsageError extends Error {}

export interface StartOptions {
  apiPort: number;
  webPort: number;
  /** Absolute folder holding `start.json` and (without DATABASE_URL) the PGlite data in `pglite/`. */
  dataDir: string;
  web: boolean;
  /** The API and the dashboard bind here; localhost only, this is a laptop set-up. */
  host: string;
  /** The dashboard's build folder inside apps/web. */
  webDistDir: string;
}

function port(value: string, source: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < 1 || n > 65535) {
    throw new StartUsageError(`${source} must be a port number from 1 to 65535, got ${JSON.stringify(value)}`);
  }
  return n;
}

function truthy(value: string | undefined, source: string): boolean {
  if (value === undefined) return false;
  if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  throw new StartUsageError(`${source} must be 1/true or 0/false, got ${JSON.stringify(value)}`);
}

/** Flags first, then the environment, then defaults. `'help'` when asked for the usage. */
export function parseStartOptions(
  argv: string[],
  env: Partial<StartEnv>,
  dirs: { repoRoot: string; cwd: string },
): StartOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        'api-port': { type: 'string' },
        'web-port': { type: 'string' },
        'data-dir': { type: 'string' },
        'no-web': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new StartUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) return 'help';
  const apiPort = values['api-port'] !== undefined
    ? port(values['api-port'], '--api-port')
    : env.TUNEBOARD_API_PORT !== undefined
      ? port(env.TUNEBOARD_API_PORT, 'TUNEBOARD_API_PORT')
      : 4000;
  const webPort = values['web-port'] !== undefined
    ? port(values['web-port'], '--web-port')
    : env.TUNEBOARD_WEB_PORT !== undefined
      ? port(env.TUNEBOARD_WEB_PORT, 'TUNEBOARD_WEB_PORT')
      : 3000;
  const web = !(values['no-web'] ?? truthy(env.TUNEBOARD_NO_WEB, 'TUNEBOARD_NO_WEB'));
  if (web && apiPort === webPort) {
    throw new StartUsageError(`the API and the dashboard need different ports, both are ${apiPort}`);
  }
  // A folder given by the person starts where they typed the command; the default lives at the repository root.
  const given = values['data-dir'] ?? env.TUNEBOARD_START_DIR;
  const dataDir = given === undefined ? path.join(dirs.repoRoot, '.data') : path.resolve(dirs.cwd, given);
  return { apiPort, webPort, dataDir, web, host: '127.0.0.1', webDistDir: env.TUNEBOARD_WEB_DIST_DIR ?? '.next' };
}
