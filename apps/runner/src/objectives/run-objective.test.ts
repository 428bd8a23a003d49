import { describe, expect, it } from 'vitest';
import type { MetricPoint } from './metrics.ts';
import { runObjective } from './run-objective.ts';

// Generous limit: the machine is shared and busy; these tests assert results, never durations.
describe('runObjective', { timeout: 120_000 }, () => {
  it('trains a template trial, streams per-epoch metrics and returns the validation objective', async () => {
    const points: MetricPoint[] = [];
    const result = await runObjective(
      { kind: 'template', template: 'mlp', dataset: 'digits', metric: ['val_accuracy', 'num_parameters'] },
      { epochs: 3, units: 32, batch_size: 64 },
      { backend: 'wasm', seed: 4, onMetrics: (batch) => void points.push(...batch) },
    );
    expect(result.error).toBeUndefined();
    expect(result.state).toBe('COMPLETE');
    const lastValAccuracy = points.filter((p) => p.key === 'val_accuracy').at(-1)!;
    expect(lastValAccuracy.step).toBe(3);
    expect(result.values).toEqual([lastValAccuracy.value, result.summary!.num_parameters]);
    // The test split is not read while the study runs: "Evaluate on test" does that for a saved model.
    expect(points.filter((p) => p.key.startsWith('test_'))).toEqual([]);
    expect(points.some((p) => p.key === 'num_parameters' && p.step === 3)).toBe(true);
    expect(result.summary!.backend).toBe('wasm');
  });

  it('prunes a template trial when onMetrics answers prune', async () => {
    const result = await runObjective(
      { kind: 'template', template: 'mlp', dataset: 'iris', metric: 'val_loss' },
      { epochs: 20, units: 8 },
      { backend: 'wasm', onMetrics: (batch) => (batch[0]!.step === 2 ? 'prune' : undefined) },
    );
    expect(result.state).toBe('PRUNED');
    expect(result.stoppedBy).toBe('pruner');
    expect(result.summary!.epochs).toBe(2);
  });

  it('fails, without throwing, on bad parameters and on an invalid spec', async () => {
    const bad = await runObjective({ kind: 'template', template: 'mlp', dataset: 'iris' }, { learning_rate: 'fast' }, { backend: 'wasm' });
    expect(bad.state).toBe('FAIL');
    expect(bad.error).toMatch(/parameter "learning_rate"/);
    const invalid = await runObjective({ kind: 'template', template: 'mlp' }, {});
    expect(invalid).toEqual({ state: 'FAIL', error: 'invalid objective spec: dataset: give exactly one of `dataset` and `csv`' });
  });

  it('runs a command objective with the trial context in its environment', async () => {
    const script = `console.log(JSON.stringify({ step: 1, score: Number(process.env.TUNEBOARD_TRIAL_NUMBER) + Number(process.env.TUNEBOARD_SEED) }))`;
    const result = await runObjective(
      { kind: 'command', command: [process.execPath, '-e', script, '--'], metric: 'score' },
      { x: 1 },
      { seed: 5, context: { trialNumber: 2 }, commands: { accept: true } },
    );
    expect(result).toMatchObject({ state: 'COMPLETE', values: [7] });
  });
});
