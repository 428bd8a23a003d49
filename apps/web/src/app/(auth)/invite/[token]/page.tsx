import type { Metadata } from 'next';
import { AuthForm } from '../../auth-form.tsx';
import { InvitationAcceptButton } from '@/components/invitation-accept-button';

export const metadata: Metadata = { title: 'Invitation' };

/**
 * The link an invitation is sent as. A newcomer creates their account here (with the token, so it works where
 * sign-up is by invitation); someone signed in accepts with the token. It works once, for the invited address.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <div className="form">
      <h1>You are invited to a Tuneboard team</h1>
      <p className="muted">Signed in with the invited e-mail address? Accept here:</p>
      <InvitationAcceptButton input={{ token }} />
      <p className="muted">New to Tuneboard? Create your account with the invited e-mail address:</p>
      <AuthForm mode="sign-up" invitationToken={token} />
    </div>
  );
}
