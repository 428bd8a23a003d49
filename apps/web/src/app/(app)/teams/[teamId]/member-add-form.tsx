'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import type { MembershipRole } from '@/gql/graphql';
import { errorsFor, groupUserErrors, unclaimedErrors, type FieldErrors } from '@/lib/user-errors';

const MembershipCreate = graphql(`
  mutation MembershipCreate($input: MembershipCreateInput!) {
    membershipCreate(input: $input) {
      membership {
        role
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

const roles: MembershipRole[] = ['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'];

export function MemberAddForm({ teamId }: { teamId: string }) {
  const router = useRouter();
  const id = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MembershipRole>('MEMBER');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, add] = useMutation(MembershipCreate);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    const result = await add({ input: { teamId, email, role } });
    if (result.error) return setErrors({ '': [result.error.message] });
    const payload = result.data?.membershipCreate;
    if (payload?.userErrors.length) return setErrors(groupUserErrors(payload.userErrors));
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
          Member email
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
          Add member
        </button>
      </div>
    </form>
  );
}
