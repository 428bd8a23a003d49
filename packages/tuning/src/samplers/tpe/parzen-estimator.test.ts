import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { parseSpace } from '../../space.ts';
import type { ParamDef } from '../../space.ts';
import { ParzenEstimator, encodePoints, estimatorEncoder } from './parzen-estimator.ts';

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

  it('reads observations encoded once (as the sampler passes a long history) exactly as the points themselves', () => {
    const params = [param('x'), param('lr'), param('n'), param('c')];
    const points = [
      { x: -1.9, lr: 1e-3, n: 2, c: 'b' },
      { x: 0.5, lr: 0.2, n: 6, c: 'a' },
      { x: 2.9, lr: 3e-4, n: 1, c: 'c' },
    ];
    const encoded = encodePoints(params, points);
    expect(Array.from(encoded.subarray(4, 8))).toEqual([0.5, Math.log(0.2), 6, 0]);
    const probes = [
      { x: 0, lr: 1e-2, n: 3, c: 'a' },
      { x: 2.5, lr: 0.9, n: 6, c: 'c' },
    ];
    const fromPoints = new ParzenEstimator(params, points, [1, 2, 3], options).logPdf(probes);
    expect(new ParzenEstimator(params, encoded, [1, 2, 3], options).logPdf(probes)).toEqual(fromPoints);
    expect(() => new ParzenEstimator(params, encoded, [1, 2], options)).toThrow(/3 observations for 2 weights/);
  });

  it('encodes a long history value by value as encodePoints does, NaN for what the parameter does not accept', () => {
    const mixed = parseSpace({
      c: { type: 'categorical', choices: [1, '1', true, 'b'] },
      lr: { type: 'float', low: 1e-4, high: 1, log: true },
      n: { type: 'int', low: 1, high: 6 },
    });
    const [c, lr, n] = mixed.params.map((p) => estimatorEncoder(p));
    expect([1, '1', true, 'b'].map((v) => c!(v))).toEqual([0, 1, 2, 3]);
    for (const v of [2, 'true', false, null, undefined, {}]) expect(c!(v)).toBeNaN();
    expect(lr!(0.01)).toBe(Math.log(0.01));
    for (const v of [0, 2, Number.NaN, '0.01']) expect(lr!(v)).toBeNaN();
    expect(n!(3)).toBe(3);
    expect(n!(3.5)).toBeNaN();
    const points = [{ c: true, lr: 0.5, n: 6 }, { c: '1', lr: 1e-3, n: 1 }];
    expect(Float64Array.from(points.flatMap((p) => [c!(p.c), lr!(p.lr), n!(p.n)]))).toEqual(encodePoints(mixed.params, points));
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
