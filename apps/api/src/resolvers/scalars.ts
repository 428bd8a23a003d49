import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

function literalToJson(node: ValueNode): unknown {
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
      return node.values.map(literalToJson);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalToJson(field.value)]));
    default:
      throw new GraphQLError('JSON literals cannot contain variables inside; pass the whole value as a variable.');
  }
}

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value: search spaces, parameters, sampler and pruner settings.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalToJson,
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
