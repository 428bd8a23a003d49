import { describe, expect, it } from 'vitest';
import { commandOfStudy, studyRefusal } from './registration.ts';

const commandStudy = { id: 'U3R1ZHk6MQ', name: 'sweep', objective: { kind: 'command', command: ['python3', 'train.py'], metric: 'val_loss' } };
const templateStudy = { id: 'U3R1ZHk6Mg', name: 'mlp', objective: { kind: 'template', template: 'mlp', dataset: 'iris' } };

describe('what a runner says of the study of its --study before it claims', () => {
  it('refuses a command study without --allow-commands, naming the study, its command and the flag', () => {
    expect(studyRefusal(commandStudy, { accept: false })).toBe(
      '--study U3R1ZHk6MQ ("sweep") runs a command (python3 train.py), and this runner refuses command objectives: it could claim none ' +
        'of its trials. Start it with --allow-commands (any program) or --allow-commands "python3" (that program only)',
    );
  });

  it('refuses a command study whose program its --allow-commands list leaves out, comparing file names as the claim does', () => {
    expect(studyRefusal(commandStudy, { accept: true, programs: ['node', '/opt/train.sh'] })).toMatch(
      /runs a command \(python3 train\.py\), and its program "python3" is not in this runner's --allow-commands list \(node, \/opt\/train\.sh\): it could claim none of its trials/,
    );
    expect(studyRefusal(commandStudy, { accept: true, programs: ['/usr/bin/python3'] })).toBeUndefined();
    expect(studyRefusal(commandStudy, { accept: true })).toBeUndefined();
  });

  it('shortens a long command to 120 characters with an ellipsis, its whitespace collapsed', () => {
    const script = `import json, os\n${'x = 1; '.repeat(30)}`;
    const long = { ...commandStudy, objective: { kind: 'command', command: ['python3', '-c', script], metric: 'val_loss' } };
    const shown = /runs a command \((.*)\), and this runner/.exec(studyRefusal(long, { accept: false }) ?? '')?.[1];
    expect(shown).toHaveLength(120);
    expect(shown).toBe(`${`python3 -c ${script}`.replace(/\s+/g, ' ').slice(0, 119)}…`);
  });

  it('lets a template study through whatever the command policy, and tells command studies apart', () => {
    expect(studyRefusal(templateStudy, { accept: false })).toBeUndefined();
    expect(commandOfStudy(templateStudy)).toBeUndefined();
    expect(commandOfStudy(commandStudy)).toEqual(['python3', 'train.py']);
    expect(commandOfStudy({ ...commandStudy, objective: null })).toBeUndefined();
  });
});
