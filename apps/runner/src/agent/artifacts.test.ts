// Trials' files reach the API: a command's TUNEBOARD_ARTIFACT_DIR and `{"artifact": path}` lines, and a template's
// trained model, which loads in TensorFlow.js and predicts as the trained one did (issue #19, item 5), and
// "Evaluate on test" of that model through a running runner (item 6).
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '@tuneboard/db/testing';
import { selectBackend } from '../backend/select-backend.ts';
import { loadPreparedData } from '../train/prepare.ts';
import { runnerFixture, until } from './agent-fixture.ts';

// As python-command.test.ts: skipped with a printed reason only where python3 is absent (CI installs it).
const pythonMissing = spawnSync('python3', ['-c', 'import sys; assert sys.version_info >= (3, 9)']).status !== 0;
if (pythonMissing) console.warn('skipping the tb.artifact test: python3 (3.9+) cannot be started; CI installs it');
const clientDir = fileURLToPath(new URL('../../../../clients/python', import.meta.url));
const ARTIFACTS = `query($id: ID!) { trial(id: $id) { artifacts { name kind state size downloadUrl } } }`;

interface Listed {
  name: string;
  kind: string;
  state: string;
  size: number;
  downloadUrl: string;
}

describe.each(testDatabases)('trial artifacts from the runner [$name]', (target) => {
  const h = runnerFixture(target);

  const download = async (artifact: Listed) => {
    const response = await fetch(new URL(artifact.downloadUrl, h.api.server.url));
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  it('uploads what a command writes to TUNEBOARD_ARTIFACT_DIR and the files it names with {"artifact": path}', async () => {
    const outside = path.join(await mkdtemp(path.join(os.tmpdir(), 'tb-named-')), 'report.txt');
    await writeFile(outside, 'named file\n');
    const script = `
      const fs = require('node:fs'); const path = require('node:path');
      const dir = process.env.TUNEBOARD_ARTIFACT_DIR;
      fs.mkdirSync(path.join(dir, 'plots'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'plots', 'curve.csv'), 'step,loss\\n0,1\\n');
      console.log(JSON.stringify({ artifact: ${JSON.stringify(outside)} }));
      console.log(JSON.stringify({ step: 0, val_loss: 0.5 }));`;
    const { id } = await h.study(['node', '-e', script, '--']);
    const agent = await h.startAgent(id);
    const [trial] = await h.finished(id);
    expect(trial!.state).toBe('COMPLETE');
    const { trial: row } = await h.api.gql<{ trial: { artifacts: Listed[] } }>(ARTIFACTS, { id: trial!.id }, h.team.user);
    expect(row.artifacts.map((a) => [a.name, a.kind, a.state])).toEqual([
      ['plots/curve.csv', 'FILE', 'READY'],
      ['report.txt', 'FILE', 'READY'],
    ]);
    expect((await download(row.artifacts[0]!)).toString()).toBe('step,loss\n0,1\n');
    expect((await download(row.artifacts[1]!)).toString()).toBe('named file\n');
    await agent.stop();
  }, 90_000);

  it.skipIf(pythonMissing)('attaches the files of a Python objective written with tb.artifact and tb.artifact_dir', async () => {
    const script = [
      'import os, tempfile',
      'import tuneboard as tb',
      'with open(os.path.join(tb.artifact_dir(), "weights.txt"), "w") as f: f.write("w=1")',
      'named = os.path.join(tempfile.mkdtemp(), "summary.json")',
      'with open(named, "w") as f: f.write("{}")',
      'tb.artifact(named)',
      'tb.report(0, val_loss=tb.params()["x"])',
    ].join('\n');
    const { id } = await h.study(['python3', '-c', script], {
      objective: { kind: 'command', command: ['python3', '-c', script], metric: 'val_loss', env: { PYTHONPATH: clientDir } },
    });
    const agent = await h.startAgent(id, h.api.server.url, [], 1, { commands: { accept: true } });
    const [trial] = await h.finished(id);
    expect(trial!.state).toBe('COMPLETE');
    const { trial: row } = await h.api.gql<{ trial: { artifacts: Listed[] } }>(ARTIFACTS, { id: trial!.id }, h.team.user);
    expect(row.artifacts.map((a) => a.name)).toEqual(['summary.json', 'weights.txt']);
    expect((await download(row.artifacts[1]!)).toString()).toBe('w=1');
    await agent.stop();
  }, 90_000);

  it('saves the trained mlp of a COMPLETE trial; the downloaded model loads in TensorFlow.js and predicts; "Evaluate on test" reports its test figures', async () => {
    const { id } = await h.irisStudy(30, { maxTrials: 1, maxParallel: 1 });
    const agent = await h.startAgent(id);
    const [trial] = await h.finished(id);
    expect(trial!.state).toBe('COMPLETE');
    const { trial: row } = await h.api.gql<{ trial: { artifacts: Listed[] } }>(ARTIFACTS, { id: trial!.id }, h.team.user);
    expect(row.artifacts.map((a) => [a.name, a.kind])).toEqual([
      ['model/model.json', 'MODEL'],
      ['model/preprocessing.json', 'MODEL'],
      ['model/weights.bin', 'MODEL'],
    ]);
    const [modelJson, preprocessing, weights] = await Promise.all(row.artifacts.map(download));
    const json = JSON.parse(modelJson!.toString());
    // A plain tfjs user loads it: no Tuneboard layer classes in the topology.
    expect(JSON.stringify(json.modelTopology)).not.toContain('Tuneboard');
    await selectBackend('cpu');
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0].weights,
        weightData: weights!.buffer.slice(weights!.byteOffset, weights!.byteOffset + weights!.byteLength),
      }),
    );
    const info = JSON.parse(preprocessing!.toString());
    expect(info).toMatchObject({ template: 'mlp', dataset: 'iris', inputShape: [4], output: 'logits', classNames: expect.any(Array) });
    // The study's split (split seed 0): the model's predictions on its test rows.
    const data = await loadPreparedData({ dataset: 'iris' }, 'mlp', { splitSeed: 0 });
    expect(info.standardize.mean).toEqual(Array.from(data.scaler!.mean));
    const logits = model.predict(tf.tensor2d(data.test.x, [data.test.y.length, data.numFeatures])) as tf.Tensor;
    const predicted = Array.from(await logits.argMax(1).data());
    const accuracy = predicted.filter((label, i) => label === data.test.y[i]).length / data.test.y.length;
    expect(accuracy).toBeGreaterThan(0.5);
    model.dispose();

    // The test split was not read while the study ran: no test figures until one asks.
    const testPoints = async () =>
      (
        await h.api.gql<{ trial: { metrics: { key: string; points: { step: number; value: number }[] }[] } }>(
          `query($id: ID!) { trial(id: $id) { metrics(keys: ["test_loss", "test_accuracy"]) { key points { step value } } } }`,
          { id: trial!.id },
          h.team.user,
        )
      ).trial.metrics.filter((m) => m.points.length > 0);
    expect(await testPoints()).toEqual([]);
    const { trialEvaluate } = await h.api.gql(
      `mutation($i: TrialEvaluateInput!) { trialEvaluate(input: $i) { evaluation { id state } userErrors { message } } }`,
      { i: { trialId: trial!.id } },
      h.team.user,
    );
    expect(trialEvaluate.userErrors).toEqual([]);
    // The running runner claims it (woken by the API's announcement, or its poll) and reports on the trial.
    const evaluation = await until('the evaluation to end', async () => {
      const { trial: read } = await h.api.gql(
        `query($id: ID!) { trial(id: $id) { evaluation { state error attempt metrics { key value } } } }`,
        { id: trial!.id },
        h.team.user,
      );
      return ['DONE', 'FAILED'].includes(read.evaluation.state) ? read.evaluation : undefined;
    });
    expect(evaluation).toMatchObject({ state: 'DONE', error: null, attempt: 1 });
    const figures = Object.fromEntries((evaluation.metrics as { key: string; value: number }[]).map((m) => [m.key, m.value]));
    expect(figures.test_accuracy).toBeCloseTo(accuracy, 10);
    expect(figures.test_rows).toBe(data.test.y.length);
    expect(figures.test_loss).toBeGreaterThan(0);
    expect(Object.fromEntries((await testPoints()).map((m) => [m.key, m.points]))).toEqual({
      test_loss: [{ step: 0, value: figures.test_loss }],
      test_accuracy: [{ step: 0, value: figures.test_accuracy }],
    });
    await agent.stop();
  }, 120_000);
});
