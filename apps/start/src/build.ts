import { existsSync, readdirSync, statSync } from 'node:fs';
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

/**
 * Whether `next build` must run: no BUILD_ID yet, or a source file changed after it. The build does not depend on
 * the API address (the dashboard forwards `/graphql` at request time), so `npm start`, the browser tests and
 * `npm run build -w @tuneboard/web` share one. File times are cheap to read (no hashing), so a start with a
 * current build costs milliseconds.
 */
export function webBuildVerdict(webDir: string, distDirName: string): BuildVerdict {
  const buildId = path.join(webDir, distDirName, 'BUILD_ID');
  if (!existsSync(buildId)) return { stale: true, reason: 'no production build yet' };
  const builtAt = statSync(buildId).mtimeMs;
  const newest = Math.max(...sourceEntries.map((entry) => newestMtime(path.join(webDir, entry))));
  if (newest > builtAt) return { stale: true, reason: 'sources changed since the last build' };
  return { stale: false };
}
