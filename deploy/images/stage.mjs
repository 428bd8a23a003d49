#!/usr/bin/env node
// Stages the build context of an image from this checkout, without a registry: the git-tracked sources of the
// given workspaces (tests left out) and, from the node_modules `npm ci` already made, exactly the packages
// their production dependencies need, found by walking package-lock.json the way Node resolves them.
//
//   node deploy/images/stage.mjs OUT_DIR @tuneboard/api [@tuneboard/runner …] [--without @tensorflow/tfjs,mnist]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const args = process.argv.slice(2);
const withoutAt = args.indexOf('--without');
const without = new Set(withoutAt >= 0 ? args.splice(withoutAt, 2)[1].split(',') : []);
const [out, ...workspaces] = args;
if (!out || workspaces.length === 0) {
  process.stderr.write('usage: stage.mjs OUT_DIR WORKSPACE… [--without PKG,…]\n');
  process.exit(2);
}

const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages;
/** Workspace name → its folder ("apps/api"). */
const workspaceDir = new Map();
for (const [key, entry] of Object.entries(lock)) {
  if (entry.link && key.startsWith('node_modules/')) workspaceDir.set(key.slice('node_modules/'.length), entry.resolved);
}

/** Where `name` required from the package at `from` (a lock key) is installed: Node's lookup, nearest first. */
function resolve(from, name) {
  let dir = from;
  for (;;) {
    const key = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (lock[key]) return key;
    if (!dir) return undefined;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up >= 0 ? dir.slice(0, up) : '';
  }
}

const packages = new Set();
const sources = new Set();
const queue = [];
for (const name of workspaces) {
  const dir = workspaceDir.get(name);
  if (!dir) throw new Error(`${name} is not a workspace of this repository`);
  queue.push(dir);
}
while (queue.length > 0) {
  const key = queue.pop();
  const entry = lock[key];
  if (entry.link) {
    queue.push(entry.resolved);
    continue;
  }
  if (key.includes('node_modules/')) {
    if (packages.has(key)) continue;
    packages.add(key);
  } else {
    if (sources.has(key)) continue;
    sources.add(key);
  }
  const deps = { ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies };
  for (const name of Object.keys(deps)) {
    if (without.has(name)) continue;
    const found = resolve(key, name);
    if (found) queue.push(found);
    else if (!entry.optionalDependencies?.[name] && !entry.peerDependenciesMeta?.[name]?.optional) {
      throw new Error(`${key} needs ${name}, which package-lock.json does not hold`);
    }
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let copied = 0;
for (const key of packages) {
  // Optional packages for another platform are in the lock but not on disk.
  if (!existsSync(path.join(root, key))) continue;
  cpSync(path.join(root, key), path.join(out, key), {
    recursive: true,
    dereference: false,
    // Nested node_modules are staged as packages of their own (only those needed); source maps are not needed;
    // of webgpu's prebuilt dawn.node (≈ 20 MB each) only this platform's (the images are linux-x64).
    filter: (src) =>
      !src.slice(path.join(root, key).length).includes('/node_modules/') &&
      !src.endsWith('.map') &&
      !(key === 'node_modules/webgpu' && /\/dist\/[^/]+-[^/]+/.test(src.slice(path.join(root, key).length)) && !src.includes(`/dist/${process.platform}-${process.arch}`)),
  });
  copied += 1;
}
// Workspaces: their tracked files, tests left out, and the link node_modules/@scope/name → folder.
const tracked = execFileSync('git', ['ls-files', '-z', '--', ...sources], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
for (const file of tracked) {
  if (/\.test\.[cm]?[jt]sx?$|\/testing\/|\/fixtures?\//.test(file)) continue;
  mkdirSync(path.join(out, path.dirname(file)), { recursive: true });
  cpSync(path.join(root, file), path.join(out, file));
}
for (const [name, dir] of workspaceDir) {
  if (!sources.has(dir)) continue;
  mkdirSync(path.join(out, 'node_modules', path.dirname(name)), { recursive: true });
  execFileSync('ln', ['-sfn', path.relative(path.join(out, 'node_modules', path.dirname(name)), path.join(out, dir)), path.join(out, 'node_modules', name)]);
}
cpSync(path.join(root, 'package.json'), path.join(out, 'package.json'));
process.stdout.write(`${out}: ${[...sources].join(', ')} and ${copied} packages\n`);
