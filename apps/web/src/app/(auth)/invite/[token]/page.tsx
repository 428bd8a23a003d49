import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthForm } from '../../auth-form.tsx';
import { signInToAccept } from '../../invitation-links.ts';
import { InvitationAcceptButton } from '@/components/invitation-accept-button';
import { graphql } from '@/gql';
import { serverQuery } from '@/lib/graphql/server';

export const metadata: Metadata = { title: 'Invitation' };

// What it offers depends on the session cookie: nothing here can be prerendered.
export const dynamic = 'force-dynamic';

const InviteViewer = graphql(`
  query InviteViewer {
    viewer {
      user {
        id
        name
        email
      }
    }
  }
`);

/** Who is reading, if anyone: the page never redirects, whatever the API says. */
async function signedInUser(): Promise<{ name: string; email: string } | null> {
  try {
    const { viewer } = await serverQuery(InviteViewer, {});
    return viewer?.user ?? null;
  } catch {
    return null;
  }
}

/**
 * The link an invitation is sent as. Someone signed in accepts with the token; anyone else signs in (and comes
 * back here) or creates their account here (with the token, so it works where sign-up is by invitation). It
 * works once, for the invited address.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await signedInUser();
  if (user) {
    return (
      <div className="form">
        <h1>You are invited to a Tuneboard team</h1>
        <p className="muted">
          Signed in as {user.name} ({user.email}). The invitation can be accepted with the e-mail address it
          was sent to.
        </p>
        <InvitationAcceptButton input={{ token }} />
      </div>
    );
  }
  return (
    <div className="form">
      <h1>You are invited to a Tuneboard team</h1>
      <p>
        Have an account with the invited e-mail address?{' '}
        <Link href={signInToAccept(token)}>Sign in to accept</Link>
      </p>
      <h2>Create an account to accept</h2>
      <p className="muted">Use the invited e-mail address.</p>
      <AuthForm mode="sign-up" invitationToken={token} />
    </div>
  );
}
