import { readEnv } from '@tuneboard/contract/env';
import { z } from 'zod';

/** The Postgres the API benchmark creates its throw-away database on. */
export const benchEnv = readEnv(
  z.object({
    BENCH_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).default('postgres://postgres@127.0.0.1:5432/postgres'),
    /** A folder: the API process writes a V8 CPU profile there (open it in Chrome's DevTools). */
    BENCH_API_PROFILE: z.string().optional(),
  }),
  process.env,
);

/** The benchmark's child API process gets this environment plus its own settings. */
export const inheritedEnv: Record<string, string | undefined> = { ...process.env };
