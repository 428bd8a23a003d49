import { ensureWebBuild } from './stack.ts';

/**
 * Before any spec: one dashboard build for every stack and every `npm start` the specs run (a no-op when turbo's
 * `@tuneboard/web#build` or an earlier run made a current one), so no spec's timeout pays for it.
 */
export async function setup(): Promise<void> {
  await ensureWebBuild();
}
