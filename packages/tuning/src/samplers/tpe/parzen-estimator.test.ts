import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { parseSpace } from '../../space.ts';
import type { ParamDef } from '../../space.ts';
import { ParzenEstimator } from './parzen-estimator.ts';

const space = parseSpace({
  x: { type: 'float', low: -2, high: 3 },
  lr: { type: 'float', low: 1e-4, high: 1, log: true },
  n: { type: 'int', low: 1, high: 6 },
  c: { type: 'categorical', choices: ['a', 'b', 'c'] },
});
const param = (name: string): ParamDef => space.params[space.index[name] as number] as ParamDef;
const options = { priorWeight: 1, magicClip: true, bandwidthFactor: 0.12 };

describe('ParzenEstimator', () => {
  it('is a density on a continuous range: it integrates to 1', () => {
    const pe = new ParzenEstimator([param('x')], [{ x: -1.9 }, { x: 0.5 }, { x: 2.9 }], [1, 1, 1], options);
    const n = 20_000;
    const xs = Array.from({ length: n }, (_, i) => -2 + (5 * (i + 0.5)) / n);
    const integral = pe.logPdf(xs.map((x) => ({ x }))).reduce((s, l) => s + Math.exp(l) * (5 / n), 0);
    expect(integral).toBeCloseTo(1, 3);
  });

  it('is a density in log space for log parameters', () => {
    const pe = new ParzenEstimator([param('lr')], [{ lr: 1e-3 }, { lr: 0.5 }], [1, 2], options);
    const n = 20_000;
    const width = Math.log(1e4) / n;
    const ts = Array.from({ length: n }, (_, i) => Math.log(1e-4) + width * (i + 0.5));
    const integral = pe.logPdf(ts.map((t) => ({ lr: Math.exp(t) }))).reduce((s, l) => s + Math.exp(l) * width, 0);
    expect(integral).toBeCloseTo(1, 3);
  });

  it('gives discrete and categorical values masses that sum to 1', () => {
    const pe = new ParzenEstimator([param('n'), param('c')], [{ n: 2, c: 'b' }, { n: 6, c: 'a' }], [1, 1], options);
    const points = [1, 2, 3, 4, 5, 6].flatMap((n) => ['a', 'b', 'c'].map((c) => ({ n, c })));
    const total = pe.logPdf(points).reduce((s, l) => s + Math.exp(l), 0);
    expect(total).toBeCloseTo(1, 6);
  });

  it('samples inside the space, more often near heavily weighted observations', () => {
    const pe = new ParzenEstimator([param('x')], [{ x: -1.5 }, { x: 2.5 }], [1, 9], options);
    const samples = pe.sample(createRng(1), 2000).map((p) => p.x as number);
    expect(samples.every((x) => x >= -2 && x <= 3)).toBe(true);
    const nearHeavy = samples.filter((x) => Math.abs(x - 2.5) < 0.5).length;
    const nearLight = samples.filter((x) => Math.abs(x + 1.5) < 0.5).length;
    expect(nearHeavy).toBeGreaterThan(4 * nearLight);
  });
});
