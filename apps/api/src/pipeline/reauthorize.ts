import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../context.ts';

/**
 * A subscription's events, each delivered only if the caller may still see it: before every event the
 * caller is re-resolved (`Context.currentViewer`, cached briefly per socket and invalidated by access
 * notifications) and `check` runs with that caller; when it throws (UNAUTHENTICATED, NOT_FOUND from
 * `authorize`), the subscription ends with that error. Without this, an open subscription kept delivering
 * after the token was revoked, the member removed or the session ended. The fresh caller also becomes the
 * context's, so the event's fields are resolved with today's roles.
 */
export function reauthorized<T>(
  ctx: Context,
  source: AsyncIterableIterator<T>,
  check: (viewer: Viewer, event: T) => void,
): AsyncIterableIterator<T> {
  const current = ctx.currentViewer;
  if (!current) return source;
  return {
    async next() {
      const result = await source.next();
      if (result.done) return result;
      try {
        const viewer = await current();
        ctx.viewer = viewer;
        check(viewer, result.value);
      } catch (error) {
        await source.return?.();
        throw error;
      }
      return result;
    },
    return: () => source.return?.() ?? Promise.resolve({ value: undefined, done: true }),
    throw: (error?: unknown) => source.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
