'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMutation } from 'urql';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import type { MembershipRole } from '@/gql/graphql';
import { payloadMessages } from '@/lib/forms/payload-errors';

const MembershipUpdate = graphql(`
  mutation MembershipUpdate($input: MembershipUpdateInput!) {
    membershipUpdate(input: $input) {
      membership {
        role
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const MembershipRemove = graphql(`
  mutation MembershipRemove($input: MembershipRemoveInput!) {
    membershipRemove(input: $input) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const roles: MembershipRole[] = ['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'];

/**
 * A member's role as a select and a Remove button, for admins and owners. The API enforces the rules (only an
 * owner touches an owner's role; the last owner stays) and its messages are shown as they come.
 */
export function MemberActions({
  teamId,
  userId,
  role,
}: {
  teamId: string;
  userId: string;
  role: MembershipRole;
}) {
  const router = useRouter();
  const [errors, setErrors] = useState<string[]>([]);
  const [{ fetching: updating }, update] = useMutation(MembershipUpdate);
  const [{ fetching: removing }, remove] = useMutation(MembershipRemove);

  function done(result: Parameters<typeof payloadMessages>[0], payload: Parameters<typeof payloadMessages>[1]) {
    const messages = payloadMessages(result, payload);
    setErrors(messages);
    if (messages.length === 0) router.refresh();
  }

  return (
    <span>
      <select
        aria-label="Role"
        value={role}
        disabled={updating}
        onChange={async (e) => {
          const result = await update({ input: { teamId, userId, role: e.target.value as MembershipRole } });
          done(result, result.data?.membershipUpdate);
        }}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>{' '}
      <button
        type="button"
        disabled={removing}
        onClick={async () => {
          const result = await remove({ input: { teamId, userId } });
          done(result, result.data?.membershipRemove);
        }}
      >
        Remove
      </button>
      <FieldError messages={errors} />
    </span>
  );
}
