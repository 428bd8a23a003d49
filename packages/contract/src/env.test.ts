import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvError, optionalText, readEnv } from './env.ts';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  MODE: z.enum(['a', 'b']).optional(),
});

describe('readEnv', () => {
  it('returns the parsed settings with their defaults', () => {
    expect(readEnv(schema, { PORT: '4301', UNRELATED: 'x' })).toEqual({ PORT: 4301, HOST: '127.0.0.1' });
  });

  it('names every refused variable at once, with its value and the rule', () => {
    let caught: unknown;
    try {
      readEnv(schema, { PORT: 'many', HOST: '', MODE: 'c' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const error = caught as EnvError;
    expect(error.variables).toEqual(['PORT', 'HOST', 'MODE']);
    expect(error.message).toMatch(/^Invalid PORT="many": .+; Invalid HOST="": .+; Invalid MODE="c": .+/);
  });
});

describe('optionalText', () => {
  it('trims a value and reads unset or blank as unset', () => {
    const texts = z.object({ A: optionalText, B: optionalText, C: optionalText });
    expect(readEnv(texts, { A: '  tb_secret ', B: '   ' })).toEqual({ A: 'tb_secret', B: undefined, C: undefined });
  });
});
