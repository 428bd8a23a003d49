import { OptunaImportError } from './optuna-types.ts';

/** What Python's `json.dumps` writes for non-finite floats, and the number each stands for. */
const NON_FINITE: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};
/** A bare word is rewritten as this prefix and the word inside a JSON string, read back by the reviver. */
const MARK = '\u0000';

/**
 * JSON as Python's `json.dumps` writes it: like JSON, plus the bare words NaN, Infinity and -Infinity for
 * non-finite floats (Optuna's distributions and attributes hold them: `suggest_categorical("c", [1.0, nan])`).
 * JSON.parse refused them with a raw SyntaxError, answered as an internal error.
 */
export function parsePythonJson(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    const word = /^(-Infinity|Infinity|NaN)/.exec(text.slice(i, i + 9))?.[1];
    if (word) {
      out += JSON.stringify(MARK + word);
      i += word.length - 1;
    } else out += c;
  }
  try {
    return JSON.parse(out, (_key, value: unknown) =>
      typeof value === 'string' && value.startsWith(MARK) && value.slice(1) in NON_FINITE
        ? NON_FINITE[value.slice(1)]
        : value,
    );
  } catch (error) {
    throw new OptunaImportError(
      `a JSON document of the storage cannot be read (${(error as Error).message}): ${text.slice(0, 120)}`,
    );
  }
}
