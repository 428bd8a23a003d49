/** Formats a value for an error message: strings quoted, arrays and objects as JSON. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
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
    super(param === undefined ? message : `parameter "${param}": ${message}`);
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
