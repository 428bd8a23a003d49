import { ConfigError, show } from './errors.ts';

/** Field readers for JSON configurations: each throws a {@link ConfigError} naming the field, rule and value. */
export class Fields {
  constructor(
    private readonly obj: Record<string, unknown>,
    private readonly prefix: string,
  ) {}

  private name(field: string): string {
    return `${this.prefix}.${field}`;
  }

  /** Rejects fields outside `allowed`. */
  only(allowed: readonly string[]): void {
    for (const key of Object.keys(this.obj)) {
      if (!allowed.includes(key)) {
        throw new ConfigError(this.name(key), `unknown field for kind ${show(this.obj.kind)} (allowed: ${allowed.join(', ')})`);
      }
    }
  }

  int(field: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const v = this.obj[field];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new ConfigError(this.name(field), `must be an integer with \`${min} <= ${field} <= ${max}\`, got ${field}=${show(v)}`);
    }
    return v;
  }

  number(field: string, check: (v: number) => boolean, rule: string): number | undefined {
    const v = this.obj[field];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || !check(v)) {
      throw new ConfigError(this.name(field), `\`${rule}\` must hold, got ${field}=${show(v)}`);
    }
    return v;
  }

  bool(field: string): boolean | undefined {
    const v = this.obj[field];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') throw new ConfigError(this.name(field), `must be true or false, got ${field}=${show(v)}`);
    return v;
  }

  oneOf<T extends string>(field: string, values: readonly T[]): T | undefined {
    const v = this.obj[field];
    if (v === undefined) return undefined;
    if (!values.includes(v as T)) {
      throw new ConfigError(this.name(field), `must be one of ${values.join(', ')}, got ${field}=${show(v)}`);
    }
    return v as T;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Copies the defined entries of `o` (so parsed configs hold no `undefined` keys and compare cleanly). */
export function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
