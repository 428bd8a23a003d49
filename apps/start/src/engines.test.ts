import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// `npm ci` warns EBADENGINE for every installed package whose `engines.node` the running Node misses. Running
// `npm ci` in a test takes minutes on a shared machine, so this reads what it would install instead: the
// lockfile's `engines.node` of every package for this platform must hold on every Node the root package.json
// (and the README) accepts, so no supported Node prints the warning.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const rootRange: string = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).engines.node;
const nodeCheck = createRequire(import.meta.url)('./node-check.cjs') as {
  satisfies: (version: string, range: string) => boolean;
  refusal: (version: string, range: string) => string | null;
};

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
  os?: string[];
  cpu?: string[];
}

/** What npm installs here: entries whose `os`/`cpu` lists (if any) name this platform. */
function installedHere(entry: LockEntry): boolean {
  const fits = (list: string[] | undefined, value: string) =>
    !list || list.includes(value) || (list.every((x) => x.startsWith('!')) && !list.includes(`!${value}`));
  return fits(entry.os, process.platform) && fits(entry.cpu, process.arch);
}

describe('supported Node versions', () => {
  it('every locked package accepts every Node the root package.json names', () => {
    const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>;
    };
    const refusing: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      const engines = entry.engines;
      const range = engines && !Array.isArray(engines) ? engines.node : undefined;
      if (!range || !installedHere(entry)) continue;
      if (!semver.subset(rootRange, range)) refusing.push(`${where}@${entry.version}: node ${range}`);
    }
    expect(refusing, `packages that warn EBADENGINE on some Node in ${rootRange}`).toEqual([]);
  });

  it('the running Node is one of them', () => {
    expect(semver.satisfies(process.versions.node, rootRange)).toBe(true);
  });

  it("the launcher's own check agrees with semver on the root range", () => {
    const versions = [
      '16.20.2',
      '18.20.4',
      '20.0.0',
      '20.18.3',
      '20.19.0',
      '21.7.3',
      '22.12.0',
      '22.13.0',
      '23.4.0',
      '23.5.0',
      '24.1.0',
    ];
    for (const version of versions) {
      expect(nodeCheck.satisfies(version, rootRange), version).toBe(semver.satisfies(version, rootRange));
    }
    expect(nodeCheck.satisfies('20.19.0', '^20.19.0 || >=22.13.0')).toBe(true);
    expect(nodeCheck.satisfies('21.0.0', '^20.19.0 || >=22.13.0')).toBe(false);
  });

  it('npm start checks the Node version first, in a process of its own', () => {
    const scripts = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts as Record<
      string,
      string
    >;
    expect(scripts.start).toMatch(/^node apps\/start\/src\/node-check\.cjs && /);
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'apps/start/src/node-check.cjs')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('an older Node gets one line naming its version and the versions needed', () => {
    const line = nodeCheck.refusal('18.20.4', rootRange);
    expect(line).toBe(
      'tuneboard start: this is Node.js v18.20.4; Tuneboard needs Node.js ^20.19.0 or ^22.13.0 or >=24.0.0 (https://nodejs.org).',
    );
    expect(nodeCheck.refusal(process.versions.node, rootRange)).toBeNull();
  });
});
