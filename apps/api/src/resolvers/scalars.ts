import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { textProblem } from '../input-text.ts';

/** Deepest nesting of arrays and objects a JSON value may have (search spaces use 4; templates a few more). */
export const MAX_JSON_DEPTH = 32;

function badJson(path: string, message: string): GraphQLError {
  return new GraphQLError(`JSON value${path ? ` at ${path}` : ''}: ${message}`, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * Checks a JSON value without recursion (a 100,000-deep array must be refused, not overflow the stack):
 * nesting at most {@link MAX_JSON_DEPTH}, finite numbers only (raw `1e400` parses as Infinity), and keys and
 * strings without U+0000 or unpaired surrogates, which Postgres cannot store. The error names the path.
 */
export function checkJson(value: unknown): unknown {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: at, path, depth } = stack.pop()!;
    if (typeof at === 'number') {
      if (!Number.isFinite(at)) throw badJson(path, `numbers must be finite, got ${at}`);
    } else if (typeof at === 'string') {
      const problem = textProblem(at);
      if (problem) throw badJson(path, problem);
    } else if (at !== null && typeof at === 'object') {
      if (depth >= MAX_JSON_DEPTH) throw badJson(path, `arrays and objects may nest at most ${MAX_JSON_DEPTH} deep`);
      for (const [key, item] of Object.entries(at)) {
        const problem = textProblem(key);
        if (problem) throw badJson(path, `key ${problem}`);
        stack.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    } else if (typeof at !== 'boolean' && at !== null) {
      throw badJson(path, `not a JSON value: ${typeof at}`);
    }
  }
  return value;
}

/** A literal as JSON; the depth bound also keeps this recursion shallow. */
function literalToJson(node: ValueNode, depth = 0): unknown {
  if (depth > MAX_JSON_DEPTH) throw badJson('', `arrays and objects may nest at most ${MAX_JSON_DEPTH} deep`);
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((item) => literalToJson(item, depth + 1));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalToJson(field.value, depth + 1)]));
    default:
      throw new GraphQLError('JSON literals cannot contain variables inside; pass the whole value as a variable.');
  }
}

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value: search spaces, parameters, sampler and pruner settings.',
  serialize: (value) => value,
  parseValue: checkJson,
  parseLiteral: (node) => checkJson(literalToJson(node)),
});

const specials: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

function toMetric(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value in specials) return specials[value]!;
  throw new GraphQLError(
    `A MetricValue is a number or one of "NaN", "Infinity", "-Infinity"; got ${JSON.stringify(value)}.`,
  );
}

/** Finite numbers travel as JSON numbers; NaN, ±Infinity and −0 as the strings JSON can carry. */
export const MetricValueScalar = new GraphQLScalarType({
  name: 'MetricValue',
  description:
    'A float that may also be NaN, Infinity, -Infinity or -0: a JSON number, or one of the strings "NaN", "Infinity", "-Infinity", "-0".',
  serialize: (value) => {
    const number = toMetric(value);
    return Number.isFinite(number) && !Object.is(number, -0) ? number : Object.is(number, -0) ? '-0' : String(number);
  },
  parseValue: toMetric,
  parseLiteral: (node) => {
    if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
    if (node.kind === Kind.STRING) return toMetric(node.value);
    throw new GraphQLError('A MetricValue literal is a number or a string such as "NaN".');
  },
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO-8601 date and time, in UTC.',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`Not an ISO-8601 date: ${JSON.stringify(value)}`);
    return date;
  },
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) throw new GraphQLError('A DateTime literal is an ISO-8601 string.');
    return new Date(node.value);
  },
});
