import type { TrialFilter, TrialOrder } from '../generated/graphql.ts';
import { badInput } from './common.ts';
import { LIST_MAX } from '../limits.ts';

/**
 * The most items one list argument may ask for live in `LIST_MAX` (limits.ts, beside the operation's cost limit).
 * Above them a request is refused with BAD_USER_INPUT naming the argument and the value (never silently clamped).
 */
export { LIST_MAX } from '../limits.ts';

/** Bounds of a `TrialFilter`: each entry is a condition in one SQL statement, so the statement stays small. */
export const FILTER_MAX = {
  params: 50,
  /** `ParamFilter.values` entries. */
  values: 100,
  /** `ValueFilter` entries. */
  objectives: 50,
  /** Characters of a parameter name or a metric key. */
  name: 200,
  /** Objective index (`ValueFilter.index`, `TrialOrder.valueIndex`). */
  objectiveIndex: 99,
} as const;

/** The largest offset a cursor may carry (a study never has more trials than an int4 counts). */
const MAX_OFFSET = 2_147_483_647;

/**
 * A value for an error message: JSON, cut to 80 characters so a 2-MiB argument does not come back whole; a
 * non-finite number as itself (JSON writes `1e400`, parsed to Infinity, as "null").
 */
export function shown(value: unknown): string {
  return clipped(typeof value === 'number' && !Number.isFinite(value) ? String(value) : (JSON.stringify(value) ?? String(value)));
}

/** Text for an error message, cut to 80 characters as {@link shown} cuts a value. */
export function clipped(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** An integer argument within [min, max], or a BAD_USER_INPUT naming it. */
export function boundedInt(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${argument} must be between ${min} and ${max}, got ${shown(value)}`);
  }
  return value;
}

/**
 * The `first` of a plain list (a team's projects, a project's studies, …): its schema default when left out,
 * at most `LIST_MAX.default`. The operation's cost (pipeline/cost.ts) counts the list as this long.
 */
export function listFirst(field: string, first: number | null | undefined): number {
  return boundedInt(`${field}(first:)`, first ?? LIST_MAX.default, 0, LIST_MAX.default);
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

/** The offset after a cursor of a trial connection; a cursor this API did not hand out is BAD_USER_INPUT. */
export function decodeCursor(argument: string, cursor: string | null | undefined): number {
  if (cursor == null || cursor === '') return 0;
  const match = cursor.length <= 40 ? /^o:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  const offset = match ? Number(match[1]) : NaN;
  if (!(offset < MAX_OFFSET)) throw badInput(`${argument} is not a cursor of this connection: ${shown(cursor)}`);
  return offset + 1;
}

/** Checks a trial filter against `FILTER_MAX` and for finite numbers; returns it with states deduplicated. */
export function checkTrialFilter(filter: TrialFilter | null | undefined): TrialFilter | null | undefined {
  if (!filter) return filter;
  const params = filter.params ?? [];
  if (params.length > FILTER_MAX.params) {
    throw badInput(`filter.params may hold at most ${FILTER_MAX.params} entries, got ${params.length}`);
  }
  params.forEach((param, i) => {
    const at = `filter.params[${i}]`;
    checkName(`${at}.name`, param.name);
    for (const bound of ['min', 'max'] as const) {
      const value = param[bound];
      if (value != null && !Number.isFinite(value)) throw badInput(`${at}.${bound} must be a finite number, got ${shown(value)}`);
    }
    if (param.values && param.values.length > FILTER_MAX.values) {
      throw badInput(`${at}.values may hold at most ${FILTER_MAX.values} values, got ${param.values.length}`);
    }
    param.values?.forEach((value, j) => {
      const json = JSON.stringify(value) as string | undefined;
      if ((typeof value === 'number' && !Number.isFinite(value)) || json === undefined || json.length > FILTER_MAX.name) {
        throw badInput(`${at}.values[${j}] must be a finite value of at most ${FILTER_MAX.name} characters as JSON, got ${shown(value)}`);
      }
    });
  });
  const values = filter.values ?? [];
  if (values.length > FILTER_MAX.objectives) {
    throw badInput(`filter.values may hold at most ${FILTER_MAX.objectives} entries, got ${values.length}`);
  }
  values.forEach((range, i) => {
    boundedInt(`filter.values[${i}].index`, range.index ?? 0, 0, FILTER_MAX.objectiveIndex);
    for (const bound of ['min', 'max'] as const) {
      const value = range[bound];
      if (value != null && !Number.isFinite(value)) throw badInput(`filter.values[${i}].${bound} must be a finite number, got ${shown(value)}`);
    }
  });
  return { ...filter, ...(filter.states ? { states: [...new Set(filter.states)] } : {}) };
}

/** Checks the parameter name and objective index of an ordering. */
export function checkTrialOrder(order: TrialOrder | null | undefined): void {
  if (!order) return;
  if (order.param != null) checkName('orderBy.param', order.param);
  boundedInt('orderBy.valueIndex', order.valueIndex ?? 0, 0, FILTER_MAX.objectiveIndex);
}

/** `metrics(keys:)`: at most 50 keys of at most 200 characters. */
export function checkMetricKeys(keys: readonly string[] | null | undefined): string[] | null {
  if (keys == null) return null;
  if (keys.length > LIST_MAX.metricKeys) {
    throw badInput(`metrics(keys:) may hold at most ${LIST_MAX.metricKeys} keys, got ${keys.length}`);
  }
  keys.forEach((key, i) => checkName(`metrics(keys:)[${i}]`, key));
  return [...new Set(keys)];
}

function checkName(argument: string, name: string): void {
  if (name.length > FILTER_MAX.name) {
    throw badInput(`${argument} must have at most ${FILTER_MAX.name} characters, got ${name.length}: ${shown(name)}`);
  }
}
