import { describe, expect, it } from 'vitest';
import { describeCapabilities, describeCommands } from './runner-capabilities.ts';

describe('runner capabilities', () => {
  it('names the backend and the device from what the runner reported', () => {
    expect(describeCapabilities({ backend: 'wasm', gpus: 0 })).toEqual({
      backend: 'wasm',
      device: 'CPU only',
    });
    expect(describeCapabilities({ backend: 'tfjs-node-gpu', device: 'RTX 4090', gpus: 2 })).toEqual({
      backend: 'tfjs-node-gpu',
      device: 'RTX 4090 · 2 GPUs',
    });
  });

  it('shows dashes for capabilities that are not an object', () => {
    expect(describeCapabilities('fast')).toEqual({ backend: '—', device: '—' });
  });

  it('says which command objectives a runner runs', () => {
    expect(describeCommands(false, null)).toBe('templates only');
    expect(describeCommands(true, null)).toBe('any program');
    expect(describeCommands(true, ['python3', '/opt/train.sh'])).toBe('python3, /opt/train.sh');
  });
});
