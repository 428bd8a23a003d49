import type { Metadata } from 'next';
import { AuthForm } from '../auth-form.tsx';
import { invitationParam } from '../invitation-links.ts';

export const metadata: Metadata = { title: 'Sign in' };

/** Sign-in; from an invitation's page (`?invitation=<token>`) it goes back there to accept. */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <AuthForm mode="sign-in" invitationToken={invitationParam((await searchParams).invitation)} />;
}
