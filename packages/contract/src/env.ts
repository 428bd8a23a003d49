// Reading settings from an environment, the one way every app and package does it: its own `env.ts` holds a zod
// schema of its variables and hands `process.env` to `readEnv` (this file reads no environment itself).
import { z } from 'zod';

/** An environment variable refused by its schema: the message names each variable, its value and the rule. */
export class EnvError extends Error {
  /** The refused variables, in the schema's order of checking. */
  readonly variables: string[];

  constructor(problems: { variable: string; value: string | undefined; rule: string }[]) {
    super(problems.map((p) => `Invalid ${p.variable}=${JSON.stringify(p.value)}: ${p.rule}`).join('; '));
    this.name = 'EnvError';
    this.variables = problems.map((p) => p.variable);
  }
}

/**
 * The settings `schema` (a zod object of variables) reads from `source`, validated; every refused variable is named
 * at once with its value and the rule (`Invalid PORT="many": …; Invalid HOST="": …`).
 */
export function readEnv<S extends z.ZodType>(schema: S, source: Readonly<Record<string, string | undefined>>): z.output<S> {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const variable = issue.path.length > 0 ? String(issue.path[0]) : 'environment';
    return { variable, value: source[variable], rule: issue.message };
  });
  throw new EnvError(problems);
}

/** A variable that may be unset, trimmed; set to blank text counts as unset (`TUNEBOARD_TOKEN=` in a shell). */
export const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));
