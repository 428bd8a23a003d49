'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Field } from '@/components/field';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import { slugify } from '@/lib/format';
import { hrefFor } from '@/lib/route-id';
import { useFormErrors } from '@/lib/forms/use-form-errors';
import { unclaimedErrors } from '@/lib/user-errors';

const ProjectCreate = graphql(`
  mutation ProjectCreate($input: ProjectCreateInput!) {
    projectCreate(input: $input) {
      project {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export function ProjectCreateForm({ teamId }: { teamId: string }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const form = useFormErrors();
  const { errors } = form;
  const [{ fetching }, create] = useMutation(ProjectCreate);
  const effectiveSlug = slug ?? slugify(name);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({ input: { teamId, name, slug: effectiveSlug, description } });
    const payload = result.data?.projectCreate;
    if (form.check(result, payload) && payload?.project) router.push(hrefFor('projects', payload.project.id));
  }

  return (
    <form ref={form.ref} className="form" onSubmit={submit}>
      <FieldError messages={unclaimedErrors(errors, ['name', 'slug', 'description'])} />
      <div className="form-row">
        <Field label="Project name" name="name" required errors={errors} value={name} onValue={setName} />
        <Field label="Project slug" name="slug" required errors={errors} value={effectiveSlug} onValue={setSlug} />
      </div>
      <Field label="Description" name="description" errors={errors} value={description} onValue={setDescription} />
      <div>
        <button type="submit" disabled={fetching}>
          Create project
        </button>
      </div>
    </form>
  );
}
