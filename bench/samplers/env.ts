// The one place the samplers benchmark reads its environment. `npm run bench:samplers -- --quick` reaches
// us as npm's config `npm_config_quick` (the root script runs another npm), `-- -- --quick` as an argument.
const argv = new Set(process.argv.slice(2));
const flag = (name: string): boolean =>
  argv.has(`--${name}`) || process.env[`npm_config_${name.replaceAll('-', '_')}`] === 'true';

const value = (name: string): string | undefined => {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return arg?.slice(name.length + 3) ?? process.env[`npm_config_${name}`];
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
  /** Skip the Optuna peer even when Python can import it. */
  noOptuna: flag('no-optuna') || process.env.npm_config_optuna === 'false',
};
