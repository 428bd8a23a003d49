import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStartOptions, StartUsageError } from './args.ts';

const dirs = { repoRoot: '/repo', cwd: '/repo/apps/web' };

describe('parseStartOptions', () => {
  it('uses ports 4000 and 3000 and the .data folder at the repository root by default', () => {
    expect(parseStartOptions([], {}, dirs)).toEqual({
      apiPort: 4000,
      webPort: 3000,
      dataDir: path.join('/repo', '.data'),
      web: true,
      host: '127.0.0.1',
      webDistDir: '.next',
    });
  });

  it('takes ports from the environment and lets flags override them', () => {
    const env = { TUNEBOARD_API_PORT: '4100', TUNEBOARD_WEB_PORT: '3100' };
    expect(parseStartOptions([], env, dirs)).toMatchObject({ apiPort: 4100, webPort: 3100 });
    expect(parseStartOptions(['--api-port', '4200'], env, dirs)).toMatchObject({ apiPort: 4200, webPort: 3100 });
  });

  it('resolves a given data folder from where the command was typed', () => {
    expect(parseStartOptions(['--data-dir', 'tmp/x'], {}, dirs)).toMatchObject({ dataDir: '/repo/apps/web/tmp/x' });
    expect(parseStartOptions([], { TUNEBOARD_START_DIR: '/abs/d' }, dirs)).toMatchObject({ dataDir: '/abs/d' });
  });

  it('turns the dashboard off with --no-web or TUNEBOARD_NO_WEB', () => {
    expect(parseStartOptions(['--no-web'], {}, dirs)).toMatchObject({ web: false });
    expect(parseStartOptions([], { TUNEBOARD_NO_WEB: '1' }, dirs)).toMatchObject({ web: false });
    expect(parseStartOptions([], { TUNEBOARD_NO_WEB: 'false' }, dirs)).toMatchObject({ web: true });
  });

  it('names the flag and the value of a bad port', () => {
    expect(() => parseStartOptions(['--api-port', '70000'], {}, dirs)).toThrow(/--api-port .* got "70000"/);
    expect(() => parseStartOptions([], { TUNEBOARD_WEB_PORT: 'abc' }, dirs)).toThrow(/TUNEBOARD_WEB_PORT .* got "abc"/);
  });

  it('refuses one port for both servers, unless the dashboard is off', () => {
    expect(() => parseStartOptions(['--api-port', '3000'], {}, dirs)).toThrow(StartUsageError);
    expect(parseStartOptions(['--api-port', '3000', '--no-web'], {}, dirs)).toMatchObject({ apiPort: 3000 });
  });

  it('reports an unknown flag as a usage error and answers --help', () => {
    expect(() => parseStartOptions(['--bogus'], {}, dirs)).toThrow(StartUsageError);
    expect(parseStartOptions(['--help'], {}, dirs)).toBe('help');
  });
});
