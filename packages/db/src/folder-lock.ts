import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite corrupts a data folder that two processes open at once, so the folder is guarded by a lock file
 * beside it (`<folder>.lock`, holding the owner's pid and host). A lock whose process is gone (killed with
 * SIGKILL, a crash, a power cut) is stale and is taken over on the next start.
 */
export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The PGlite data folder ${folder} is already in use by process ${owner.pid} on ${owner.host} ` +
        `(since ${owner.since}). PGlite cannot share a folder between processes: stop that process, ` +
        `choose another folder with TUNEBOARD_DATA_DIR, or set DATABASE_URL to use Postgres.`,
    );
    this.name = 'DataFolderLockedError';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** Folders this process holds, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return undefined;
    return { pid: owner.pid, host: owner.host, since: String(owner.since ?? 'unknown') };
  } catch {
    return undefined; // unreadable or half-written: treated as stale
  }
}

function isHeldElsewhere(folder: string, owner: LockOwner | undefined): boolean {
  if (!owner) return false;
  if (owner.host !== os.hostname()) return true; // cannot check another host's processes: refuse
  if (owner.pid === process.pid) return heldHere.has(folder); // a pid reused after a restart is stale
  return isAlive(owner.pid);
}

/** Takes the lock on `folder` or throws DataFolderLockedError; returns the function that releases it. */
export function lockDataFolder(folder: string): () => void {
  const resolved = path.resolve(folder);
  const lockPath = `${resolved}.lock`;
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  if (heldHere.has(resolved)) {
    throw new DataFolderLockedError(resolved, readOwner(lockPath) ?? ownerOfThisProcess());
  }
  for (let attempt = 0; ; attempt += 1) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify(ownerOfThisProcess()));
      fs.closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
      const owner = readOwner(lockPath);
      if (owner && isHeldElsewhere(resolved, owner)) throw new DataFolderLockedError(resolved, owner);
      fs.rmSync(lockPath, { force: true }); // stale: its owner is gone
    }
  }
  heldHere.add(resolved);
  const release = (): void => {
    if (!heldHere.delete(resolved)) return;
    const owner = readOwner(lockPath);
    if (owner?.pid === process.pid) fs.rmSync(lockPath, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return release;
}

function ownerOfThisProcess(): LockOwner {
  return { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
}
