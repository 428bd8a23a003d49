import { env } from './env.ts';
import { ensureWebBuild } from './stack.ts';

/**
 * Before any spec: one dashboard build for every stack and every `npm start` the specs run (a no-op when turbo's
 * `@tuneboard/web#build` or an earlier run made a current one), so no spec's timeout pays for it. Only here does
 * TUNEBOARD_E2E_REBUILD=1 force it: the specs run in other processes and find this build current.
 */
export async function setup(): Promise<void> {
  await ensureWebBuild({ force: env.rebuild });
}
