/**
 * `npx tsx samplers/gp-width.ts [spaces, default f12,c100,c1000,k12x85,k100x10,k2x1000,f100] [sizes, default 199,600] [asks, default 3] [kind, default gp]`
 * (from bench/): latency of one GP ask on wide encodings (issue #17: `gp` ≤ 1 s at any size). A space is `fN` (N
 * floats), `cN` (one categorical of N choices and one float) or `kKxN` (K categoricals of N choices); its encoded
 * width is one column per float and one per choice. For each space and history size (completed random trials) it
 * prints the width, the observations the GP was conditioned and fitted on, and the median wall and CPU time of
 * `asks` asks (a fresh sampler per ask, seeds 0…). A benchmark: it prints figures and asserts nothing.
 */
import { createSampler, parseSpace } from '@tuneboard/tuning';
import type { FrozenTrial, ModelFitSizes, Params, SamplerKind } from '@tuneboard/tuning';
import { median, timeRepeats } from './common.ts';

const specs = (process.argv[2] ?? 'f12,c100,c1000,k12x85,k100x10,k2x1000,f100').split(',');
const sizes = (process.argv[3] ?? '199,600').split(',').map(Number);
const repeats = Number(process.argv[4] ?? 3);
const kind = (process.argv[5] ?? 'gp') as SamplerKind;

function spaceOf(spec: string): Record<string, unknown> {
  const choices = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
  const json: Record<string, unknown> = {};
  const m = /^(f|c|k)(\d+)(?:x(\d+))?$/.exec(spec);
  if (!m) throw new Error(`space ${JSON.stringify(spec)}: expected fN, cN or kKxN`);
  const [, type, a, b] = m;
  if (type === 'f') for (let i = 0; i < Number(a); i++) json[`x${i}`] = { type: 'float', low: 0, high: 1 };
  if (type === 'c') Object.assign(json, { c: { type: 'categorical', choices: choices(Number(a)) }, x: { type: 'float', low: 0, high: 1 } });
  if (type === 'k') for (let i = 0; i < Number(a); i++) json[`c${i}`] = { type: 'categorical', choices: choices(Number(b)) };
  return json;
}

/** A smooth-ish objective: squared distance to 0.3 for numbers, the choice's index modulo 7 for categoricals. */
const f = (p: Params): number => Object.values(p).reduce<number>((s, v) => s + (typeof v === 'number' ? (v - 0.3) ** 2 : Number(String(v).slice(1)) % 7), 0);

console.log(`${kind}, one suggestion after n completed random trials, median of ${repeats}\n`);
console.log('| space | width | n | conditioned on | fitted on | wall ms | CPU ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const spec of specs) {
  const space = parseSpace(spaceOf(spec));
  const width = space.params.reduce((w, p) => w + (p.type === 'categorical' ? p.choices.length : 1), 0);
  for (const n of sizes) {
    const random = createSampler({ kind: 'random', seed: 1 });
    const trials: FrozenTrial[] = random
      .ask({ space, trials: [], directions: ['minimize'] }, n)
      .map((params, i) => ({ number: i, state: 'COMPLETE', params, values: [f(params)] }));
    let fitted: ModelFitSizes | undefined;
    const { times, cpu } = timeRepeats(
      repeats,
      (r) => createSampler({ kind, seed: r } as Parameters<typeof createSampler>[0], { onModelFit: (s) => (fitted = s) }),
      (s) => s.ask({ space, trials, directions: ['minimize'] }),
    );
    console.log(`| ${spec} | ${width} | ${n} | ${fitted?.modelPoints ?? '–'} | ${fitted?.fitPoints ?? '–'} | ${median(times).toFixed(0)} | ${median(cpu).toFixed(0)} |`);
  }
}
