import { eq, sql } from 'drizzle-orm';
import { setting, signUpPolicies, user, type Database, type SignUpPolicy } from '@tuneboard/db';
import type { ApiEnv } from '../env.ts';

const KEY = 'signup_policy';

/**
 * Who may sign up: the policy stored by `admin signup-policy set`, else TUNEBOARD_SIGNUP_POLICY, else `open`
 * while there is no account at all (the first person sets the installation up) and `invite` from then on.
 */
export async function signUpPolicy(
  db: Database,
  env: Pick<ApiEnv, 'TUNEBOARD_SIGNUP_POLICY'>,
): Promise<SignUpPolicy> {
  const [stored] = await db.select({ value: setting.value }).from(setting).where(eq(setting.key, KEY));
  if (stored && (signUpPolicies as readonly string[]).includes(stored.value))
    return stored.value as SignUpPolicy;
  if (env.TUNEBOARD_SIGNUP_POLICY) return env.TUNEBOARD_SIGNUP_POLICY;
  const [any] = await db.select({ id: user.id }).from(user).limit(1);
  return any ? 'invite' : 'open';
}

/** Stores the policy for every API replica (read on each sign-up). */
export async function setSignUpPolicy(db: Database, policy: SignUpPolicy): Promise<void> {
  await db
    .insert(setting)
    .values({ key: KEY, value: policy })
    .onConflictDoUpdate({ target: setting.key, set: { value: policy, updatedAt: sql`now()` } });
}
