import { describe, expect, it } from 'vitest';
import type { Dim } from '../numeric/dims.ts';
import { normalCdf } from '../numeric/special.ts';
import type { CmaesState } from './cmaes.ts';
import { initialCmaesState, marginAlpha, sampleCandidates, tellGeneration } from './cmaes.ts';
import { restartState, shouldRestart } from './restarts.ts';
import { cmaesSuggest, replayCmaes } from './suggest.ts';

const cont = (d: number): Dim[] => Array.from({ length: d }, () => ({ kind: 'continuous' }));
const sphere = (x: readonly number[]): number => x.reduce((a, v) => a + (v - 0.3) ** 2, 0);
// Rosenbrock on [−2, 2]², optimum (1, 1) ↦ (0.75, 0.75) in the unit square.
const rosenbrock = (x: readonly number[]): number => {
  const a = 4 * x[0]! - 2;
  const b = 4 * x[1]! - 2;
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

function optimise(f: (x: readonly number[]) => number, dims: Dim[], budget: number, seed: number) {
  const history: { x: number[]; y: number }[] = [];
  for (let i = 0; i < budget; i++) {
    const x = cmaesSuggest({ history, dims, seed });
    history.push({ x, y: f(x) });
  }
  return history;
}

// Whole optimisation runs: a generous limit because test machines are shared; no test asserts speed.
const optimisationTimeout = 60_000;

describe('cmaesSuggest', { timeout: optimisationTimeout }, () => {
  it('minimises a 4-D sphere to below 1e-4 in 300 evaluations', () => {
    const history = optimise(sphere, cont(4), 300, 1);
    expect(Math.min(...history.map((h) => h.y))).toBeLessThan(1e-4);
  });

  it('minimises the 2-D Rosenbrock function to below 1e-4 in 600 evaluations', () => {
    const history = optimise(rosenbrock, cont(2), 600, 3);
    expect(Math.min(...history.map((h) => h.y))).toBeLessThan(1e-4);
  });

  it('keeps every suggestion inside the cube and gets within 0.01 of a corner optimum', () => {
    const history = optimise((x) => x[0]! + x[1]!, cont(2), 120, 2);
    for (const { x } of history) expect(x.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(Math.min(...history.map((h) => h.y))).toBeLessThan(1e-2);
  });

  it('gives the same suggestion for the same seed and history, another for another seed', () => {
    const history = optimise(sphere, cont(3), 25, 7);
    const a = cmaesSuggest({ history, dims: cont(3), seed: 7 });
    expect(cmaesSuggest({ history, dims: cont(3), seed: 7 })).toEqual(a);
    expect(cmaesSuggest({ history, dims: cont(3), seed: 8 })).not.toEqual(a);
  });

  it('hands parallel asks distinct candidates of the same generation', () => {
    const history = optimise(sphere, cont(3), 14, 4);
    const first = cmaesSuggest({ history, dims: cont(3), seed: 4 });
    const second = cmaesSuggest({ history, pending: [first], dims: cont(3), seed: 4 });
    expect(second).not.toEqual(first);
    const { state, partial } = replayCmaes({ history, dims: cont(3), seed: 4 });
    const candidates = sampleCandidates(state, 4, partial.length + 2);
    expect(first).toEqual(candidates[partial.length]);
    expect(second).toEqual(candidates[partial.length + 1]);
  });

  it('rebuilds from history exactly the state an incremental ask/tell loop reaches', () => {
    const seed = 11;
    const dims = cont(3);
    let state: CmaesState = initialCmaesState([0.5, 0.5, 0.5], [[], [], []], 7, 0.2);
    const history: { x: number[]; y: number }[] = [];
    for (let g = 0; g < 6; g++) {
      const xs = sampleCandidates(state, seed, state.params.lambda);
      const fs = xs.map(sphere);
      xs.forEach((x, i) => history.push({ x, y: fs[i]! }));
      state = tellGeneration(state, xs, fs);
    }
    const rebuilt = replayCmaes({ history, dims, seed, populationSize: 7 });
    expect(rebuilt.partial).toEqual([]);
    expect(rebuilt.state).toEqual(state);
  });

  it('rebuilds the same state across an IPOP restart', () => {
    const seed = 5;
    // A flat objective stalls the run (TolFun), so a restart with λ = 14 happens within 40 generations.
    let state: CmaesState = initialCmaesState([0.5, 0.5, 0.5], [[], [], []], 7, 0.2);
    const history: { x: number[]; y: number }[] = [];
    for (let g = 0; g < 40; g++) {
      const xs = sampleCandidates(state, seed, state.params.lambda);
      const fs = xs.map(() => 1);
      xs.forEach((x, i) => history.push({ x, y: fs[i]! }));
      state = tellGeneration(state, xs, fs);
      if (shouldRestart(state, fs)) state = restartState(state, seed);
    }
    expect(state.restart).toBeGreaterThanOrEqual(1);
    expect(replayCmaes({ history, dims: cont(3), seed, populationSize: 7 }).state).toEqual(state);
  });

  it('snaps integer dims to their grid and finds the best level', () => {
    // x0 has 11 levels at (k + ½)/11 with the optimum at k = 7; x1 is continuous with optimum 0.33.
    const dims: Dim[] = [{ kind: 'int', levels: 11 }, { kind: 'continuous' }];
    const level = (u: number) => u * 11 - 0.5;
    const f = (x: readonly number[]) => (level(x[0]!) - 7) ** 2 + (x[1]! - 0.33) ** 2;
    const history = optimise(f, dims, 200, 5);
    for (const { x } of history) expect(Math.abs(level(x[0]!) - Math.round(level(x[0]!)))).toBeLessThan(1e-9);
    const best = history.reduce((a, b) => (b.y < a.y ? b : a));
    expect(best.x[0]).toBeCloseTo(7.5 / 11, 12);
    expect(best.y).toBeLessThan(1e-6);
  });

  it('snaps to explicit level positions (e.g. log-scaled steps)', () => {
    const values = [0.05, 0.2, 0.6, 0.95];
    const dims: Dim[] = [{ kind: 'int', levels: 4, values }];
    const history = optimise((x) => (x[0]! - 0.55) ** 2, dims, 60, 1);
    for (const { x } of history) expect(values).toContain(x[0]);
    expect(history.some((h) => h.x[0] === 0.6)).toBe(true);
  });

  it('returns one-hot categoricals and finds the best choice', () => {
    const dims: Dim[] = [{ kind: 'categorical', choices: 4 }, { kind: 'continuous' }];
    const f = (x: readonly number[]) => (x[1] === 1 ? 0 : 1) + (x[4]! - 0.6) ** 2;
    const history = optimise(f, dims, 150, 2);
    for (const { x } of history) expect(x.slice(0, 4).sort()).toEqual([0, 0, 0, 1]);
    expect(Math.min(...history.map((h) => h.y))).toBeLessThan(1e-4);
  });

  it('keeps the chance of leaving the current integer at least α after convergence (the margin)', () => {
    const dims: Dim[] = [{ kind: 'int', levels: 5 }, { kind: 'continuous' }];
    const f = (x: readonly number[]) => (x[0]! - 0.5) ** 2 + (x[1]! - 0.4) ** 2;
    const history = optimise(f, dims, 150, 9);
    const { state } = replayCmaes({ history, dims, seed: 9 });
    const n = 2;
    const sd = state.sigma * state.marginScale[0]! * Math.sqrt(state.cov[0]!);
    const m = state.mean[0]!;
    // Levels at (k + ½)/5: the thresholds around level k are k/5 and (k + 1)/5.
    const level = Math.min(4, Math.max(0, Math.round(m * 5 - 0.5)));
    const lower = level > 0 ? normalCdf((level / 5 - m) / sd) : 0;
    const upper = level < 4 ? 1 - normalCdf(((level + 1) / 5 - m) / sd) : 0;
    const tail = lower + upper;
    expect(state.sigma * Math.sqrt(state.cov[n * 1 + 1]!)).toBeLessThan(1e-2);
    expect(tail).toBeGreaterThanOrEqual(marginAlpha(state.params) * (1 - 1e-9));
  });

  it('restarts with a doubled population when the objective is flat (IPOP)', () => {
    const history = optimise(() => 1, cont(2), 300, 1);
    const { state } = replayCmaes({ history, dims: cont(2), seed: 1 });
    expect(state.restart).toBeGreaterThanOrEqual(1);
    expect(state.params.lambda).toBe(6 * 2 ** state.restart);
  });

  it('names the trial when a value is not finite', () => {
    expect(() => cmaesSuggest({ history: [{ x: [0.5], y: Number.NaN }], dims: cont(1), seed: 1 })).toThrow(
      'history[0].y must be finite, got NaN',
    );
  });
});

describe('shouldRestart and restartState', () => {
  it('does not fire on a fresh state and doubles λ with a fresh mean on restart', () => {
    const state = initialCmaesState([0.5, 0.5], [[], []], 6, 0.2);
    expect(shouldRestart(state, [1, 2, 3])).toBe(false);
    const next = restartState(state, 3);
    expect(next.params.lambda).toBe(12);
    expect(next.restart).toBe(1);
    expect(next.mean).not.toEqual(state.mean);
  });
});
