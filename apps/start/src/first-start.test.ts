import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseObjectiveSpec } from '@tuneboard/contract';
import { parsePrunerConfig, parseSamplerConfig, parseSpace } from '@tuneboard/tuning';
import { describe, expect, it } from 'vitest';
import { demoStudyInput, planStart, randomPassword, readStartState, stateFileName, writeStartState, type StartState } from './first-start.ts';

const state: StartState = {
  version: 1,
  ownerEmail: 'owner@tuneboard.local',
  teamId: 'VGVhbTox',
  projectId: 'UHJvamVjdDox',
  studyId: 'U3R1ZHk6MQ==',
  runnerToken: 'tb_secret',
};

describe('planStart', () => {
  it('creates account, team, project, token and study on a first start', () => {
    const plan = planStart(null);
    expect(plan.kind).toBe('first-start');
    if (plan.kind !== 'first-start') return;
    expect(plan.steps.join('\n')).toMatch(/owner account[\s\S]*team[\s\S]*project[\s\S]*runner token[\s\S]*demo study/);
  });

  it('resumes with what start.json remembers', () => {
    expect(planStart(state)).toEqual({ kind: 'resume', state });
  });
});

describe('start.json', () => {
  it('round-trips and is readable by its owner only', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-start-state-'));
    expect(readStartState(dir)).toBeNull();
    writeStartState(dir, state);
    expect(readStartState(dir)).toEqual(state);
    expect(statSync(path.join(dir, stateFileName)).mode & 0o777).toBe(0o600);
  });

  it('names the field at fault in a damaged file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-start-state-'));
    writeFileSync(path.join(dir, stateFileName), JSON.stringify({ ...state, studyId: 7 }));
    expect(() => readStartState(dir)).toThrow(/field studyId/);
  });
});

describe('the demo study', () => {
  const input = demoStudyInput('UHJvamVjdDox');

  it('is a valid space, sampler, pruner and objective for 120 trials, two at a time', () => {
    const space = parseSpace(input.space);
    expect(space.params.map((p) => p.name).sort()).toEqual(['batch_size', 'dropout', 'epochs', 'hidden_layers', 'learning_rate', 'units']);
    expect(parseSamplerConfig(input.sampler)).toMatchObject({ kind: 'auto' });
    expect(parsePrunerConfig(input.pruner)).toMatchObject({ kind: 'median' });
    expect(parseObjectiveSpec(input.objective)).toMatchObject({ template: 'mlp', dataset: 'digits' });
    expect(input.budget).toEqual({ maxTrials: 120, maxParallel: 2, maxFailures: 3 });
  });

  it('searches the learning rate and units on a log scale', () => {
    expect(input.space.learning_rate).toMatchObject({ log: true });
    expect(input.space.units).toMatchObject({ log: true });
  });
});

describe('randomPassword', () => {
  it('is long enough for the API and differs each time', () => {
    const a = randomPassword();
    expect(a.length).toBeGreaterThanOrEqual(10);
    expect(randomPassword()).not.toBe(a);
  });
});
