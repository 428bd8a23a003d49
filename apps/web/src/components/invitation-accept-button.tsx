'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import type { InvitationAcceptInput } from '@/gql/graphql';
import { browserRequest } from '@/lib/graphql/browser-fetch';
import { errorMessage } from '@/lib/graphql/errors';
import { payloadMessages } from '@/lib/forms/payload-errors';

const InvitationAccept = graphql(`
  mutation InvitationAccept($input: InvitationAcceptInput!) {
    invitationAccept(input: $input) {
      membership {
        role
        team {
          id
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Accepts an invitation (by its id from the Teams page, or by the link's token) and opens the team. */
export function InvitationAcceptButton({ input }: { input: InvitationAcceptInput }) {
  const router = useRouter();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function accept() {
    setBusy(true);
    setErrors([]);
    try {
      const payload = (await browserRequest(InvitationAccept, { input })).invitationAccept;
      const messages = payloadMessages({}, payload);
      if (messages.length > 0 || !payload.membership) {
        setErrors(messages);
        setBusy(false);
        return;
      }
      router.push(`/teams/${encodeURIComponent(payload.membership.team.id)}`);
      router.refresh();
    } catch (error) {
      setErrors([errorMessage(error)]);
      setBusy(false);
    }
  }

  return (
    <span>
      <button type="button" onClick={accept} disabled={busy}>
        Accept
      </button>
      <FieldError messages={errors} />
    </span>
  );
}
