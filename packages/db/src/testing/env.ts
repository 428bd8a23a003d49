import { readEnv } from '@tuneboard/contract/env';
import { z } from 'zod';

/** Test settings: `TEST_DATABASE_URL` adds a real Postgres run of every database test. */
export const testEnv = readEnv(
  z.object({ TEST_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional().or(z.literal('')) }),
  process.env,
);
