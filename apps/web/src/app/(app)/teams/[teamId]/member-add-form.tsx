'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import type { MembershipRole } from '@/gql/graphql';
import { errorsFor, groupUserErrors, unclaimedErrors, type FieldErrors } from '@/lib/user-errors';
import { readableError } from '@/lib/graphql/errors';

const InvitationCreate = graphql(`
  mutation InvitationCreate($input: InvitationCreateInput!) {
    invitationCreate(input: $input) {
      link
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const roles: MembershipRole[] = ['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'];

/** Invites someone by e-mail and shows the single-use link to send them (the token is shown this once). */
export function MemberAddForm({ teamId }: { teamId: string }) {
  const router = useRouter();
  const id = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MembershipRole>('MEMBER');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [link, setLink] = useState<string | null>(null);
  const [{ fetching }, add] = useMutation(InvitationCreate);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setLink(null);
    const result = await add({ input: { teamId, email, role } });
    if (result.error) return setErrors({ '': [readableError(result.error)] });
    const payload = result.data?.invitationCreate;
    if (payload?.userErrors.length) return setErrors(groupUserErrors(payload.userErrors));
    setLink(payload?.link ? `${window.location.origin}${payload.link}` : null);
    setEmail('');
    router.refresh();
  }

  const emailErrors = errorsFor(errors, 'email');
  const roleErrors = errorsFor(errors, 'role');
  return (
    <form className="form" onSubmit={submit} style={{ marginTop: '1rem' }}>
      <FieldError messages={unclaimedErrors(errors, ['email', 'role'])} />
      <div className="form-row">
        <label>
          Invite by e-mail
          <input
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={emailErrors.length > 0 || undefined}
            aria-describedby={`${id}-email`}
          />
          <FieldError id={`${id}-email`} messages={emailErrors} />
        </label>
        <label>
          Role
          <select
            value={role}
            onChange={(e) => setRole(e.target.value as MembershipRole)}
            aria-describedby={`${id}-role`}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-role`} messages={roleErrors} />
        </label>
        <button type="submit" disabled={fetching}>
          Invite
        </button>
      </div>
      {link && (
        <p role="status">
          Send this link to them (it works once, for 7 days, and is not shown again): <code>{link}</code>
        </p>
      )}
    </form>
  );
}
