import { inArray, lt, sql } from 'drizzle-orm';
import { authAttempt, type Database } from '@tuneboard/db';

/** How one kind of key backs off: `free` failures in `windowSeconds` cost nothing, then 1 s, 2 s, 4 s … up to `capSeconds`. */
export interface BackOff {
  free: number;
  capSeconds: number;
  /** A key's count starts again this long after its last failure. */
  windowSeconds: number;
}

/**
 * Per account the back-off is short and capped (30 s): an attacker guessing from many addresses slows the
 * account's guesses down but never locks its owner out for longer than that once the guessing stops. Per
 * client address it is stricter (up to 15 minutes): one address spraying guesses over many accounts.
 */
export const ACCOUNT_BACK_OFF: BackOff = { free: 5, capSeconds: 30, windowSeconds: 15 * 60 };
export const ADDRESS_BACK_OFF: BackOff = { free: 20, capSeconds: 15 * 60, windowSeconds: 60 * 60 };

/** Seconds a key must wait after its `failures`-th failure. */
export function backOffSeconds(failures: number, backOff: BackOff): number {
  if (failures < backOff.free) return 0;
  return Math.min(backOff.capSeconds, 2 ** (failures - backOff.free));
}

/**
 * The sign-in limiter, shared by every API replica through the `auth_attempt` table: a failure upserts a
 * counter per key; a key whose back-off has not passed is refused before any password is hashed. Refused
 * attempts are not counted, so waiting out the back-off always helps.
 */
export class SignInLimiter {
  constructor(private readonly db: Database) {}

  /** Seconds to wait before `account`/`address` may try again; 0 when they may now. */
  async retryAfter(account: string, address: string): Promise<number> {
    const keys = { [`account:${account}`]: ACCOUNT_BACK_OFF, [`address:${address}`]: ADDRESS_BACK_OFF };
    const rows = await this.db
      .select({
        key: authAttempt.key,
        failures: authAttempt.failures,
        since: sql<number>`extract(epoch from now() - ${authAttempt.lastFailureAt})::float8`,
      })
      .from(authAttempt)
      .where(inArray(authAttempt.key, Object.keys(keys)));
    let wait = 0;
    for (const row of rows) {
      const backOff = keys[row.key]!;
      if (row.since >= backOff.windowSeconds) continue;
      wait = Math.max(wait, backOffSeconds(row.failures, backOff) - row.since);
    }
    return wait > 0 ? Math.ceil(wait) : 0;
  }

  /** Counts a failed attempt against both keys. */
  async failed(account: string, address: string): Promise<void> {
    for (const [key, backOff] of [
      [`account:${account}`, ACCOUNT_BACK_OFF],
      [`address:${address}`, ADDRESS_BACK_OFF],
    ] as const) {
      await this.db
        .insert(authAttempt)
        .values({ key, failures: 1 })
        .onConflictDoUpdate({
          target: authAttempt.key,
          set: {
            failures: sql`case when ${authAttempt.lastFailureAt} < now() - make_interval(secs => ${backOff.windowSeconds})
              then 1 else ${authAttempt.failures} + 1 end`,
            lastFailureAt: sql`now()`,
          },
        });
    }
  }

  /** A correct password clears the account's count (not the address's: an attacker's own account must not reset it). */
  async succeeded(account: string): Promise<void> {
    await this.db.delete(authAttempt).where(inArray(authAttempt.key, [`account:${account}`]));
  }

  /** Deletes counters past every window; run by the server's sweep. */
  async purge(): Promise<number> {
    const longest = Math.max(ACCOUNT_BACK_OFF.windowSeconds, ADDRESS_BACK_OFF.windowSeconds);
    const gone = await this.db
      .delete(authAttempt)
      .where(lt(authAttempt.lastFailureAt, sql`now() - make_interval(secs => ${longest})`))
      .returning({ key: authAttempt.key });
    return gone.length;
  }
}
