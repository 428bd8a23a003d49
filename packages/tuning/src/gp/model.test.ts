import { describe, expect, it } from 'vitest';
import { layoutDims } from '../numeric/dims.ts';
import { createRandomSource } from '../rng.ts';
import { matern52 } from './kernel.ts';
import { fitGpHyperparameters } from './fit.ts';
import { conditionGp, extendGp, gpPredict, gpPredictWithGradient } from './model.ts';

const continuous = (d: number) => layoutDims(Array.from({ length: d }, () => ({ kind: 'continuous' as const })));

describe('matern52', () => {
  it('is 1 at distance 0 and (1 + √5 + 5/3)e^{−√5} at distance 1', () => {
    expect(matern52(0)).toBe(1);
    expect(matern52(1)).toBeCloseTo((1 + Math.sqrt(5) + 5 / 3) * Math.exp(-Math.sqrt(5)), 15);
  });
});

describe('conditionGp', () => {
  it('interpolates noiseless data and reverts to the prior far from it', () => {
    const { slots, width } = continuous(1);
    const xs = [0.1, 0.4, 0.7];
    const ys = [1, -0.5, 0.25];
    const model = conditionGp(Float64Array.from(xs), 3, width, ys, slots, {
      lengthScales: [0.2],
      signalVariance: 1,
      noiseVariance: 1e-10,
    });
    xs.forEach((x, i) => {
      const { mean, variance } = gpPredict(model, [x]);
      expect(mean).toBeCloseTo(ys[i]!, 6);
      expect(variance).toBeLessThan(1e-8);
    });
    // Two points, hand-worked: with k(0.1, 0.4) = m((0.3/0.2)²) the 2-point posterior mean at x is
    // k*ᵀK⁻¹y; far away (x = 100) k* ≈ 0, so the mean is 0 and the variance the prior's 1.
    const far = gpPredict(model, [100]);
    expect(far.mean).toBeCloseTo(0, 12);
    expect(far.variance).toBeCloseTo(1, 12);
  });

  it('matches the closed-form two-point posterior mean', () => {
    const { slots, width } = continuous(1);
    const model = conditionGp(Float64Array.from([0, 1]), 2, width, [1, 2], slots, {
      lengthScales: [1],
      signalVariance: 1,
      noiseVariance: 1e-12,
    });
    // At x = 0.5 both correlations equal c = m(0.25); K = [[1, ρ], [ρ, 1]] with ρ = m(1), so
    // mean = c·(1 + 2)/(1 + ρ) and variance = 1 − 2c²/(1 + ρ).
    const c = matern52(0.25);
    const rho = matern52(1);
    const { mean, variance } = gpPredict(model, [0.5]);
    expect(mean).toBeCloseTo((3 * c) / (1 + rho), 9);
    expect(variance).toBeCloseTo(1 - (2 * c * c) / (1 + rho), 9);
  });

  it('has gradients that agree with central differences', () => {
    const { slots, width } = continuous(2);
    const rng = createRandomSource(3);
    const x = Float64Array.from({ length: 20 }, rng);
    const y = Array.from({ length: 10 }, (_, i) => Math.sin(5 * x[2 * i]!) + x[2 * i + 1]!);
    const model = conditionGp(x, 10, width, y, slots, { lengthScales: [0.3, 0.5], signalVariance: 1.5, noiseVariance: 1e-4 });
    const p = [0.37, 0.61];
    const gm = new Float64Array(2);
    const gv = new Float64Array(2);
    gpPredictWithGradient(model, p, gm, gv);
    for (let c = 0; c < 2; c++) {
      const up = [...p];
      const down = [...p];
      up[c]! += 1e-6;
      down[c]! -= 1e-6;
      const a = gpPredict(model, up);
      const b = gpPredict(model, down);
      expect(gm[c]).toBeCloseTo((a.mean - b.mean) / 2e-6, 5);
      expect(gv[c]).toBeCloseTo((a.variance - b.variance) / 2e-6, 5);
    }
  });
});

describe('fitGpHyperparameters', () => {
  it('gives the relevant dimension a much shorter length scale than an irrelevant one', () => {
    const { slots, width } = continuous(2);
    const rng = createRandomSource(11);
    const n = 40;
    const x = Float64Array.from({ length: 2 * n }, rng);
    const raw = Array.from({ length: n }, (_, i) => Math.sin(6 * x[2 * i]!));
    const mean = raw.reduce((a, b) => a + b) / n;
    const sd = Math.sqrt(raw.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    const y = raw.map((v) => (v - mean) / sd);
    const hyper = fitGpHyperparameters(x, n, width, y, slots, createRandomSource(1));
    expect(hyper.lengthScales[1]! / hyper.lengthScales[0]!).toBeGreaterThan(5);
    // Noiseless data: the fitted noise is tiny next to the unit output variance.
    expect(hyper.noiseVariance).toBeLessThan(1e-2);
    const model = conditionGp(x, n, width, y, slots, hyper);
    const held = [0.33, 0.9];
    expect(gpPredict(model, held).mean).toBeCloseTo((Math.sin(6 * 0.33) - mean) / sd, 1);
  });

  it('stays finite on duplicated points and a flat objective', () => {
    const { slots, width } = continuous(2);
    const x = Float64Array.from([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.2, 0.9]);
    const hyper = fitGpHyperparameters(x, 4, width, [0, 0, 0, 0], slots, createRandomSource(1));
    expect([...hyper.lengthScales, hyper.signalVariance, hyper.noiseVariance].every(Number.isFinite)).toBe(true);
    const model = conditionGp(x, 4, width, [0, 0, 0, 0], slots, hyper);
    const { mean, variance } = gpPredict(model, [0.5, 0.5]);
    expect(Number.isFinite(mean) && Number.isFinite(variance)).toBe(true);
  });
});

describe('extendGp', () => {
  it('predicts as conditionGp on every point, from an extended Cholesky factor', () => {
    const { slots, width } = layoutDims([{ kind: 'continuous' }, { kind: 'continuous' }]);
    const hyper = { lengthScales: [0.3, 0.5], signalVariance: 1.5, noiseVariance: 1e-4 };
    const pts = [[0.1, 0.2], [0.5, 0.9], [0.8, 0.4], [0.3, 0.3], [0.95, 0.05]];
    const ys = [0.3, -1, 0.7, 0.1, 2];
    const base = conditionGp(Float64Array.from(pts.slice(0, 3).flat()), 3, width, ys.slice(0, 3), slots, hyper);
    const extended = extendGp(base, pts.slice(3), ys.slice(3));
    const full = conditionGp(Float64Array.from(pts.flat()), 5, width, ys, slots, hyper);
    for (const q of [[0.2, 0.2], [0.6, 0.6], [0.9, 0.1]]) {
      const a = gpPredict(extended, q);
      const b = gpPredict(full, q);
      expect(a.mean).toBeCloseTo(b.mean, 9);
      expect(a.variance).toBeCloseTo(b.variance, 9);
    }
  });
});
