import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';


/** What the dashboard's production build depends on, relative to apps/web. */
const sourceEntries = ['src', 'public', 'next.config.ts', 'next.config.mjs', 'package.json', 'tsconfig.json'];
// Build output folders (`.next`, `.next-*`) are not sources.
const skipped = (name: string) => name === 'node_modules' || name === '.turbo' || name === '.next' || name.startsWith('.next-');

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (skipped(child)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

export type BuildVerdict = { stale: false } | { stale: true; reason: string };

const markerName = 'tuneboard-start.json';

/**
 * Whether `next build` must run: no BUILD_ID yet, a build made for another API address (Next bakes the
 * `/graphql` rewrite into the build), or a source file changed after it. File times are cheap to read (no
 * hashing), so a start with a current build costs milliseconds.
 */
export function webBuildVerdict(webDir: string, distDirName: string, apiUrl: string): BuildVerdict {
  const distDir = path.join(webDir, distDirName);
  const buildId = path.join(distDir, 'BUILD_ID');
  if (!existsSync(buildId)) return { stale: true, reason: 'no production build yet' };
  const marker = path.join(distDir, markerName);
  let builtFor: unknown;
  try {
    builtFor = (JSON.parse(readFileSync(marker, 'utf8')) as { apiUrl?: unknown }).apiUrl;
  } catch {
    builtFor = undefined;
  }
  if (builtFor !== apiUrl) return { stale: true, reason: `the last build was for another API address (${String(builtFor)})` };
  const builtAt = statSync(buildId).mtimeMs;
  const newest = Math.max(...sourceEntries.map((entry) => newestMtime(path.join(webDir, entry))));
  if (newest > builtAt) return { stale: true, reason: 'sources changed since the last build' };
  return { stale: false };
}

/** Remembers which API address a finished build was made for. */
export function markWebBuild(webDir: string, distDirName: string, apiUrl: string): void {
  writeFileSync(path.join(webDir, distDirName, markerName), `${JSON.stringify({ apiUrl })}\n`);
}
