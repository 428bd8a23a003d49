import { readEnv } from '@tuneboard/contract/env';
import { z } from 'zod';

export const webBenchEnv = readEnv(
  z.object({
    /** The study-page bench's API port (the dashboard takes the next one); free ports when unset. */
    TUNEBOARD_BENCH_PORT: z.coerce.number().int().min(1).max(65_534).optional(),
    /** 1: the study-page bench records a CPU profile of the last visit, a brush and the live phase (profile.ts). */
    TUNEBOARD_BENCH_PROFILE: z.enum(['0', '1']).default('0'),
  }),
  process.env,
);
