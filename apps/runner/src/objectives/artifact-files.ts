import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** An artifact name the API accepts: path segments of letters, digits, `.`, `_`, `-` (anything else becomes `_`). */
export function artifactName(relative: string): string {
  return relative
    .split(/[\\/]+/)
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    .map((segment) => segment.replace(/[^A-Za-z0-9._-]/g, '_'))
    .join('/')
    .slice(0, 255);
}

/** Every file under a folder, as paths relative to it, sorted. */
export async function filesUnder(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) found.push(path.relative(root, full));
    }
  };
  await walk(root);
  return found.sort();
}

