import type { Issue } from './issues.ts';

/** What a runner says it can do when it registers (stored as the runner row's `capabilities`). */
export interface RunnerCapabilities {
  backend: string;
  device?: string;
  gpus: number;
  labels: string[];
  concurrency?: number;
  version?: string;
  /** Started with `--allow-commands`: the claim hands it `command` trials. */
  acceptsCommands?: boolean;
  /** The only programs it starts (`--allow-commands python3,…`); null: any. */
  allowedPrograms?: string[] | null;
  [extra: string]: unknown;
}

/** Most programs a runner's `allowedPrograms` may name (the runner's own `--allow-commands` limit). */
export const MAX_ALLOWED_PROGRAMS = 64;
const MAX_PROGRAM_LENGTH = 4_096;

/**
 * Checks what a registering runner says about `command` objectives: `acceptsCommands` a boolean (absent:
 * false), `allowedPrograms` null or program names / absolute paths. The claim reads both, so a malformed value is
 * refused instead of being read as "accepts". A runner only describes itself: the runner process still refuses
 * what it was not started to run.
 */
export function commandCapabilitiesIssue(capabilities: RunnerCapabilities): Issue | undefined {
  const path = (name: string) => ['capabilities', name];
  const { acceptsCommands, allowedPrograms } = capabilities;
  if (acceptsCommands !== undefined && typeof acceptsCommands !== 'boolean') {
    return { path: path('acceptsCommands'), message: `acceptsCommands must be true or false, got ${JSON.stringify(acceptsCommands)}` };
  }
  if (allowedPrograms === undefined || allowedPrograms === null) return undefined;
  if (!Array.isArray(allowedPrograms) || allowedPrograms.length === 0 || allowedPrograms.length > MAX_ALLOWED_PROGRAMS) {
    return {
      path: path('allowedPrograms'),
      message: `allowedPrograms must be null or a list of 1 to ${MAX_ALLOWED_PROGRAMS} programs, got ${JSON.stringify(allowedPrograms).slice(0, 200)}`,
    };
  }
  const bad = (allowedPrograms as unknown[]).find(
    (entry) => typeof entry !== 'string' || entry === '' || entry.length > MAX_PROGRAM_LENGTH || (entry.includes('/') && !entry.startsWith('/')),
  );
  if (bad !== undefined) {
    return {
      path: path('allowedPrograms'),
      message: `allowedPrograms holds program names or absolute paths (up to ${MAX_PROGRAM_LENGTH} characters), got ${JSON.stringify(bad).slice(0, 200)}`,
    };
  }
  return undefined;
}

/** Whether the runner said it runs command objectives. */
export function acceptsCommands(capabilities: RunnerCapabilities): boolean {
  return capabilities.acceptsCommands === true;
}

/** The programs it said it may start; null when any (or when it runs no commands at all). */
export function allowedPrograms(capabilities: RunnerCapabilities): string[] | null {
  return acceptsCommands(capabilities) && Array.isArray(capabilities.allowedPrograms) ? capabilities.allowedPrograms : null;
}

/**
 * Most constraint values one completion may carry (`trialComplete`'s `constraints`). Each is stored with the
 * trial and read by every later suggestion; the Gaussian-process sampler fits one model per constraint, so an
 * unbounded list would stall the study's sampling.
 */
export const MAX_CONSTRAINTS = 50;

/** Checks a completion's constraint values: at most MAX_CONSTRAINTS (NaN and infinities are values like others). */
export function constraintsIssue(constraints: readonly number[] | null | undefined): Issue | undefined {
  if (constraints == null || constraints.length <= MAX_CONSTRAINTS) return undefined;
  return {
    path: ['constraints'],
    message: `constraints may hold at most ${MAX_CONSTRAINTS} values, got ${constraints.length}: ${JSON.stringify(constraints.slice(0, 5).map(String))}…`,
  };
}
