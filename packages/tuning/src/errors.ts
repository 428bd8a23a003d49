/** Longest rendering of a value in an error message; the rest is elided. */
const MAX_SHOWN = 200;

/**
 * Formats a value for an error message: strings quoted, arrays and objects as JSON, cut to {@link MAX_SHOWN}
 * characters. Never throws: a value too deep for JSON.stringify (a stack overflow on a 10,000-deep array) or
 * with a cycle reads as `[array]` / `[object]`.
 */
export function show(value: unknown): string {
  let text: string;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    text = String(value);
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Array.isArray(value) ? '[array]' : typeof value === 'object' ? '[object]' : typeof value;
    }
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/**
 * A search space document broke a rule. `param` names the parameter (undefined for document-level rules),
 * `rule` is the rule in words; the message always carries the offending values.
 */
export class SpaceError extends Error {
  override readonly name = 'SpaceError';
  constructor(
    readonly param: string | undefined,
    readonly rule: string,
    message: string,
  ) {
    super(param === undefined ? message : `parameter ${show(param)}: ${message}`);
  }
}

/** A sampler or pruner configuration broke a rule. `field` names the offending field. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
