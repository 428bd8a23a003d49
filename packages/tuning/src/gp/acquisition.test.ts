import { describe, expect, it } from 'vitest';
import { layoutDims } from '../numeric/dims.ts';
import { createRandomSource } from '../rng.ts';
import { normalCdf } from '../numeric/special.ts';
import { LogAcquisition, LowerConfidenceBound, ProjectedAcquisition, logExpectedImprovement } from './acquisition.ts';
import type { InactiveProjection } from './acquisition.ts';
import { conditionGp, extendGp, gpPredict } from './model.ts';

/** Each component of `grad` (the acquisition's analytic gradient at `p`) agrees with a central difference. */
function expectGradientMatchesDifferences(acq: { value(p: number[]): number }, p: number[], grad: Float64Array): void {
  for (let k = 0; k < p.length; k++) {
    const up = [...p];
    const down = [...p];
    up[k]! += 1e-6;
    down[k]! -= 1e-6;
    const numeric = (acq.value(up) - acq.value(down)) / 2e-6;
    expect(Math.abs(grad[k]! - numeric)).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric)));
  }
}

describe('logExpectedImprovement', () => {
  const directEi = (mean: number, variance: number, best: number): number => {
    const s = Math.sqrt(variance);
    const z = (best - mean) / s;
    return s * (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) + z * normalCdf(z));
  };

  it('matches log of the textbook EI where EI is not tiny', () => {
    for (const [mean, variance, best] of [
      [0, 1, 0],
      [0.3, 0.25, 0],
      [-1, 2, 0.5],
      [2, 0.5, 0],
    ] as const) {
      expect(logExpectedImprovement(mean, variance, best)).toBeCloseTo(Math.log(directEi(mean, variance, best)), 10);
    }
  });

  it('equals log(σ·φ(0)) when the mean equals the incumbent: EI(0 | σ = 2) = 2/√(2π)', () => {
    expect(logExpectedImprovement(1, 4, 1)).toBeCloseTo(Math.log(2 / Math.sqrt(2 * Math.PI)), 14);
  });

  it('stays finite and ordered where the textbook EI underflows', () => {
    expect(directEi(50, 1, 0)).toBe(0);
    const a = logExpectedImprovement(50, 1, 0);
    const b = logExpectedImprovement(60, 1, 0);
    expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
    // Worse mean, lower log-EI: gradients still point somewhere useful.
    expect(b).toBeLessThan(a);
    expect(a).toBeCloseTo(-1250 - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(50), 2);
  });
});

describe('LogAcquisition', () => {
  it('has a gradient that agrees with central differences, constraints included', () => {
    const { slots, width } = layoutDims([{ kind: 'continuous' }, { kind: 'continuous' }]);
    const rng = createRandomSource(4);
    const x = Float64Array.from({ length: 24 }, rng);
    const y = Array.from({ length: 12 }, (_, i) => Math.cos(4 * x[2 * i]!) - x[2 * i + 1]!);
    const c = Array.from({ length: 12 }, (_, i) => x[2 * i]! - 0.6);
    const hyper = { lengthScales: [0.4, 0.6], signalVariance: 1, noiseVariance: 1e-4 };
    const objective = conditionGp(x, 12, width, y, slots, hyper);
    const constraint = conditionGp(x, 12, width, c, slots, hyper);
    const acq = new LogAcquisition(objective, Math.min(...y), [{ model: constraint, threshold: 0 }]);
    for (const p of [
      [0.2, 0.7],
      [0.55, 0.1],
      [0.9, 0.95],
    ]) {
      const grad = new Float64Array(2);
      const v = acq.valueAndGradient(p, grad);
      expect(v).toBeCloseTo(acq.value(p), 12);
      expectGradientMatchesDifferences(acq, p, grad);
    }
  });
});

describe('LowerConfidenceBound', () => {
  const { slots, width } = layoutDims([{ kind: 'continuous' }, { kind: 'continuous' }]);
  const rng = createRandomSource(11);
  const x = Float64Array.from({ length: 24 }, rng);
  const y = Array.from({ length: 12 }, (_, i) => Math.sin(5 * x[2 * i]!) + x[2 * i + 1]! ** 2);
  const model = conditionGp(x, 12, width, y, slots, { lengthScales: [0.3, 0.5], signalVariance: 1, noiseVariance: 1e-4 });

  it('is −mean + β·σ, and has a gradient that agrees with central differences', () => {
    const acq = new LowerConfidenceBound(model, 1.5);
    for (const p of [
      [0.15, 0.8],
      [0.5, 0.5],
      [0.93, 0.07],
    ]) {
      const { mean, variance } = gpPredict(model, p);
      expect(acq.value(p)).toBeCloseTo(-mean + 1.5 * Math.sqrt(variance), 12);
      const grad = new Float64Array(2);
      expect(acq.valueAndGradient(p, grad)).toBeCloseTo(acq.value(p), 12);
      expectGradientMatchesDifferences(acq, p, grad);
    }
  });

  it('drops at a fantasised point (its σ vanishes) while the mean there stays', () => {
    const p = [0.42, 0.61];
    const believed = extendGp(model, [p], [gpPredict(model, p).mean]);
    expect(gpPredict(believed, p).mean).toBeCloseTo(gpPredict(model, p).mean, 3);
    expect(gpPredict(believed, p).variance).toBeLessThan(0.1 * gpPredict(model, p).variance);
    expect(new LowerConfidenceBound(believed, 1).value(p)).toBeLessThan(new LowerConfidenceBound(model, 1).value(p));
  });

  it('rejects a negative β, naming it', () => {
    expect(() => new LowerConfidenceBound(model, -1)).toThrow(/beta must be >= 0, got -1/);
  });
});

describe('ProjectedAcquisition', () => {
  // Coordinate 1 is inactive whenever coordinate 0 is below 0.5 (a conditional parameter), and then read at 0.5.
  const { slots, width } = layoutDims([{ kind: 'continuous' }, { kind: 'continuous' }]);
  const rng = createRandomSource(5);
  const x = Float64Array.from({ length: 20 }, rng);
  const y = Array.from({ length: 10 }, (_, i) => Math.cos(4 * x[2 * i]!) + (x[2 * i + 1]! - 0.3) ** 2);
  const model = conditionGp(x, 10, width, y, slots, { lengthScales: [0.3, 0.3], signalVariance: 1, noiseVariance: 1e-4 });
  const projection: InactiveProjection = {
    apply: (p) => (p[0]! < 0.5 ? { point: Float64Array.from([p[0]!, 0.5]), inactive: [1] } : null),
  };
  const inner = new LogAcquisition(model, Math.min(...y), []);
  const acq = new ProjectedAcquisition(inner, projection);

  it('reads an inactive coordinate at its fill: moving it changes neither the value nor the gradient', () => {
    for (const moved of [0.05, 0.5, 0.97]) expect(acq.value([0.2, moved])).toBe(inner.value([0.2, 0.5]));
    const grad = new Float64Array(2);
    const v = acq.valueAndGradient([0.2, 0.9], grad);
    expect(v).toBe(inner.value([0.2, 0.5]));
    expect(grad[1]).toBe(0);
    const innerGrad = new Float64Array(2);
    inner.valueAndGradient([0.2, 0.5], innerGrad);
    expect(grad[0]).toBe(innerGrad[0]);
    expect(innerGrad[1]).not.toBe(0);
  });

  it('is the acquisition itself where every coordinate is active', () => {
    const p = [0.8, 0.9];
    expect(acq.value(p)).toBe(inner.value(p));
    const grad = new Float64Array(2);
    acq.valueAndGradient(p, grad);
    expectGradientMatchesDifferences(acq, p, grad);
  });
});
