import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand, commandsRefusedMessage, resolveProgram } from './command-policy.ts';
import { runObjective } from './run-objective.ts';

const node = process.execPath;
const nodeDir = path.dirname(node);

/** A command objective whose program, if it ever starts, leaves a file behind. */
function markerCommand(program: string[]) {
  const marker = path.join(mkdtempSync(path.join(tmpdir(), 'tb-policy-')), 'ran');
  const script = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); console.log(JSON.stringify({ score: 1 }))`;
  return { marker, spec: { kind: 'command', command: [...program, '-e', script, '--'], metric: 'score' } };
}

describe('command objectives and --allow-commands', { timeout: 60_000 }, () => {
  it('refuses a command objective by default, without starting the program', async () => {
    const { marker, spec } = markerCommand([node]);
    const result = await runObjective(spec, {});
    expect(result).toEqual({ state: 'FAIL', error: commandsRefusedMessage });
    expect(result.error).toBe('this runner does not accept command objectives; start it with --allow-commands');
    expect(existsSync(marker)).toBe(false);
    // Told to refuse, it refuses the same way.
    expect(await runObjective(spec, {}, { commands: { accept: false } })).toEqual({ state: 'FAIL', error: commandsRefusedMessage });
    expect(existsSync(marker)).toBe(false);
  });

  it('runs any program when started with --allow-commands alone', async () => {
    const { marker, spec } = markerCommand([node]);
    expect(await runObjective(spec, {}, { commands: { accept: true } })).toMatchObject({ state: 'COMPLETE', values: [1] });
    expect(existsSync(marker)).toBe(true);
  });

  it('runs a program of the list, named by absolute path or by name found on PATH', async () => {
    const byPath = markerCommand([node]);
    expect(await runObjective(byPath.spec, {}, { commands: { accept: true, programs: ['python3', node] } })).toMatchObject({ state: 'COMPLETE' });
    expect(existsSync(byPath.marker)).toBe(true);
    // The study says `node` (looked up on its PATH), the list the same file by its absolute path, and the
    // other way round: both name one program.
    const byName = markerCommand([path.basename(node)]);
    const env = { PATH: nodeDir };
    expect(await runObjective(byName.spec, {}, { env, commands: { accept: true, programs: [node] } })).toMatchObject({ state: 'COMPLETE' });
    expect(existsSync(byName.marker)).toBe(true);
    expect(checkCommand({ accept: true, programs: [path.basename(node)] }, node, { cwd: '/', commandPath: undefined, runnerPath: nodeDir })).toEqual({
      program: node,
    });
  });

  it('refuses a program missing from the list, naming it and the list, without starting it', async () => {
    const { marker, spec } = markerCommand([node]);
    const result = await runObjective(spec, {}, { commands: { accept: true, programs: ['/opt/train.sh'] } });
    expect(result.state).toBe('FAIL');
    expect(result.error).toBe(`this runner does not allow the program ${JSON.stringify(node)} (${node}): its --allow-commands list is /opt/train.sh`);
    expect(existsSync(marker)).toBe(false);
  });

  it('finds the command with its own PATH: a look-alike earlier on that PATH is not the allowed program', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tb-policy-'));
    const fake = path.join(dir, path.basename(node));
    writeFileSync(fake, '#!/bin/sh\ntouch "$0.ran"\n');
    chmodSync(fake, 0o755);
    const spec = { kind: 'command', command: [path.basename(node), '-e', '0'], env: { PATH: `${dir}${path.delimiter}${nodeDir}` }, metric: 'score' };
    const result = await runObjective(spec, {}, { commands: { accept: true, programs: [node] } });
    expect(result.state).toBe('FAIL');
    expect(result.error).toContain(`(${fake}): its --allow-commands list is ${node}`);
    expect(existsSync(`${fake}.ran`)).toBe(false);
  });

  it('resolves relative paths against the command cwd and reports programs it cannot find', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tb-policy-'));
    const script = path.join(dir, 'train.sh');
    writeFileSync(script, '#!/bin/sh\n');
    chmodSync(script, 0o755);
    expect(resolveProgram('./train.sh', undefined, dir)).toBe(script);
    expect(resolveProgram('train.sh', dir, '/')).toBe(script);
    // Not executable, or not there: not a program.
    chmodSync(script, 0o644);
    expect(resolveProgram('./train.sh', undefined, dir)).toBeUndefined();
    expect(checkCommand({ accept: true, programs: [script] }, 'no-such-program-tb', { cwd: dir, commandPath: dir, runnerPath: dir })).toEqual({
      error: `cannot find the program "no-such-program-tb" on this runner (its --allow-commands list is ${script})`,
    });
  });
});
