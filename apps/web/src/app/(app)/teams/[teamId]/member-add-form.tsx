'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Field } from '@/components/field';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import type { MembershipRole } from '@/gql/graphql';
import { useFormErrors } from '@/lib/forms/use-form-errors';
import { errorsFor, unclaimedErrors } from '@/lib/user-errors';

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
  const form = useFormErrors();
  const { errors } = form;
  const [link, setLink] = useState<string | null>(null);
  const [{ fetching }, add] = useMutation(InvitationCreate);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setLink(null);
    const result = await add({ input: { teamId, email, role } });
    const payload = result.data?.invitationCreate;
    if (!form.check(result, payload)) return;
    setLink(payload?.link ? `${window.location.origin}${payload.link}` : null);
    setEmail('');
    router.refresh();
  }

  const roleErrors = errorsFor(errors, 'role');
  return (
    <form ref={form.ref} className="form" onSubmit={submit} style={{ marginTop: '1rem' }}>
      <FieldError messages={unclaimedErrors(errors, ['email', 'role'])} />
      <div className="form-row">
        <Field label="Invite by e-mail" name="email" type="email" required errors={errors} value={email} onValue={setEmail} />
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
