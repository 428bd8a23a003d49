import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webBuildVerdict } from './build.ts';

const startDistDir = '.next';

function webFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-start-build-'));
  mkdirSync(path.join(dir, 'src', 'app'), { recursive: true });
  writeFileSync(path.join(dir, 'src', 'app', 'page.tsx'), 'export default 1;');
  return dir;
}

function build(dir: string, at: Date): void {
  mkdirSync(path.join(dir, startDistDir), { recursive: true });
  writeFileSync(path.join(dir, startDistDir, 'BUILD_ID'), 'abc');
  utimesSync(path.join(dir, startDistDir, 'BUILD_ID'), at, at);
}

describe('webBuildVerdict', () => {
  it('asks for a build when there is none', () => {
    expect(webBuildVerdict(webFolder(), startDistDir)).toEqual({ stale: true, reason: 'no production build yet' });
  });

  it('accepts a build newer than every source', () => {
    const dir = webFolder();
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(dir, 'src', 'app', 'page.tsx'), old, old);
    utimesSync(path.join(dir, 'src', 'app'), old, old);
    utimesSync(path.join(dir, 'src'), old, old);
    build(dir, new Date());
    expect(webBuildVerdict(dir, startDistDir)).toEqual({ stale: false });
  });

  it('rebuilds when a source changed after the build', () => {
    const dir = webFolder();
    build(dir, new Date(Date.now() - 60_000));
    expect(webBuildVerdict(dir, startDistDir)).toMatchObject({ stale: true, reason: expect.stringContaining('sources changed') });
  });
});
