/**
 * `npx tsx samplers/fingerprint.ts [out.json]` (from bench/): every sampler kind with fixed seeds on a few spaces
 * (float, mixed, conditional; one and two objectives), sequentially and with 4 simulated runners, 40 trials
 * each, plus every pruner's verdicts on seeded learning curves. Writes every suggestion and verdict as JSON
 * (doubles printed exactly) and prints one SHA-256 per section, so a refactoring that must keep outputs
 * bit-identical is checked by comparing two runs. A check script, not a test: it asserts nothing.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { SAMPLER_KINDS, createPruner, createRng, createSampler, parseSpace } from '@tuneboard/tuning';
import type { Direction, FrozenTrial, Params, PrunerConfig, SamplerConfig, SpaceJson } from '@tuneboard/tuning';
import { simulateAsync } from './common.ts';

const TRIALS = 40;
const SEEDS = [0, 7];

const SPACES: Record<string, SpaceJson> = {
  float3: { a: { type: 'float', low: -2, high: 3 }, b: { type: 'float', low: 0, high: 1 }, c: { type: 'float', low: 1e-3, high: 10, log: true } },
  mixed: {
    lr: { type: 'float', low: 1e-5, high: 0.1, log: true },
    layers: { type: 'int', low: 1, high: 8 },
    width: { type: 'int', low: 16, high: 512, step: 16 },
    act: { type: 'categorical', choices: ['relu', 'tanh', 'gelu'] },
    dropout: { type: 'float', low: 0, high: 0.5, step: 0.05 },
  },
  conditional: {
    opt: { type: 'categorical', choices: ['sgd', 'adam'] },
    momentum: { type: 'float', low: 0, high: 0.99, when: { opt: ['sgd'] } },
    beta: { type: 'float', low: 0.8, high: 0.999, when: { opt: ['adam'] } },
    x: { type: 'float', low: -3, high: 3 },
  },
};

/** A deterministic objective of any point: a smooth bowl plus a per-parameter term, NaN-free. */
function objective(p: Params): number {
  let s = 0;
  for (const [k, v] of Object.entries(p)) {
    const x = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v.length;
    s += ((k.length % 3) + 1) * Math.sin(1.3 * x + k.length) + 0.1 * x * x;
  }
  return s;
}
const objectives2 = (p: Params): number[] => [objective(p), Object.values(p).reduce<number>((s, v) => s + (typeof v === 'number' ? Math.abs(v - 0.5) : 1), 0)];

function run(config: SamplerConfig, space: SpaceJson, directions: Direction[], runners: number): unknown[] {
  const sampler = createSampler(config);
  const parsed = parseSpace(space);
  const f = directions.length === 1 ? (p: Params) => [objective(p)] : objectives2;
  const trials = simulateAsync(sampler, parsed, directions, runners, TRIALS, (t) => {
    const i = t.number;
    return { number: t.number, state: i % 11 === 5 ? 'FAIL' : 'COMPLETE', params: t.params, ...(i % 11 === 5 ? {} : { values: f(t.params) }) };
  });
  return trials.map((t) => t.params);
}

const out: Record<string, unknown> = {};
for (const kind of SAMPLER_KINDS) {
  for (const [name, space] of Object.entries(SPACES)) {
    for (const directions of [['minimize'], ['minimize', 'maximize']] as Direction[][]) {
      if (directions.length > 1 && name === 'conditional' && kind === 'gp') continue;
      for (const seed of SEEDS) {
        for (const runners of [1, 4]) {
          // The GP is the slow one: one seed in async mode.
          if ((kind === 'gp' || kind === 'auto') && runners > 1 && seed !== SEEDS[0]) continue;
          const key = `${kind}/${name}/${directions.length}obj/seed${seed}/runners${runners}`;
          try {
            out[key] = run({ kind, seed } as SamplerConfig, space, directions, runners);
          } catch (e) {
            out[key] = `error: ${(e as Error).message}`;
          }
        }
      }
    }
  }
}

const rng = createRng(5);
const curves: FrozenTrial[] = Array.from({ length: 30 }, (_, i) => ({
  number: i,
  state: i < 20 ? 'COMPLETE' : 'RUNNING',
  params: {},
  intermediate: Array.from({ length: 1 + rng.int(27) }, (_, s) => ({ step: s + 1, value: 1 / (s + 1) + rng.next() })),
}));
const pruners: PrunerConfig[] = [
  { kind: 'none' },
  { kind: 'median' },
  { kind: 'percentile', percentile: 25, warmupSteps: 2 },
  { kind: 'asha' },
  { kind: 'asha', reductionFactor: 4, minEarlyStoppingRate: 1 },
  { kind: 'hyperband', maxResource: 27 },
  { kind: 'threshold', lower: 0.1, upper: 1.5 },
];
for (const config of pruners) {
  const pruner = createPruner(config);
  for (const direction of ['minimize', 'maximize'] as const) {
    out[`pruner/${JSON.stringify(config)}/${direction}`] = curves.map((trial) => pruner.shouldPrune({ trial, trials: curves, direction }));
  }
}

const sections = new Map<string, string[]>();
for (const key of Object.keys(out)) {
  const section = key.split('/')[0] as string;
  sections.set(section, [...(sections.get(section) ?? []), key]);
}
for (const [section, keys] of sections) {
  const hash = createHash('sha256');
  for (const k of keys) hash.update(`${k}=${JSON.stringify(out[k])}\n`);
  console.log(`${section.padEnd(8)} ${keys.length} runs ${hash.digest('hex').slice(0, 16)}`);
}
const all = createHash('sha256').update(JSON.stringify(out)).digest('hex');
console.log(`all      ${Object.keys(out).length} runs ${all}`);
if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify(out));
