import { GraphQLError } from 'graphql';

/**
 * Bounds the password hashes computed at once: scrypt takes ~50 ms of a core and 32 MiB each, so a burst of
 * sign-ins would otherwise take every core and slow everything down. `limit` run, `queue` more wait their turn,
 * and beyond that a request is refused with RATE_LIMITED at once.
 */
export class HashSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit = 4,
    private readonly queue = 64,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.queue) {
        throw new GraphQLError('Too many sign-ins at once; try again in a few seconds.', {
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 2 },
        });
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
