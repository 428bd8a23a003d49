// The one place the samplers benchmark reads its environment. `npm run bench:samplers -- --quick` reaches
// us as npm's config `npm_config_quick` (the root script runs another npm), `-- -- --quick` as an argument.
const argv = new Set(process.argv.slice(2));
const flag = (name: string): boolean =>
  argv.has(`--${name}`) || process.env[`npm_config_${name.replaceAll('-', '_')}`] === 'true';

export const env = {
  /** 5 seeds instead of 20 (about a quarter of the time). */
  quick: flag('quick'),
  /** Skip the Optuna peer even when Python can import it. */
  noOptuna: flag('no-optuna') || process.env.npm_config_optuna === 'false',
};
