'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Field } from '@/components/field';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import { slugify } from '@/lib/format';
import { useFormErrors } from '@/lib/forms/use-form-errors';
import { unclaimedErrors } from '@/lib/user-errors';

const TeamCreate = graphql(`
  mutation TeamCreate($input: TeamCreateInput!) {
    teamCreate(input: $input) {
      team {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export function TeamCreateForm() {
  const router = useRouter();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const form = useFormErrors();
  const { errors } = form;
  const [{ fetching }, create] = useMutation(TeamCreate);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({ input: { name, slug: slugTouched ? slug : slugify(name) } });
    const payload = result.data?.teamCreate;
    if (form.check(result, payload) && payload?.team) router.push(`/teams/${encodeURIComponent(payload.team.id)}`);
  }

  return (
    <form ref={form.ref} className="form" onSubmit={submit}>
      <FieldError messages={unclaimedErrors(errors, ['name', 'slug'])} />
      <div className="form-row">
        <Field label="Team name" name="name" required errors={errors} value={name} onValue={setName} />
        <Field
          label="Team slug"
          name="slug"
          required
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          errors={errors}
          value={slugTouched ? slug : slugify(name)}
          onValue={(value) => {
            setSlugTouched(true);
            setSlug(value);
          }}
        />
        <button type="submit" disabled={fetching}>
          Create team
        </button>
      </div>
    </form>
  );
}
