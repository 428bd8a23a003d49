import { z } from 'zod';

/** Test settings: `TEST_DATABASE_URL` adds a real Postgres run of every database test. */
export const testEnv = z
  .object({ TEST_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional().or(z.literal('')) })
  .parse(process.env);
