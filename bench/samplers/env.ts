// The one place the samplers benchmark reads its environment. `npm run bench:samplers -- --quick` reaches
// us as npm's config `npm_config_quick` (the root script runs another npm), `-- -- --quick` as an argument.
const argv = new Set(process.argv.slice(2));
const flag = (name: string): boolean =>
  argv.has(`--${name}`) || process.env[`npm_config_${name.replaceAll('-', '_')}`] === 'true';

const value = (name: string): string | undefined => {
  const args = process.argv.slice(2);
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  if (arg) return arg.slice(name.length + 3);
  // `--async 8`: the value as the next argument.
  const at = args.indexOf(`--${name}`);
  if (at >= 0 && args[at + 1] !== undefined && !args[at + 1]!.startsWith('--')) return args[at + 1];
  const fromNpm = process.env[`npm_config_${name}`];
  return fromNpm === 'true' ? undefined : fromNpm;
};

const positiveInt = (name: string): number | undefined => {
  const v = value(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${v}`);
  return n;
};

export const env = {
  /**
   * `--only=multi`: just the two-objective problems (Tuneboard's samplers, and Optuna's unless --no-optuna), for
   * a quick look after a change to a multi-objective sampler; `--only=single`: everything but them. Otherwise
   * everything runs.
   */
  onlyMulti: value('only') === 'multi',
  onlySingle: value('only') === 'single',
  /**
   * `--kinds=cmaes,gp`: only these Tuneboard kinds on the single-objective table and the latency table (the
   * two-objective problems still run every kind); goals whose sampler is left out are not printed.
   */
  kinds: value('kinds')?.split(',').filter((k) => k.length > 0),
  /** 5 seeds instead of 20 (about a quarter of the time). */
  quick: flag('quick'),
  /**
   * `--async=8` (or `--async 8`): the asynchronous mode instead of the full benchmark (bench/samplers/async.ts):
   * 8 simulated runners finishing in turn, each ask seeing the 7 others RUNNING.
   */
  asyncRunners: positiveInt('async'),
  /** Async mode: number of seeds (0…n−1; default 10). */
  seeds: positiveInt('seeds'),
  /** Async mode: trials per study (default 50). */
  trials: positiveInt('trials'),
  /** Async mode: problems by name (default branin, hartmann-6, mixed-nn); `held-out` names the eight of samplers/held-out.ts, `high-dim` the eight of samplers/high-dim.ts. */
  problems: value('problems')?.split(',').filter((k) => k.length > 0),
  /**
   * Async mode: Tuneboard configurations by label as JSON, e.g. `--configs='{"gp-mean":{"kind":"gp","liar":"mean"}}'`,
   * instead of one per `--kinds` entry (default auto and tpe).
   */
  configs: value('configs'),
  /** Skip the Optuna peer even when Python can import it. */
  noOptuna: flag('no-optuna') || process.env.npm_config_optuna === 'false',
};
