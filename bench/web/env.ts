import { readEnv } from '@tuneboard/contract/env';
import { z } from 'zod';

export const webBenchEnv = readEnv(
  z.object({
    /** The Chromium the browser benchmarks drive (Debian's by default, like e2e). */
    TUNEBOARD_E2E_CHROMIUM: z.string().min(1).default('/usr/bin/chromium'),
  }),
  process.env,
);
