import { describe, expect, it } from 'vitest';
import { parseTrainParams, trainDefaults } from './params.ts';

describe('parseTrainParams', () => {
  it('fills every missing parameter with its default', () => {
    const config = parseTrainParams('mlp', {});
    expect(config.learningRate).toBe(trainDefaults.learning_rate);
    expect(config.hiddenUnits).toEqual([128, 128]);
    expect(config.optimizer).toBe('adam');
  });

  it('accepts camelCase, numeric strings and per-layer overrides', () => {
    const config = parseTrainParams('mlp', { learningRate: '0.01', hidden_layers: 3, units: 32, units_2: 8, batch_norm: 'true' });
    expect(config.learningRate).toBe(0.01);
    expect(config.hiddenUnits).toEqual([32, 8, 32]);
    expect(config.batchNorm).toBe(true);
  });

  it('doubles cnn filters per block unless a block is given', () => {
    expect(parseTrainParams('cnn', { conv_blocks: 3, filters: 8 }).convFilters).toEqual([8, 16, 32]);
    expect(parseTrainParams('cnn', { conv_blocks: 2, filters_2: 5 }).convFilters).toEqual([16, 5]);
  });

  it('names a bad value with the rule and the value', () => {
    expect(() => parseTrainParams('mlp', { learning_rate: -1 })).toThrow(/parameter "learning_rate" .*got -1/);
    expect(() => parseTrainParams('mlp', { optimizer: 'adagrad' })).toThrow(/parameter "optimizer" .*got "adagrad"/);
  });

  it('rejects a parameter the template does not know', () => {
    expect(() => parseTrainParams('mlp', { lerning_rate: 0.1 })).toThrow(/unknown parameter "lerning_rate" for template mlp/);
    expect(() => parseTrainParams('mlp', { filters: 3 })).toThrow(/unknown parameter "filters"/);
    expect(() => parseTrainParams('mlp', { hidden_layers: 1, units_3: 4 })).toThrow(/"units_3" names layer 3, but there are 1/);
  });
});
