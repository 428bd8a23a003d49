'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import { slugify } from '@/lib/format';
import { errorsFor, groupUserErrors, unclaimedErrors, type FieldErrors } from '@/lib/user-errors';
import { readableError } from '@/lib/graphql/errors';

const TeamCreate = graphql(`
  mutation TeamCreate($input: TeamCreateInput!) {
    teamCreate(input: $input) {
      team {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export function TeamCreateForm() {
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, create] = useMutation(TeamCreate);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({ input: { name, slug: slugTouched ? slug : slugify(name) } });
    if (result.error) return setErrors({ '': [readableError(result.error)] });
    const payload = result.data?.teamCreate;
    if (payload?.userErrors.length) return setErrors(groupUserErrors(payload.userErrors));
    if (payload?.team) router.push(`/teams/${encodeURIComponent(payload.team.id)}`);
  }

  const nameErrors = errorsFor(errors, 'name');
  const slugErrors = errorsFor(errors, 'slug');
  return (
    <form className="form" onSubmit={submit}>
      <FieldError messages={unclaimedErrors(errors, ['name', 'slug'])} />
      <div className="form-row">
        <label>
          Team name
          <input
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameErrors.length > 0 || undefined}
            aria-describedby={`${id}-name`}
          />
          <FieldError id={`${id}-name`} messages={nameErrors} />
        </label>
        <label>
          Team slug
          <input
            required
            value={slugTouched ? slug : slugify(name)}
            onChange={(e) => {
              setSlugTouched(true);
              setSlug(e.target.value);
            }}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            aria-invalid={slugErrors.length > 0 || undefined}
            aria-describedby={`${id}-slug`}
          />
          <FieldError id={`${id}-slug`} messages={slugErrors} />
        </label>
        <button type="submit" disabled={fetching}>
          Create team
        </button>
      </div>
    </form>
  );
}
