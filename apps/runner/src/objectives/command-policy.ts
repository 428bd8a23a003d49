// Which command objectives a runner executes. A `command` objective is a program chosen by whoever may create
// studies in the team (a WRITE token is enough): run unchecked, it is code execution on every runner host of
// the team. So runners refuse commands unless their operator started them with `--allow-commands`, optionally
// naming the only programs they may start. Templates always run: they only read built-in data or a CSV.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** `accept: false`: no command objective runs. `programs` undefined: any program; else only these. */
export type CommandPolicy = { accept: false } | { accept: true; programs?: string[] };

/** The default everywhere: a runner not told otherwise refuses command objectives. */
export const refuseCommands: CommandPolicy = { accept: false };

export const commandsRefusedMessage = 'this runner does not accept command objectives; start it with --allow-commands';

/** An executable file at `file`, or undefined. */
function executable(file: string): string | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    accessSync(file, constants.X_OK);
    return file;
  } catch {
    return undefined;
  }
}

/**
 * The file `program` names, found the way the system's exec does: a name through the `PATH` directories, a
 * path with a slash relative to `cwd`. Empty `PATH` entries (the current directory) are skipped on purpose.
 * Symbolic links are not followed: the operator allows the paths they name.
 */
export function resolveProgram(program: string, pathVariable: string | undefined, cwd: string): string | undefined {
  if (program.includes('/')) return executable(path.resolve(cwd, program));
  for (const dir of (pathVariable ?? '').split(path.delimiter)) {
    if (!path.isAbsolute(dir)) continue;
    const found = executable(path.join(dir, program));
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether the policy lets this command start: the program to spawn (an absolute path when the policy has a
 * list, so what was checked is what runs), or the error the trial fails with. The command's program is found
 * with the command's own `PATH` and `cwd`; the list's names with the runner's `PATH`.
 */
export function checkCommand(
  policy: CommandPolicy,
  program: string,
  where: { cwd: string; commandPath: string | undefined; runnerPath: string | undefined },
): { program: string } | { error: string } {
  if (!policy.accept) return { error: commandsRefusedMessage };
  if (policy.programs === undefined) return { program };
  const allowed = policy.programs.join(', ');
  const resolved = resolveProgram(program, where.commandPath, where.cwd);
  if (!resolved) {
    return { error: `cannot find the program ${JSON.stringify(program)} on this runner (its --allow-commands list is ${allowed})` };
  }
  const permitted = policy.programs.some((entry) => resolveProgram(entry, where.runnerPath, '/') === resolved);
  if (!permitted) {
    return {
      error: `this runner does not allow the program ${JSON.stringify(program)} (${resolved}): its --allow-commands list is ${allowed}`,
    };
  }
  return { program: resolved };
}
