import { GraphQLError, defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

/** U+0000, or a surrogate that is not half of a pair (the `u` flag matches pairs as one code point). */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what is looked for
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;
/** Characters of a refused value shown back in the message. */
const SHOWN = 80;

/**
 * Why a string cannot be stored, or undefined when it can. Postgres refuses U+0000 in text and jsonb (an
 * internal error after validation passed) and a lone surrogate is not UTF-8 at all (silently turned into
 * U+FFFD, so the stored name differs from the one given).
 */
export function textProblem(text: string): string | undefined {
  const match = UNSTORABLE.exec(text);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0);
  const what = code === 0 ? 'U+0000 (NUL)' : `an unpaired surrogate (U+${code.toString(16).toUpperCase()})`;
  const shown = JSON.stringify(text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text);
  return `must not contain ${what}, got ${shown} (at character ${match.index})`;
}

/**
 * Arguments stored with U+FFFD in place of what Postgres cannot hold, instead of refused: a runner's account of a
 * crash (a program's stderr, a stack) must reach the trial whatever bytes it holds (`boundedTrialError`).
 */
const SANITISED: Record<string, ReadonlySet<string>> = {
  'Mutation.trialFail': new Set(['input.error']),
  'Mutation.modelEvaluationFinish': new Set(['input.error']),
};

/** The first unstorable string in a field's arguments (keys included), named by its path: `input.space.x.choices.1`. */
function argumentProblem(args: Record<string, unknown>, sanitised?: ReadonlySet<string>): GraphQLError | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value: args, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (sanitised?.has(path.join('.'))) continue;
      const problem = textProblem(value);
      if (problem) return refusal(path, problem);
    } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) {
        const problem = textProblem(key);
        if (problem) return refusal(path, `a key ${problem}`);
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return undefined;
}

function refusal(path: string[], problem: string): GraphQLError {
  return new GraphQLError(`${path.join('.')}: ${problem}`, { extensions: { code: 'BAD_USER_INPUT', field: path } });
}

function guarded<T extends GraphQLFieldResolver<unknown, unknown>>(resolve: T, sanitised?: ReadonlySet<string>): T {
  return ((parent, args, ctx, info) => {
    const problem = argumentProblem(args, sanitised);
    if (problem) throw problem;
    return resolve(parent, args, ctx, info);
  }) as T;
}

/**
 * Every field that takes arguments refuses, before its resolver runs, a string anywhere in them that the
 * database cannot store (names, descriptions, filters, metric keys, JSON documents), with BAD_USER_INPUT
 * naming the argument's path (but for the few `SANITISED` ones). One check in the schema covers HTTP and
 * WebSocket, and fields added later.
 */
export function guardTextArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const sanitised = SANITISED[`${type.name}.${field.name}`];
      field.resolve = guarded(field.resolve ?? defaultFieldResolver, sanitised);
      if (field.subscribe) field.subscribe = guarded(field.subscribe, sanitised);
    }
  }
  return schema;
}
