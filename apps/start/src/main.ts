// `npm start`: the API, the dashboard and a runner in one terminal, with a live demo study on first start.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStartOptions, StartUsageError, usage } from './args.ts';
import { inheritedEnvironment, readStartEnv } from './env.ts';
import { Launcher } from './launcher.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    const env = readStartEnv();
    options = parseStartOptions(argv, env, { repoRoot, cwd: env.INIT_CWD ?? process.cwd() });
  } catch (error) {
    process.stderr.write(`tuneboard start: ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof StartUsageError) process.stderr.write('Run npm start -- --help for the options.\n');
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  // After a closed terminal (SIGHUP) writes fail with EIO/EPIPE; the launcher still stops every process.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  const launcher = new Launcher(options, { out: (line) => process.stdout.write(`${line}\n`), env: inheritedEnvironment(), color: process.stdout.isTTY === true }, repoRoot);
  return launcher.run();
}

process.exit(await main(process.argv.slice(2)));
